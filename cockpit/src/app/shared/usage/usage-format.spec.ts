import { describe, expect, it } from 'vitest';
import { callFigures, costLabel, formatShare, formatTokens, formatUsd, isDemoModel, shareLevel } from './usage-format';

describe('formatUsd', () => {
  it.each([
    [1.04, '$1.04'],
    [0.0112, '$0.0112'],
    [0.01, '$0.01'],
    [0.1, '$0.10'],
    [0.105, '$0.11'],
    [12.5, '$12.50'],
    [0, '$0.00'],
    [0.0005, '$0.0005'],
    [0.05, '$0.05'],
    [0.051, '$0.051'],
    [0.00001, '<$0.0001'],
    [1234.567, '$1234.57'],
  ])('%s → %s', (usd, text) => expect(formatUsd(usd)).toBe(text));
});

describe('costLabel', () => {
  it.each([
    [null, { kind: 'none' }],
    [{ calls: 0, unpricedCalls: 0, costUsd: 0 }, { kind: 'none' }],
    [{ calls: 3, unpricedCalls: 3, costUsd: null }, { kind: 'unpriced' }],
    [{ calls: 3, unpricedCalls: 0, costUsd: 0.0112 }, { kind: 'usd', text: '$0.0112', unpriced: 0 }],
    [{ calls: 3, unpricedCalls: 1, costUsd: 1.5 }, { kind: 'usd', text: '$1.50', unpriced: 1 }],
    [{ calls: 2, unpricedCalls: 0, costUsd: 0 }, { kind: 'usd', text: '$0.00', unpriced: 0 }],
  ])('%j → %j', (figures, label) => expect(costLabel(figures)).toEqual(label));

  it('never shows an unpriced call as $0', () => {
    expect(costLabel(callFigures(null))).toEqual({ kind: 'unpriced' });
    expect(costLabel(callFigures(undefined))).toEqual({ kind: 'unpriced' });
    expect(costLabel(callFigures(0.002))).toEqual({ kind: 'usd', text: '$0.002', unpriced: 0 });
  });
});

describe('formatShare and shareLevel', () => {
  it.each([
    [null, '—', 'unknown'],
    [0, '0 %', 'ok'],
    [0.25, '25 %', 'ok'],
    [0.799, '79 %', 'ok'],
    [0.8, '80 %', 'warning'],
    [1, '100 %', 'warning'],
    [1.12, '112 %', 'over'],
    [0.29, '29 %', 'ok'],
    [50, '1000 %', 'over'],
  ])('%s → %s, %s', (share, text, level) => {
    expect(formatShare(share)).toBe(text);
    expect(shareLevel(share)).toBe(level);
  });
});

describe('formatTokens and the demo model', () => {
  it.each([
    [null, '—'],
    [0, '0'],
    [12345, '12,345'],
    [1_000_000, '1,000,000'],
  ])('%s → %s', (tokens, text) => expect(formatTokens(tokens, 'en')).toBe(text));

  it.each([
    ['cockpit-demo', true],
    ['gpt-4o', false],
    [null, false],
  ])('%s is the demo LLM: %s', (model, demo) => expect(isDemoModel(model)).toBe(demo));
});
