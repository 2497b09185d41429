import { formatBytes, formatDateTime, formatDuration, secondsSince, shortId, truncate } from './format';

describe('format helpers', () => {
  it('formats durations', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(75)).toBe('1m 15s');
    expect(formatDuration(3725)).toBe('1h 2m');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });

  it('formats sizes, ids and long texts', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(shortId('0123456789abcdef')).toBe('01234567');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('measures age from an ISO time', () => {
    expect(secondsSince('2026-01-01T00:00:10Z', Date.parse('2026-01-01T00:00:40Z'))).toBe(30);
    expect(secondsSince('garbage')).toBeNull();
  });

  it.each([
    ['en-US', '12/05/2026, 10:00:00 AM'],
    ['en-GB', '05/12/2026, 10:00:00'],
    ['de-DE', '05.12.2026, 10:00:00'],
  ])('writes a date and time in %s with the whole year: %s', (locale, shown) => {
    expect(formatDateTime('2026-12-05T10:00:00Z', locale, 'UTC')).toBe(shown);
    expect(formatDateTime('garbage', locale)).toBe('—');
  });
});
