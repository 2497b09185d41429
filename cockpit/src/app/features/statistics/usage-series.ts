/** One day × group row of usage statistics (GraphQL DailyUsage). */
export interface DailyUsageRow {
  day: string;
  key: string;
  usage: { costUsd: number | null; tokens: number; unpricedCalls: number };
}

export interface UsageChartData {
  /** yyyy-MM-dd, every day of the window, oldest first. */
  days: string[];
  /** One stacked series per group, costliest first; a day without calls is 0, a day of only unpriced calls null. */
  series: { key: string; data: (number | null)[] }[];
}

/** The window's days, `days` of them from `from` (UTC). */
export function windowDays(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  if (Number.isNaN(start) || days < 1) return [];
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Cost per day by group for the stacked chart. The bars show dollars; a day whose calls were all unpriced is a gap,
 * never a 0 (the panel lists unpriced calls beside it).
 */
export function usageChartData(rows: readonly DailyUsageRow[], from: string, days: number): UsageChartData {
  const dayList = windowDays(from, days);
  const index = new Map(dayList.map((d, i) => [d, i]));
  const byKey = new Map<string, (number | null)[]>();
  const totals = new Map<string, number>();
  for (const row of rows) {
    const i = index.get(row.day);
    if (i === undefined) continue;
    let data = byKey.get(row.key);
    if (!data) byKey.set(row.key, (data = dayList.map(() => 0)));
    if (row.usage.costUsd === null) {
      if (data[i] === 0) data[i] = null;
    } else {
      data[i] = (data[i] ?? 0) + row.usage.costUsd;
      totals.set(row.key, (totals.get(row.key) ?? 0) + row.usage.costUsd);
    }
  }
  const series = [...byKey.entries()]
    .sort(([a], [b]) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b))
    .map(([key, data]) => ({ key, data }));
  return { days: dayList, series };
}
