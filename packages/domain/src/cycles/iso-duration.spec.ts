import {
  addIsoDuration,
  isoDurationProblem,
  isPositiveIsoDuration,
  LATEST_INSTANT,
  parseIsoDuration,
} from './iso-duration';

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

  it('bounds a duration to what a cycle can wait', () => {
    expect(isoDurationProblem('P100Y')).toBeNull();
    expect(isoDurationProblem('P99Y11M')).toBeNull();
    expect(isoDurationProblem('PT5S')).toBeNull();
    for (const text of ['P101Y', 'P20000Y', 'P999999Y', 'P1300M', 'PT100000000000000000000S', 'P36600D'])
      expect(isoDurationProblem(text)).toBe('must be at most 100 years');
    expect(isoDurationProblem('PT0S')).toBe('must be longer than zero');
    expect(isoDurationProblem('PT1e20S')).toBe('must be an ISO 8601 duration such as P7D or PT5S');
  });

  it('never computes an Invalid Date nor a year past 9999, whatever was published before the bound', () => {
    expect(addIsoDuration('2026-01-01T00:00:00.000Z', 'P999999Y')).toBe(LATEST_INSTANT);
    expect(addIsoDuration('2026-01-01T00:00:00.000Z', 'P20000Y')).toBe(LATEST_INSTANT);
    expect(addIsoDuration('2026-01-01T00:00:00.000Z', 'PT100000000000000000000S')).toBe(LATEST_INSTANT);
  });
});
