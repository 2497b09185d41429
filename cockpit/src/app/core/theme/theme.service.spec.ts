import { TestBed } from '@angular/core/testing';
import { ThemeService } from './theme.service';

describe('ThemeService', () => {
  let prefersLight = false;
  let listener: ((e: { matches: boolean }) => void) | undefined;

  beforeEach(() => {
    localStorage.clear();
    prefersLight = false;
    vi.stubGlobal('matchMedia', () => ({
      get matches() {
        return prefersLight;
      },
      addEventListener: (_: string, l: (e: { matches: boolean }) => void) => (listener = l),
      removeEventListener: () => undefined,
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('defaults to Catppuccin Mocha on <html data-theme>', () => {
    TestBed.inject(ThemeService);
    TestBed.tick();
    expect(document.documentElement.dataset['theme']).toBe('mocha');
  });

  it('switches to Latte and remembers the choice', () => {
    const theme = TestBed.inject(ThemeService);
    theme.set('latte');
    TestBed.tick();
    expect(document.documentElement.dataset['theme']).toBe('latte');
    expect(localStorage.getItem('cockpit.theme')).toBe('latte');
  });

  it('Auto follows the system preference as it changes', () => {
    prefersLight = true;
    const theme = TestBed.inject(ThemeService);
    theme.set('auto');
    TestBed.tick();
    expect(document.documentElement.dataset['theme']).toBe('latte');
    listener?.({ matches: false });
    TestBed.tick();
    expect(document.documentElement.dataset['theme']).toBe('mocha');
  });
});
