import { parseIsoDuration } from '@coachflow/domain';

const UNITS = [
  { iso: 'Y', words: ['year', 'years', 'yr', 'yrs', 'y'], time: false },
  { iso: 'M', words: ['month', 'months', 'mo', 'mos'], time: false },
  { iso: 'W', words: ['week', 'weeks', 'wk', 'wks', 'w'], time: false },
  { iso: 'D', words: ['day', 'days', 'd'], time: false },
  { iso: 'H', words: ['hour', 'hours', 'hr', 'hrs', 'h'], time: true },
  { iso: 'M', words: ['minute', 'minutes', 'min', 'mins', 'm'], time: true },
  { iso: 'S', words: ['second', 'seconds', 'sec', 'secs', 's'], time: true },
] as const;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

/**
 * An ISO 8601 duration from the way people say one ("5 days", "2 weeks and 3 days", "a month", "90 min",
 * "1h 30m"), or the text itself when it already is one (`P5D`); null when it is neither.
 */
export function parseSpokenDuration(text: string): string | null {
  const trimmed = text.trim();
  if (/^P/i.test(trimmed)) return parseIsoDuration(trimmed.toUpperCase()) ? trimmed.toUpperCase() : null;
  const parts = trimmed
    .toLowerCase()
    .replace(/\band\b|,/g, ' ')
    .match(/(\d+|[a-z]+)\s*([a-z]+)/g);
  const rest = trimmed
    .toLowerCase()
    .replace(/\band\b|,/g, ' ')
    .replace(/(\d+|[a-z]+)\s*([a-z]+)/g, '')
    .trim();
  if (!parts || rest !== '') return null;
  const amounts = new Map<(typeof UNITS)[number], number>();
  for (const part of parts) {
    const [, count, word] = /^(\d+|[a-z]+)\s*([a-z]+)$/.exec(part)!;
    const amount = /^\d+$/.test(count!) ? Number(count) : NUMBER_WORDS[count!];
    const unit = UNITS.find((candidate) => (candidate.words as readonly string[]).includes(word!));
    if (amount === undefined || !unit || amounts.has(unit) || amount > 100000) return null;
    amounts.set(unit, amount);
  }
  const date = UNITS.filter((unit) => !unit.time && amounts.get(unit)).map(
    (unit) => `${amounts.get(unit)}${unit.iso}`,
  );
  const time = UNITS.filter((unit) => unit.time && amounts.get(unit)).map(
    (unit) => `${amounts.get(unit)}${unit.iso}`,
  );
  if (date.length === 0 && time.length === 0) return null;
  return `P${date.join('')}${time.length > 0 ? `T${time.join('')}` : ''}`;
}

const NAMES: [keyof NonNullable<ReturnType<typeof parseIsoDuration>>, string][] = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/** An ISO 8601 duration the way people say it ("P2W3D" → "2 weeks and 3 days"); the text itself if not one. */
export function describeIsoDuration(iso: string): string {
  const parts = parseIsoDuration(iso);
  if (!parts) return iso;
  const words = NAMES.filter(([part]) => parts[part] > 0).map(
    ([part, name]) => `${parts[part]} ${name}${parts[part] === 1 ? '' : 's'}`,
  );
  if (words.length === 0) return 'no time';
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
