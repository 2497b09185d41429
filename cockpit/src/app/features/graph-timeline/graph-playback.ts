import type { JobGraphQuery } from '../../core/graphql/generated';

export type GraphPlayback = NonNullable<JobGraphQuery['job']>['graph'];
export type GraphDelta = GraphPlayback['deltas'][number];

export interface GraphNodeState {
  id: string;
  labels: string[];
  properties: unknown;
}

export interface GraphEdgeState {
  id: string;
  type: string | null;
  from: string;
  to: string;
  properties: unknown;
}

export interface GraphState {
  nodes: Map<string, GraphNodeState>;
  edges: Map<string, GraphEdgeState>;
}

/**
 * The graph after the first `count` deltas have been applied to the snapshot. Edges whose ends are gone are dropped,
 * as a graph database would refuse them. Pure: the playback controls only move `count`.
 */
export function graphAt(playback: GraphPlayback, count: number): GraphState {
  const nodes = new Map<string, GraphNodeState>(playback.snapshot.nodes.map((n) => [n.id, { id: n.id, labels: n.labels, properties: n.properties }]));
  const edges = new Map<string, GraphEdgeState>(
    playback.snapshot.edges.map((e) => [e.id, { id: e.id, type: e.type, from: e.from, to: e.to, properties: e.properties }]),
  );
  for (const delta of playback.deltas.slice(0, Math.max(0, count))) apply(nodes, edges, delta);
  for (const [id, edge] of edges) {
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) edges.delete(id);
  }
  return { nodes, edges };
}

function apply(nodes: Map<string, GraphNodeState>, edges: Map<string, GraphEdgeState>, delta: GraphDelta): void {
  switch (delta.op) {
    case 'node_added':
    case 'node_updated': {
      const before = nodes.get(delta.elementId);
      nodes.set(delta.elementId, {
        id: delta.elementId,
        labels: delta.labels ?? before?.labels ?? [],
        properties: mergeProperties(before?.properties, delta.properties),
      });
      break;
    }
    case 'node_removed':
      nodes.delete(delta.elementId);
      break;
    case 'edge_added':
    case 'edge_updated': {
      const before = edges.get(delta.elementId);
      const from = delta.from ?? before?.from;
      const to = delta.to ?? before?.to;
      if (!from || !to) return;
      edges.set(delta.elementId, {
        id: delta.elementId,
        type: delta.edgeType ?? before?.type ?? null,
        from,
        to,
        properties: mergeProperties(before?.properties, delta.properties),
      });
      break;
    }
    case 'edge_removed':
      edges.delete(delta.elementId);
      break;
  }
}

function mergeProperties(before: unknown, change: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(change)) return { ...before, ...change };
  return change ?? before ?? null;
}

/** How many deltas have happened by `atMs` (all of them when live). */
export function deltasUpTo(deltas: readonly GraphDelta[], atMs: number): number {
  let count = 0;
  for (const d of deltas) {
    if (Date.parse(d.at) <= atMs) count++;
    else break;
  }
  return count;
}

/** A short name for a node: its name/title/text property, else its first label and id. */
export function nodeLabel(node: GraphNodeState): string {
  const p = (node.properties ?? {}) as Record<string, unknown>;
  const named = p['name'] ?? p['title'] ?? p['id'] ?? p['text'];
  const text = typeof named === 'string' || typeof named === 'number' ? String(named) : `${node.labels[0] ?? 'node'} ${node.id.slice(0, 6)}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
