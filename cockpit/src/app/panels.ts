import type { PanelDefinition } from './core/layout/panel-registry';
import { PanelIds } from './core/layout/panel-ids';

/** The component registry: every panel a layout can place, each loaded as its own chunk on first show. */
export const PANELS: readonly PanelDefinition[] = [
  { id: PanelIds.jobList, titleKey: 'panel.jobList', load: () => import('./features/job-list/job-list.panel').then((m) => m.JobListPanel) },
  { id: PanelIds.agentList, titleKey: 'panel.agentList', load: () => import('./features/agent-list/agent-list.panel').then((m) => m.AgentListPanel) },
  { id: PanelIds.jobCreate, titleKey: 'panel.jobCreate', load: () => import('./features/job-create/job-create.panel').then((m) => m.JobCreatePanel) },
  { id: PanelIds.queues, titleKey: 'panel.queues', load: () => import('./features/queues/queues.panel').then((m) => m.QueuesPanel) },
  { id: PanelIds.jobDetails, titleKey: 'panel.jobDetails', load: () => import('./features/job-details/job-details.panel').then((m) => m.JobDetailsPanel) },
  { id: PanelIds.statistics, titleKey: 'panel.statistics', load: () => import('./features/statistics/statistics.panel').then((m) => m.StatisticsPanel) },
  { id: PanelIds.agentActivity, titleKey: 'panel.agentActivity', load: () => import('./features/agent-activity/agent-activity.panel').then((m) => m.AgentActivityPanel) },
  { id: PanelIds.chatHistory, titleKey: 'panel.chatHistory', load: () => import('./features/chat-history/chat-history.panel').then((m) => m.ChatHistoryPanel) },
  { id: PanelIds.requestViewer, titleKey: 'panel.requestViewer', load: () => import('./features/request-viewer/request-viewer.panel').then((m) => m.RequestViewerPanel) },
  { id: PanelIds.graphTimeline, titleKey: 'panel.graphTimeline', load: () => import('./features/graph-timeline/graph-timeline.panel').then((m) => m.GraphTimelinePanel) },
  { id: PanelIds.todos, titleKey: 'panel.todos', load: () => import('./features/todos/todos.panel').then((m) => m.TodosPanel) },
  { id: PanelIds.databaseBrowser, titleKey: 'panel.databaseBrowser', load: () => import('./features/database-browser/database-browser.panel').then((m) => m.DatabaseBrowserPanel) },
  { id: PanelIds.tokens, titleKey: 'panel.tokens', load: () => import('./features/tokens/tokens.panel').then((m) => m.TokensPanel) },
  { id: PanelIds.timelineScrubber, titleKey: 'panel.timelineScrubber', load: () => import('./features/timeline-scrubber/timeline-scrubber.panel').then((m) => m.TimelineScrubberPanel) },
];
