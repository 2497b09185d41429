/**
 * The split-panel layout as plain data: a tree of splits (row or column, with a size per child in percent) whose
 * leaves are panes holding tabs of panels. Every change is a pure function returning a new tree, so the layout is
 * easy to persist, to validate when read back, and to test.
 */
export type Direction = 'row' | 'column';

export interface PaneNode {
  kind: 'pane';
  id: string;
  panels: string[];
  active: string;
}

export interface SplitNode {
  kind: 'split';
  direction: Direction;
  children: LayoutNode[];
  /** Percent of the split's length per child; sums to 100. */
  sizes: number[];
}

export type LayoutNode = SplitNode | PaneNode;

/** A child of a split never shrinks below this many percent, so a gutter can always be grabbed again. */
export const MIN_SIZE = 8;

export function pane(id: string, panels: string[], active = panels[0] ?? ''): PaneNode {
  return { kind: 'pane', id, panels, active };
}

export function split(direction: Direction, children: LayoutNode[], sizes?: number[]): SplitNode {
  return { kind: 'split', direction, children, sizes: normalise(sizes ?? children.map(() => 100 / children.length), children.length) };
}

/** Path of child indexes from the root to a split. */
export type SplitPath = readonly number[];

/**
 * Moves the gutter between children `index` and `index + 1` of the split at `path` by `deltaPercent` (of that split's
 * length). Neither neighbour goes below MIN_SIZE; the other children keep their sizes.
 */
export function resize(root: LayoutNode, path: SplitPath, index: number, deltaPercent: number): LayoutNode {
  return updateAt(root, path, (node) => {
    if (node.kind !== 'split' || index < 0 || index >= node.children.length - 1) return node;
    const sizes = [...node.sizes];
    const pair = sizes[index] + sizes[index + 1];
    const first = clamp(sizes[index] + deltaPercent, MIN_SIZE, pair - MIN_SIZE);
    sizes[index] = round(first);
    sizes[index + 1] = round(pair - first);
    return { ...node, sizes };
  });
}

export function setActive(root: LayoutNode, paneId: string, panelId: string): LayoutNode {
  return mapPanes(root, (p) => (p.id === paneId && p.panels.includes(panelId) && p.active !== panelId ? { ...p, active: panelId } : p));
}

/** Adds a panel as a tab of a pane (moving it there if another pane had it) and shows it. */
export function addPanel(root: LayoutNode, paneId: string, panelId: string): LayoutNode {
  const without = removeEverywhere(root, panelId, paneId);
  return mapPanes(without, (p) =>
    p.id === paneId ? { ...p, panels: p.panels.includes(panelId) ? p.panels : [...p.panels, panelId], active: panelId } : p,
  );
}

/** Closes a tab; the pane shows its neighbour. A pane may end up empty (it then offers to add a panel). */
export function removePanel(root: LayoutNode, paneId: string, panelId: string): LayoutNode {
  return mapPanes(root, (p) => {
    if (p.id !== paneId) return p;
    const at = p.panels.indexOf(panelId);
    if (at < 0) return p;
    const panels = p.panels.filter((id) => id !== panelId);
    const active = p.active === panelId ? (panels[Math.min(at, panels.length - 1)] ?? '') : p.active;
    return { ...p, panels, active };
  });
}

/** The pane that holds a panel, if any. */
export function findPanel(root: LayoutNode, panelId: string): PaneNode | undefined {
  return panes(root).find((p) => p.panels.includes(panelId));
}

/** Shows a panel: activates its tab, or adds it to `fallbackPaneId` (else the largest pane) when it is not placed. */
export function reveal(root: LayoutNode, panelId: string, fallbackPaneId?: string): LayoutNode {
  const holder = findPanel(root, panelId);
  if (holder) return setActive(root, holder.id, panelId);
  const all = panes(root);
  const target = all.find((p) => p.id === fallbackPaneId) ?? all[0];
  return target ? addPanel(root, target.id, panelId) : root;
}

export function panes(root: LayoutNode): PaneNode[] {
  return root.kind === 'pane' ? [root] : root.children.flatMap(panes);
}

/**
 * Reads back a stored layout: anything malformed gives undefined (the caller falls back to a preset); unknown panels
 * are dropped and sizes normalised, so a layout saved by an older version still opens.
 */
export function parseLayout(raw: unknown, knownPanels: ReadonlySet<string>, depth = 0): LayoutNode | undefined {
  if (depth > 8 || typeof raw !== 'object' || raw === null) return undefined;
  const node = raw as Record<string, unknown>;
  if (node['kind'] === 'pane') {
    if (typeof node['id'] !== 'string' || !Array.isArray(node['panels'])) return undefined;
    const panels = [...new Set(node['panels'].filter((p): p is string => typeof p === 'string' && knownPanels.has(p)))];
    const active = typeof node['active'] === 'string' && panels.includes(node['active']) ? node['active'] : (panels[0] ?? '');
    return { kind: 'pane', id: node['id'], panels, active };
  }
  if (node['kind'] === 'split') {
    const direction = node['direction'];
    if ((direction !== 'row' && direction !== 'column') || !Array.isArray(node['children']) || node['children'].length === 0) return undefined;
    const children = node['children'].map((c) => parseLayout(c, knownPanels, depth + 1));
    if (children.some((c) => c === undefined)) return undefined;
    const sizes = Array.isArray(node['sizes']) ? node['sizes'].map(Number) : [];
    return { kind: 'split', direction, children: children as LayoutNode[], sizes: normalise(sizes, children.length) };
  }
  return undefined;
}

function normalise(sizes: number[], count: number): number[] {
  const usable = sizes.length === count && sizes.every((s) => Number.isFinite(s) && s > 0) ? sizes : Array(count).fill(1);
  const total = usable.reduce((a, b) => a + b, 0);
  return usable.map((s) => round((s / total) * 100));
}

function updateAt(node: LayoutNode, path: SplitPath, change: (node: LayoutNode) => LayoutNode): LayoutNode {
  if (path.length === 0) return change(node);
  if (node.kind !== 'split') return node;
  const [head, ...rest] = path;
  const child = node.children[head];
  if (!child) return node;
  const updated = updateAt(child, rest, change);
  return updated === child ? node : { ...node, children: node.children.map((c, i) => (i === head ? updated : c)) };
}

/** Applies `change` to every pane; subtrees in which nothing changed keep their identity (callers compare with ===). */
function mapPanes(node: LayoutNode, change: (pane: PaneNode) => PaneNode): LayoutNode {
  if (node.kind === 'pane') return change(node);
  const children = node.children.map((c) => mapPanes(c, change));
  return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
}

function removeEverywhere(root: LayoutNode, panelId: string, exceptPaneId: string): LayoutNode {
  let result = root;
  for (const p of panes(root)) {
    if (p.id !== exceptPaneId && p.panels.includes(panelId)) result = removePanel(result, p.id, panelId);
  }
  return result;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
