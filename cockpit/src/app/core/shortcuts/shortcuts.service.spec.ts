import { TestBed } from '@angular/core/testing';
import { ShortcutsService } from './shortcuts.service';

describe('ShortcutsService', () => {
  const press = (key: string, target: EventTarget = document.body) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event;
  };

  it('runs a registered shortcut and prevents the default', () => {
    const shortcuts = TestBed.inject(ShortcutsService);
    const run = vi.fn();
    shortcuts.register({ key: 'n', descriptionKey: 'x', run });
    expect(press('n').defaultPrevented).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('leaves keys typed into fields alone, except those marked for fields', () => {
    const shortcuts = TestBed.inject(ShortcutsService);
    const typed = vi.fn();
    const escape = vi.fn();
    shortcuts.register({ key: 'n', descriptionKey: 'x', run: typed }, { key: 'Escape', descriptionKey: 'y', run: escape, inFields: true });
    const input = document.createElement('input');
    document.body.appendChild(input);
    press('n', input);
    press('Escape', input);
    expect(typed).not.toHaveBeenCalled();
    expect(escape).toHaveBeenCalledTimes(1);
    input.remove();
  });

  it('lists shortcuts for the help overlay, a key registered twice once', () => {
    const shortcuts = TestBed.inject(ShortcutsService);
    shortcuts.register({ key: '?', descriptionKey: 'a', run: () => undefined });
    shortcuts.register({ key: '?', descriptionKey: 'b', run: () => undefined });
    expect(shortcuts.list().map((s) => s.descriptionKey)).toEqual(['b']);
  });
});
