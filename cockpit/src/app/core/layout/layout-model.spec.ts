import { MIN_SIZE, addPanel, findPanel, pane, panes, parseLayout, removePanel, resize, reveal, split } from './layout-model';

const known = new Set(['a', 'b', 'c', 'd']);
const tree = () => split('row', [pane('left', ['a', 'b']), split('column', [pane('top', ['c']), pane('bottom', [])], [60, 40])], [40, 60]);

describe('layout model', () => {
  it('moves a gutter and keeps both neighbours at least MIN_SIZE', () => {
    const moved = resize(tree(), [], 0, 15);
    expect(moved.kind === 'split' && moved.sizes).toEqual([55, 45]);
    const squeezed = resize(tree(), [], 0, -100);
    expect(squeezed.kind === 'split' && squeezed.sizes).toEqual([MIN_SIZE, 100 - MIN_SIZE]);
  });

  it('resizes a nested split by its path and leaves the rest untouched', () => {
    const before = tree();
    const after = resize(before, [1], 0, -20);
    expect(after.kind === 'split' && after.children[1].kind === 'split' && after.children[1].sizes).toEqual([40, 60]);
    expect(after.kind === 'split' && after.children[0]).toBe(before.kind === 'split' && before.children[0]);
  });

  it('adds a panel as the active tab and moves it out of any other pane', () => {
    const result = addPanel(tree(), 'bottom', 'a');
    expect(findPanel(result, 'a')?.id).toBe('bottom');
    expect(panes(result).find((p) => p.id === 'left')?.panels).toEqual(['b']);
    expect(panes(result).find((p) => p.id === 'bottom')?.active).toBe('a');
  });

  it('closing the active tab shows its neighbour', () => {
    const result = removePanel(tree(), 'left', 'a');
    expect(panes(result).find((p) => p.id === 'left')).toMatchObject({ panels: ['b'], active: 'b' });
  });

  it('reveal activates a placed panel, or adds a missing one to the fallback pane', () => {
    expect(panes(reveal(tree(), 'b')).find((p) => p.id === 'left')?.active).toBe('b');
    expect(findPanel(reveal(tree(), 'd', 'top'), 'd')?.id).toBe('top');
  });

  it('reads back a stored layout, dropping unknown panels and fixing sizes', () => {
    const stored = JSON.parse(JSON.stringify(tree()));
    stored.children[0].panels.push('gone');
    stored.sizes = [1, 3];
    const parsed = parseLayout(stored, known);
    expect(parsed && parsed.kind === 'split' && parsed.sizes).toEqual([25, 75]);
    expect(parsed && findPanel(parsed, 'gone')).toBeUndefined();
  });

  it('refuses malformed layouts', () => {
    expect(parseLayout(null, known)).toBeUndefined();
    expect(parseLayout({ kind: 'split', direction: 'diagonal', children: [] }, known)).toBeUndefined();
    expect(parseLayout({ kind: 'split', direction: 'row', children: [{ kind: 'nope' }] }, known)).toBeUndefined();
  });
});
