/**
 * Which rows of a long list to render: the list scrolls inside a viewport; only the rows in view plus `overscan`
 * pixels above and below are in the DOM, and padding above and below stands for the rest. Every row is `rowHeight`
 * tall except the expanded ones (the selected agent's details, the assign popover), whose extra height is measured.
 */
export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan: number;
  /** Extra pixels below row `index`, beyond `rowHeight`. */
  expanded: readonly { index: number; extra: number }[];
}

export interface RowWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  padTop: number;
  padBottom: number;
}

/** The top of row `index` in the scrolled content. */
export function rowTop(index: number, rowHeight: number, expanded: WindowInput['expanded']): number {
  let top = index * rowHeight;
  for (const e of expanded) if (e.index < index) top += e.extra;
  return top;
}

/** The row at vertical position `y` (clamped to [0, count)). */
export function rowAt(y: number, count: number, rowHeight: number, expanded: WindowInput['expanded']): number {
  if (count === 0) return 0;
  let offset = 0;
  for (const e of [...expanded].sort((a, b) => a.index - b.index)) {
    const top = e.index * rowHeight + offset;
    if (y < top) break;
    if (y < top + rowHeight + e.extra) return Math.min(e.index, count - 1);
    offset += e.extra;
  }
  return Math.max(0, Math.min(count - 1, Math.floor((y - offset) / rowHeight)));
}

export function rowWindow(input: WindowInput): RowWindow {
  const { count, rowHeight, scrollTop, viewportHeight, overscan } = input;
  const expanded = input.expanded.filter((e) => e.index >= 0 && e.index < count && e.extra > 0);
  if (count === 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const start = rowAt(Math.max(0, scrollTop - overscan), count, rowHeight, expanded);
  const end = rowAt(scrollTop + viewportHeight + overscan, count, rowHeight, expanded) + 1;
  const total = rowTop(count, rowHeight, expanded);
  const padTop = rowTop(start, rowHeight, expanded);
  return { start, end, padTop, padBottom: total - rowTop(end, rowHeight, expanded) };
}
