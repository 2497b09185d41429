import { DestroyRef, DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';

/** mocha: Catppuccin Mocha (dark, the default); latte: Catppuccin Latte (light); auto: follows the system. */
export type ThemeMode = 'mocha' | 'latte' | 'auto';
export type EffectiveTheme = 'mocha' | 'latte';

const STORAGE_KEY = 'cockpit.theme';
const MODES: readonly ThemeMode[] = ['mocha', 'latte', 'auto'];

/** Applies the theme as data-theme on <html>; the CSS variables in styles.css do the rest. */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  private readonly prefersLight = signal(false);

  readonly mode = signal<ThemeMode>(readMode());
  readonly effective = computed<EffectiveTheme>(() => {
    const mode = this.mode();
    if (mode === 'auto') return this.prefersLight() ? 'latte' : 'mocha';
    return mode;
  });

  constructor() {
    const media = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: light)');
    if (media) {
      this.prefersLight.set(media.matches);
      const listener = (e: MediaQueryListEvent) => this.prefersLight.set(e.matches);
      media.addEventListener?.('change', listener);
      inject(DestroyRef).onDestroy(() => media.removeEventListener?.('change', listener));
    }
    effect(() => {
      this.document.documentElement.dataset['theme'] = this.effective();
      this.document.documentElement.style.colorScheme = this.effective() === 'latte' ? 'light' : 'dark';
    });
  }

  set(mode: ThemeMode): void {
    this.mode.set(mode);
    try {
      localStorage.setItem(STORAGE_KEY, mode);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }

  /** mocha → latte → auto → mocha (the `t` shortcut). */
  cycle(): void {
    this.set(MODES[(MODES.indexOf(this.mode()) + 1) % MODES.length]);
  }
}

function readMode(): ThemeMode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return MODES.includes(stored as ThemeMode) ? (stored as ThemeMode) : 'mocha';
  } catch {
    return 'mocha';
  }
}
