import { rowAt, rowTop, rowWindow } from './agent-window';

describe('rowWindow', () => {
  const base = { rowHeight: 50, overscan: 100, viewportHeight: 500, expanded: [] as { index: number; extra: number }[] };

  it.each([
    { name: 'empty list', count: 0, scrollTop: 0, expected: { start: 0, end: 0, padTop: 0, padBottom: 0 } },
    { name: 'top of a long list', count: 1000, scrollTop: 0, expected: { start: 0, end: 13, padTop: 0, padBottom: 987 * 50 } },
    { name: 'middle', count: 1000, scrollTop: 10_000, expected: { start: 198, end: 213, padTop: 198 * 50, padBottom: 787 * 50 } },
    { name: 'bottom', count: 1000, scrollTop: 49_500, expected: { start: 988, end: 1000, padTop: 988 * 50, padBottom: 0 } },
    { name: 'scrolled past the end (shrunk list)', count: 10, scrollTop: 99_999, expected: { start: 9, end: 10, padTop: 450, padBottom: 0 } },
    { name: 'short list', count: 3, scrollTop: 0, expected: { start: 0, end: 3, padTop: 0, padBottom: 0 } },
  ])('$name', ({ count, scrollTop, expected }) => {
    expect(rowWindow({ ...base, count, scrollTop })).toEqual(expected);
  });

  it('renders no more rows than fit in the viewport and overscan, however long the list', () => {
    const w = rowWindow({ ...base, count: 5000, scrollTop: 123_456 });
    expect(w.end - w.start).toBeLessThanOrEqual((500 + 2 * 100) / 50 + 2);
  });

  it('an expanded row above the window pushes the window by its extra height, and the total height includes it', () => {
    const expanded = [{ index: 10, extra: 120 }];
    const plain = rowWindow({ ...base, count: 1000, scrollTop: 10_000 });
    const w = rowWindow({ ...base, count: 1000, scrollTop: 10_000 + 120, expanded });
    expect(w.start).toBe(plain.start);
    expect(w.padTop).toBe(plain.padTop + 120);
    expect(w.padTop + (w.end - w.start) * 50 + w.padBottom).toBe(1000 * 50 + 120);
  });

  it('padding plus rendered rows always add up to the whole list', () => {
    const expanded = [{ index: 5, extra: 80 }, { index: 300, extra: 40 }];
    for (const scrollTop of [0, 200, 290, 400, 14_960, 15_000, 15_100, 50_000]) {
      const w = rowWindow({ ...base, count: 1000, scrollTop, expanded });
      const rendered = rowTop(w.end, 50, expanded) - rowTop(w.start, 50, expanded);
      expect(w.padTop + rendered + w.padBottom).toBe(1000 * 50 + 120);
      expect(w.start).toBeLessThan(w.end);
    }
  });
});

describe('rowAt', () => {
  const expanded = [{ index: 2, extra: 100 }];
  it.each([
    { y: 0, row: 0 },
    { y: 99, row: 1 },
    { y: 100, row: 2 },
    { y: 249, row: 2 },
    { y: 250, row: 3 },
    { y: 10_000, row: 9 },
    { y: -5, row: 0 },
  ])('y $y → row $row (row 2 is 150 px tall)', ({ y, row }) => {
    expect(rowAt(y, 10, 50, expanded)).toBe(row);
  });
});
