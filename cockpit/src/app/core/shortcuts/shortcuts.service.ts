import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';

export interface Shortcut {
  /** The key as KeyboardEvent.key reports it ("?", "n", "Escape", "ArrowDown"). */
  key: string;
  /** Translation key of what it does, for the help overlay. */
  descriptionKey: string;
  run: () => void;
  /** Also fires while typing in a field (only Escape does). */
  inFields?: boolean;
}

/**
 * Global keyboard shortcuts: one listener on the document; keys typed into inputs stay there (except those marked
 * inFields). `?` opens the help overlay that lists every registered shortcut.
 */
@Injectable({ providedIn: 'root' })
export class ShortcutsService {
  private readonly shortcuts = signal<Shortcut[]>([]);
  readonly list = this.shortcuts.asReadonly();
  readonly helpOpen = signal(false);

  constructor() {
    const document = inject(DOCUMENT);
    const listener = (event: KeyboardEvent) => this.handle(event);
    document.addEventListener('keydown', listener);
    inject(DestroyRef).onDestroy(() => document.removeEventListener('keydown', listener));
  }

  register(...shortcuts: Shortcut[]): void {
    this.shortcuts.update((all) => [...all.filter((s) => !shortcuts.some((n) => n.key === s.key)), ...shortcuts]);
  }

  handle(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const shortcut = this.shortcuts().find((s) => s.key === event.key);
    if (!shortcut) return;
    if (!shortcut.inFields && isTyping(event.target)) return;
    event.preventDefault();
    shortcut.run();
  }
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== 'string') return false;
  const tag = element.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || element.isContentEditable === true;
}
