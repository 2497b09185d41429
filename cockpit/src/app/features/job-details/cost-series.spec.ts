import { describe, expect, it } from 'vitest';
import { type CallPoint, costSeries, mergeCalls } from './cost-series';

const call = (id: string, at: string, costUsd: number | null, tokensIn = 100, tokensOut = 50): CallPoint => ({ id, at, tokensIn, tokensOut, costUsd });
const t = (iso: string) => Date.parse(iso);

describe('costSeries', () => {
  const calls = [
    call('a', '2026-01-01T10:00:00Z', 0.1),
    call('b', '2026-01-01T10:00:10Z', 0.2),
    call('c', '2026-01-01T10:00:20Z', null),
    call('d', '2026-01-01T10:00:30Z', 0.05),
  ];

  it.each([
    ['live', Number.POSITIVE_INFINITY, 0.35, 600, 4, 1, 4],
    ['before every call', t('2026-01-01T09:59:59Z'), 0, 0, 0, 0, 0],
    ['at the first call', t('2026-01-01T10:00:00Z'), 0.1, 150, 1, 0, 1],
    ['between calls', t('2026-01-01T10:00:15Z'), 0.3, 300, 2, 0, 2],
    ['past the unpriced call', t('2026-01-01T10:00:25Z'), 0.3, 450, 3, 1, 3],
  ])('%s: cost %s, tokens %s, calls %s, unpriced %s, points %s', (_, until, cost, tokens, count, unpriced, points) => {
    const s = costSeries(calls, until);
    expect(s.costUsd).toBe(cost);
    expect(s.tokensTotal).toBe(tokens);
    expect(s.calls).toBe(count);
    expect(s.unpricedCalls).toBe(unpriced);
    expect(s.cost).toHaveLength(points);
  });

  it('is cumulative and flat across an unpriced call', () => {
    expect(costSeries(calls).cost.map(([, usd]) => usd)).toEqual([0.1, 0.3, 0.3, 0.35]);
    expect(costSeries(calls).tokens.map(([, n]) => n)).toEqual([150, 300, 450, 600]);
  });

  it('skips calls without a readable time', () => {
    expect(costSeries([call('x', 'not a time', 1)]).calls).toBe(0);
  });
});

describe('mergeCalls', () => {
  it('keeps each call once, oldest first', () => {
    const fetched = [call('b', '2026-01-01T10:00:10Z', 0.2), call('a', '2026-01-01T10:00:00Z', 0.1)];
    const live = [call('b', '2026-01-01T10:00:10Z', 0.2), call('c', '2026-01-01T10:00:20Z', 0.3)];
    expect(mergeCalls(fetched, live).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});
