import { TREND_LENGTH, addSample, sparklinePoints, trendTop } from './wait-trend';

const sample = (at: number, p50: number | null, p95: number | null = p50) => ({ at, p50, p95 });

describe('wait-time trend', () => {
  it('keeps the last readings, a reading at the same moment replacing the last', () => {
    let trend = addSample([], sample(1, 2));
    trend = addSample(trend, sample(1, 3));
    expect(trend).toEqual([sample(1, 3)]);
    for (let i = 2; i < TREND_LENGTH + 10; i++) trend = addSample(trend, sample(i, i));
    expect(trend).toHaveLength(TREND_LENGTH);
    expect(trend[trend.length - 1].at).toBe(TREND_LENGTH + 9);
  });

  it('draws time across and the wait upwards, both percentiles to the scale of the largest reading', () => {
    const trend = [sample(0, 0, 2), sample(5, null, null), sample(10, 4, 8), sample(20, 2, 4)];
    expect(trendTop(trend)).toBe(8);
    expect(sparklinePoints(trend, 'p95', 100, 20)).toBe('0,15 50,0 100,10');
    expect(sparklinePoints(trend, 'p50', 100, 20)).toBe('0,20 50,10 100,15');
  });

  it('draws nothing from fewer than two readings, and knows no top when nothing waited', () => {
    expect(sparklinePoints([], 'p50', 100, 20)).toBe('');
    expect(sparklinePoints([sample(0, 1), sample(1, null)], 'p50', 100, 20)).toBe('');
    expect(trendTop([sample(0, null)])).toBeNull();
  });
});
