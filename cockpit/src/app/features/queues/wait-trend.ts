/** One reading of a queue's wait time, as a queueChanged event or a reload brings it. */
export interface WaitSample {
  at: number;
  seconds: number | null;
}

/** How many readings a queue's trend keeps: at one event a second at most, the last few minutes. */
export const TREND_LENGTH = 60;

/** Appends a reading, keeping the last {@link TREND_LENGTH}; a reading no newer than the last replaces it. */
export function addSample(trend: readonly WaitSample[], sample: WaitSample): WaitSample[] {
  const last = trend[trend.length - 1];
  const kept = last && sample.at <= last.at ? trend.slice(0, -1) : trend;
  return [...kept, sample].slice(-TREND_LENGTH);
}

/**
 * The SVG polyline points of a trend in a width × height box: time left to right over the readings kept, wait time
 * bottom (0) to top (the largest reading). Readings without a wait time (nothing waited in the window) are left out;
 * fewer than two readings draw nothing.
 */
export function sparklinePoints(trend: readonly WaitSample[], width: number, height: number): string {
  const known = trend.filter((s): s is { at: number; seconds: number } => s.seconds !== null);
  if (known.length < 2) return '';
  const first = known[0].at;
  const span = Math.max(1, known[known.length - 1].at - first);
  const top = Math.max(...known.map((s) => s.seconds), 0.001);
  const round = (n: number) => Math.round(n * 10) / 10;
  return known.map((s) => `${round(((s.at - first) / span) * width)},${round(height - (s.seconds / top) * height)}`).join(' ');
}
