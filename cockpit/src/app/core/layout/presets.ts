import { type LayoutNode, pane, split } from './layout-model';
import { PanelIds as P } from './panel-ids';

export type PresetId = 'default' | 'job' | 'debug';
export const PRESET_IDS: readonly PresetId[] = ['default', 'job', 'debug'];

/**
 * The seed's three layouts. Default: jobs on the left, details and debugging on the right. Job-focused: a large job
 * list with details, debugging minimal. Debug-focused: a small job selector and the debugging panels large.
 */
export const PRESETS: Record<PresetId, () => LayoutNode> = {
  default: () =>
    split('row', [
      pane('left', [P.jobList, P.queues, P.agentList, P.jobCreate, P.statistics]),
      split('column', [
        pane('top', [P.jobDetails]),
        pane('scrubber', [P.timelineScrubber]),
        pane('bottom', [P.agentActivity, P.chatHistory, P.todos, P.graphTimeline, P.requestViewer, P.databaseBrowser, P.tokens]),
      ], [52, 10, 38]),
    ], [42, 58]),
  job: () =>
    split('row', [
      split('column', [pane('left', [P.jobList, P.jobCreate]), pane('left-bottom', [P.queues, P.agentList, P.statistics])], [65, 35]),
      split('column', [pane('top', [P.jobDetails]), pane('bottom', [P.todos, P.agentActivity, P.databaseBrowser, P.tokens])], [75, 25]),
    ], [55, 45]),
  debug: () =>
    split('row', [
      pane('left', [P.jobList, P.queues, P.agentList, P.statistics, P.jobCreate]),
      split('column', [
        pane('scrubber', [P.timelineScrubber]),
        split('row', [
          pane('top', [P.agentActivity, P.jobDetails, P.databaseBrowser, P.tokens]),
          pane('right', [P.graphTimeline, P.chatHistory, P.requestViewer, P.todos]),
        ]),
      ], [12, 88]),
    ], [24, 76]),
};

export function isPresetId(value: unknown): value is PresetId {
  return PRESET_IDS.includes(value as PresetId);
}
