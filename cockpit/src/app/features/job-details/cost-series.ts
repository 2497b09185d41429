/** One LLM call as the cost-over-time chart needs it. */
export interface CallPoint {
  id: string;
  at: string;
  tokensIn: number | null;
  tokensOut: number | null;
  costUsd: number | null;
}

/** The job's running totals after each call, as far as the time cursor reaches. */
export interface CostSeries {
  /** [ms, cumulative USD of the priced calls] per call, oldest first. */
  cost: [number, number][];
  /** [ms, cumulative tokens] per call. */
  tokens: [number, number][];
  /** Totals at the cursor (or of every call, when live). */
  costUsd: number;
  tokensTotal: number;
  calls: number;
  unpricedCalls: number;
}

/** Calls from two sources (the fetched pages and those that arrived live) once each, oldest first. */
export function mergeCalls(...lists: readonly CallPoint[][]): CallPoint[] {
  const byId = new Map<string, CallPoint>();
  for (const list of lists) for (const call of list) byId.set(call.id, call);
  return [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
}

/**
 * Running cost and tokens over the job's calls up to `untilMs` (the global time scrubber; Infinity when live).
 * Unpriced calls add tokens but no dollars: the cost line stays flat for them rather than pretending they were free.
 */
export function costSeries(calls: readonly CallPoint[], untilMs = Number.POSITIVE_INFINITY): CostSeries {
  const series: CostSeries = { cost: [], tokens: [], costUsd: 0, tokensTotal: 0, calls: 0, unpricedCalls: 0 };
  for (const call of calls) {
    const at = Date.parse(call.at);
    if (Number.isNaN(at) || at > untilMs) continue;
    series.calls++;
    if (call.costUsd === null) series.unpricedCalls++;
    else series.costUsd += call.costUsd;
    series.tokensTotal += (call.tokensIn ?? 0) + (call.tokensOut ?? 0);
    series.cost.push([at, roundUsd(series.costUsd)]);
    series.tokens.push([at, series.tokensTotal]);
  }
  series.costUsd = roundUsd(series.costUsd);
  return series;
}

// Sums of binary floats drift (0.1 + 0.2); the server keeps 9 decimals.
function roundUsd(usd: number): number {
  return Math.round(usd * 1e9) / 1e9;
}
