import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';
import en from './en.json';

export type Language = 'en' | 'de';
export type Dictionary = Record<string, string>;

const STORAGE_KEY = 'cockpit.lang';
export const LANGUAGES: readonly Language[] = ['en', 'de'];

/** German is loaded on demand (its own chunk); English is built in and is the fallback for every key. */
const loaders: Record<Language, () => Promise<Dictionary>> = {
  en: async () => en,
  de: async () => (await import('./de.json')).default,
};

/**
 * A small runtime translator: flat JSON dictionaries, `{name}` placeholders, English fallback. Switching language
 * needs no reload: templates read the current dictionary through a signal.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly dictionaries = signal<Partial<Record<Language, Dictionary>>>({ en });

  readonly language = signal<Language>(readLanguage());
  readonly dictionary = computed<Dictionary>(() => this.dictionaries()[this.language()] ?? en);
  /**
   * Locale for dates and numbers: the reader's own variant of the language when the browser prefers one (en-US reads
   * 12/7/2026 as 7 December, en-GB as 12 July), else a default that names the day before the month.
   */
  readonly locale = computed(() => localeFor(this.language(), browserLocales()));

  constructor() {
    effect(() => {
      const language = this.language();
      this.document.documentElement.lang = language;
      if (!this.dictionaries()[language]) void this.load(language);
    });
  }

  t(key: string, params?: Record<string, string | number | null | undefined>): string {
    const text = this.dictionary()[key] ?? (en as Dictionary)[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined || value === null ? whole : String(value);
    });
  }

  async use(language: Language): Promise<void> {
    await this.load(language);
    this.language.set(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }

  /** en ↔ de (the `l` shortcut). */
  toggle(): Promise<void> {
    return this.use(this.language() === 'en' ? 'de' : 'en');
  }

  private async load(language: Language): Promise<void> {
    if (this.dictionaries()[language]) return;
    try {
      const dictionary = await loaders[language]();
      this.dictionaries.update((all) => ({ ...all, [language]: dictionary }));
    } catch {
      // the chunk could not be fetched (offline): English stays as the fallback
    }
  }
}

function readLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(stored as Language)) return stored as Language;
  } catch {
    // no storage: fall through to the browser's language
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

const DEFAULT_LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

/** The first of the browser's preferred locales that is a regional variant of `language`, else its default. */
export function localeFor(language: Language, preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (tag.toLowerCase().split('-')[0] !== language) continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported && supported.includes('-')) return supported;
    } catch {
      // a malformed tag from the browser: try the next one
    }
  }
  return DEFAULT_LOCALES[language];
}

function browserLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}
