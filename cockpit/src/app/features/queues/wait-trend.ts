/** One reading of a queue's wait times (queued → started, over the server's last 15 minutes), as a queueChanged event or a reload brings it. */
export interface WaitSample {
  /** Seconds since the epoch. */
  at: number;
  p50: number | null;
  p95: number | null;
}

/** How many readings a queue's trend keeps: at one event a second at most, the last few minutes. */
export const TREND_LENGTH = 60;

/** Appends a reading, keeping the last {@link TREND_LENGTH}; a reading no newer than the last replaces it. */
export function addSample(trend: readonly WaitSample[], sample: WaitSample): WaitSample[] {
  const last = trend[trend.length - 1];
  const kept = last && sample.at <= last.at ? trend.slice(0, -1) : trend;
  return [...kept, sample].slice(-TREND_LENGTH);
}

/** The largest wait of a trend (p50 and p95 alike), so both lines are drawn to one scale; null when nothing waited. */
export function trendTop(trend: readonly WaitSample[]): number | null {
  const all = trend.flatMap((s) => [s.p50, s.p95]).filter((v): v is number => v !== null);
  return all.length === 0 ? null : Math.max(...all);
}

/**
 * The SVG polyline points of one percentile of a trend in a width × height box: time left to right over the readings
 * kept, wait time bottom (0) to top (`top`, by default the largest reading of either percentile). Readings without that
 * percentile (nothing started in the window) are left out; fewer than two readings draw nothing.
 */
export function sparklinePoints(
  trend: readonly WaitSample[],
  percentile: 'p50' | 'p95',
  width: number,
  height: number,
  top: number | null = trendTop(trend),
): string {
  const known = trend.filter((s) => s[percentile] !== null).map((s) => ({ at: s.at, seconds: s[percentile] as number }));
  if (known.length < 2) return '';
  const first = known[0].at;
  const span = Math.max(1, known[known.length - 1].at - first);
  const scale = Math.max(top ?? 0, 0.001);
  const round = (n: number) => Math.round(n * 10) / 10;
  return known.map((s) => `${round(((s.at - first) / span) * width)},${round(height - (s.seconds / scale) * height)}`).join(' ');
}
