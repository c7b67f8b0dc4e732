import { addIsoDuration, isPositiveIsoDuration, parseIsoDuration } from './iso-duration';

describe('ISO 8601 durations', () => {
  it('parses every designator, seconds with a fraction', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
  });

  it.each(['', 'P', 'PT', '30D', 'P-1D', 'P1DT', 'PT1.5M', 'P1D2H', 'P1.5D', 'PT5', 'P1H', 'p1d', 'P1D '])(
    'refuses %j',
    (text) => {
      expect(parseIsoDuration(text)).toBeNull();
    },
  );

  it('tells a zero duration from a positive one', () => {
    expect(isPositiveIsoDuration(parseIsoDuration('PT0S')!)).toBe(false);
    expect(isPositiveIsoDuration(parseIsoDuration('PT1S')!)).toBe(true);
  });

  it('adds exact time and calendar months', () => {
    expect(addIsoDuration('2026-01-31T10:00:00.000Z', 'PT5S')).toBe('2026-01-31T10:00:05.000Z');
    expect(addIsoDuration('2026-01-01T00:00:00.000Z', 'P1W1DT1H')).toBe('2026-01-09T01:00:00.000Z');
    expect(addIsoDuration('2026-01-15T00:00:00.000Z', 'P1Y1M')).toBe('2027-02-15T00:00:00.000Z');
    expect(() => addIsoDuration('2026-01-01T00:00:00.000Z', 'soon')).toThrow();
  });
});
