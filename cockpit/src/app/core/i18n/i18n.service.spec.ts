import { TestBed } from '@angular/core/testing';
import de from './de.json';
import en from './en.json';
import { I18nService, localeFor } from './i18n.service';

describe('I18nService', () => {
  beforeEach(() => localStorage.clear());

  it('English and German have the same keys, none empty', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const dictionary of [en, de]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and falls back to the key for unknown texts', () => {
    const i18n = TestBed.inject(I18nService);
    expect(i18n.t('jobs.total', { shown: 3, total: 10 })).toBe('3 of 10');
    expect(i18n.t('no.such.key')).toBe('no.such.key');
  });

  it('switches to German without a reload, remembers it, and sets <html lang>', async () => {
    const i18n = TestBed.inject(I18nService);
    await i18n.use('de');
    TestBed.tick();
    expect(i18n.t('jobs.title')).toBe('Jobs');
    expect(i18n.t('actions.cancel')).toBe('Abbrechen');
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('cockpit.lang')).toBe('de');
    await i18n.toggle();
    expect(i18n.t('actions.cancel')).toBe('Cancel');
  });

  it.each([
    ['en', ['en-US', 'de-DE'], 'en-US'],
    ['en', ['de-AT', 'en-AU'], 'en-AU'],
    ['en', ['de-DE'], 'en-GB'],
    ['en', ['en'], 'en-GB'],
    ['en', [], 'en-GB'],
    ['en', ['not a tag!', 'en-CA'], 'en-CA'],
    ['de', ['en-US', 'de-CH'], 'de-CH'],
    ['de', ['en-US'], 'de-DE'],
  ] as const)('dates and numbers in %s for a browser preferring %j use %s', (language, preferred, locale) => {
    expect(localeFor(language, preferred)).toBe(locale);
  });

  it('an American reader gets month first, a reader without a region the day first', () => {
    const date = new Date(Date.UTC(2026, 11, 7, 12));
    const shown = (locale: string) => date.toLocaleDateString(locale, { timeZone: 'UTC' });
    expect(shown(localeFor('en', ['en-US']))).toBe('12/7/2026');
    expect(shown(localeFor('en', ['en']))).toBe('07/12/2026');
  });
});
