import { escalationSentence } from './escalation-sentence';
import { describeIsoDuration, parseSpokenDuration } from './spoken-duration';

describe('spoken durations', () => {
  it.each([
    ['5 days', 'P5D'],
    ['2 weeks and 3 days', 'P2W3D'],
    ['a month', 'P1M'],
    ['90 min', 'PT90M'],
    ['1h 30m', 'PT1H30M'],
    ['p30d', 'P30D'],
    ['1 day, 12 hours', 'P1DT12H'],
  ])('reads "%s" as %s', (text, iso) => expect(parseSpokenDuration(text)).toBe(iso));

  it.each(['', 'soon', '5', 'five bananas', '2 days 3 days', 'P'])('refuses "%s"', (text) =>
    expect(parseSpokenDuration(text)).toBeNull(),
  );

  it('says an ISO duration back in words', () => {
    expect(describeIsoDuration('P2W3D')).toBe('2 weeks and 3 days');
    expect(describeIsoDuration('P1DT1H30M')).toBe('1 day, 1 hour and 30 minutes');
    expect(describeIsoDuration('PT5S')).toBe('5 seconds');
  });
});

describe('escalationSentence', () => {
  it('reads the chain back with names', () => {
    expect(
      escalationSentence(['manager', 'leader'], 'P2D', { rep: 'Ray', manager: 'Maria', leader: 'Lee' }),
    ).toBe('If Ray misses a commitment, Maria gets a task; after 2 days unresolved, Lee gets one.');
    expect(escalationSentence(['manager', 'leader', 'admin'], 'PT1H')).toBe(
      'If the rep misses a commitment, the rep’s manager gets a task; after 1 hour unresolved, the next leader up gets one; after another 1 hour unresolved, an admin gets one.',
    );
  });
});
