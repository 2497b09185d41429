import { TREND_LENGTH, addSample, sparklinePoints } from './wait-trend';

describe('wait-time trend', () => {
  it('keeps the last readings, a reading at the same moment replacing the last', () => {
    let trend = addSample([], { at: 1, seconds: 2 });
    trend = addSample(trend, { at: 1, seconds: 3 });
    expect(trend).toEqual([{ at: 1, seconds: 3 }]);
    for (let i = 2; i < TREND_LENGTH + 10; i++) trend = addSample(trend, { at: i, seconds: i });
    expect(trend).toHaveLength(TREND_LENGTH);
    expect(trend[trend.length - 1].at).toBe(TREND_LENGTH + 9);
  });

  it('draws time across and the wait upwards, scaled to the largest reading', () => {
    const points = sparklinePoints(
      [{ at: 0, seconds: 0 }, { at: 5, seconds: null }, { at: 10, seconds: 4 }, { at: 20, seconds: 2 }],
      100,
      20,
    );
    expect(points).toBe('0,20 50,0 100,10');
  });

  it('draws nothing from fewer than two readings', () => {
    expect(sparklinePoints([], 100, 20)).toBe('');
    expect(sparklinePoints([{ at: 0, seconds: 1 }, { at: 1, seconds: null }], 100, 20)).toBe('');
  });
});
