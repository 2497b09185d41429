import { describe, expect, it } from 'vitest';
import { type DailyUsageRow, usageChartData, windowDays } from './usage-series';

const row = (day: string, key: string, costUsd: number | null, tokens = 10, unpricedCalls = 0): DailyUsageRow => ({ day, key, usage: { costUsd, tokens, unpricedCalls } });

describe('windowDays', () => {
  it.each([
    ['2026-02-27', 3, ['2026-02-27', '2026-02-28', '2026-03-01']],
    ['2026-01-01', 1, ['2026-01-01']],
    ['2026-01-01', 0, []],
    ['not a day', 3, []],
  ])('%s × %s', (from, days, list) => expect(windowDays(from, days)).toEqual(list));
});

describe('usageChartData', () => {
  it.each([
    ['no rows', [], { days: ['2026-01-01', '2026-01-02'], series: [] }],
    [
      'a day without calls is 0, groups costliest first',
      [row('2026-01-01', 'a', 0.5), row('2026-01-02', 'b', 2), row('2026-01-02', 'a', 0.25)],
      { days: ['2026-01-01', '2026-01-02'], series: [{ key: 'b', data: [0, 2] }, { key: 'a', data: [0.5, 0.25] }] },
    ],
    [
      'a day of only unpriced calls is a gap, not 0',
      [row('2026-01-01', 'local-llama', null, 500, 3), row('2026-01-02', 'local-llama', null, 100, 1)],
      { days: ['2026-01-01', '2026-01-02'], series: [{ key: 'local-llama', data: [null, null] }] },
    ],
    [
      'days outside the window are left out',
      [row('2025-12-31', 'a', 9), row('2026-01-02', 'a', 1)],
      { days: ['2026-01-01', '2026-01-02'], series: [{ key: 'a', data: [0, 1] }] },
    ],
  ])('%s', (_, rows, data) => expect(usageChartData(rows, '2026-01-01', 2)).toEqual(data));
});
