import { mergeAudit } from './agent-activity/agent-activity.panel';
import { cellText } from './database-browser/database-browser.panel';
import { deltasUpTo, graphAt, nodeLabel, type GraphPlayback } from './graph-timeline/graph-playback';
import { requestMessages } from './request-viewer/request-viewer.panel';
import { eventTimes } from './timeline-scrubber/timeline-scrubber.panel';
import { mergeSnapshots, snapshotAt } from '../core/data/job-context.store';
import type { AuditEntry } from '../core/data/job-context.store';

const playback: GraphPlayback = {
  hasMore: false,
  at: '2026-11-24T09:00:00Z',
  snapshot: { nodes: [{ id: 'doc', labels: ['Document'], properties: { name: 'spec.md' } }], edges: [] },
  deltas: [
    { at: '2026-11-24T09:00:01Z', op: 'node_added', elementId: 'r1', labels: ['Requirement'], edgeType: null, from: null, to: null, properties: { text: 'shall log' } },
    { at: '2026-11-24T09:00:02Z', op: 'edge_added', elementId: 'e1', labels: null, edgeType: 'EXTRACTED_FROM', from: 'r1', to: 'doc', properties: null },
    { at: '2026-11-24T09:00:03Z', op: 'node_updated', elementId: 'r1', labels: null, edgeType: null, from: null, to: null, properties: { status: 'integrated' } },
    { at: '2026-11-24T09:00:04Z', op: 'node_removed', elementId: 'doc', labels: null, edgeType: null, from: null, to: null, properties: null },
  ],
};

describe('graph playback', () => {
  it('applies deltas to the snapshot one by one', () => {
    expect(graphAt(playback, 0).nodes.size).toBe(1);
    const two = graphAt(playback, 2);
    expect([...two.nodes.keys()]).toEqual(['doc', 'r1']);
    expect(two.edges.get('e1')).toMatchObject({ from: 'r1', to: 'doc', type: 'EXTRACTED_FROM' });
    expect(graphAt(playback, 3).nodes.get('r1')?.properties).toEqual({ text: 'shall log', status: 'integrated' });
  });

  it('drops edges whose ends were removed', () => {
    const last = graphAt(playback, 4);
    expect(last.nodes.has('doc')).toBe(false);
    expect(last.edges.size).toBe(0);
  });

  it('counts the deltas up to a moment and labels nodes readably', () => {
    expect(deltasUpTo(playback.deltas, Date.parse('2026-11-24T09:00:02.500Z'))).toBe(2);
    expect(deltasUpTo(playback.deltas, Number.POSITIVE_INFINITY)).toBe(4);
    expect(nodeLabel({ id: 'doc', labels: ['Document'], properties: { name: 'spec.md' } })).toBe('spec.md');
    expect(nodeLabel({ id: 'abcdef123', labels: ['Req'], properties: null })).toBe('Req abcdef');
  });
});

describe('panel helpers', () => {
  const entry = (id: string, at: string, stepType = 'tool') => ({ id, at, stepType }) as AuditEntry;

  it('merges loaded and live audit entries without duplicates, oldest first, filtered', () => {
    const merged = mergeAudit([entry('1', '2026-11-24T09:00:02Z'), entry('2', '2026-11-24T09:00:01Z', 'llm')], [entry('1', '2026-11-24T09:00:02Z'), entry('3', '2026-11-24T09:00:03Z')], []);
    expect(merged.map((e) => e.id)).toEqual(['2', '1', '3']);
    expect(mergeAudit(merged, [], ['llm']).map((e) => e.id)).toEqual(['2']);
  });

  it('scrubber events are the sorted unique moments', () => {
    expect(eventTimes([{ at: '2026-11-24T09:00:02Z' }], [{ at: '2026-11-24T09:00:01Z' }, { at: '2026-11-24T09:00:02Z' }])).toEqual([
      Date.parse('2026-11-24T09:00:01Z'),
      Date.parse('2026-11-24T09:00:02Z'),
    ]);
  });

  it('todo snapshots: the one in force at a moment', () => {
    const snapshots = mergeSnapshots(
      [{ at: '2026-11-24T09:00:05Z', todos: [], archived: [] }],
      [{ at: '2026-11-24T09:00:01Z', todos: [{ id: '1', content: 'read', status: 'pending' }], archived: [] }],
    );
    expect(snapshotAt(snapshots, Date.parse('2026-11-24T09:00:03Z'))?.todos).toHaveLength(1);
    expect(snapshotAt(snapshots, Date.parse('2026-11-24T09:00:00Z'))).toBeUndefined();
  });

  it('request viewer reads OpenAI-style messages', () => {
    expect(requestMessages({ messages: [{ role: 'user', content: 'hi' }, { role: 'tool', content: { a: 1 } }] })).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'tool', content: '{\n  "a": 1\n}' },
    ]);
    expect(requestMessages('not a request')).toEqual([]);
  });

  it('database cells: null mark, JSON for objects, long values cut', () => {
    expect(cellText(null)).toBe('∅');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText('x'.repeat(200))).toHaveLength(120);
  });
});
