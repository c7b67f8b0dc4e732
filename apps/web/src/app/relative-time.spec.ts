import { relativeTime } from './relative-time';

const NOW = Date.parse('2026-11-26T09:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

describe('relativeTime', () => {
  it('names the largest unit that fits, past and future', () => {
    expect(relativeTime(at(3 * 24 * 3600_000), NOW)).toBe('in 3 days');
    expect(relativeTime(at(-2 * 3600_000), NOW)).toBe('2 hours ago');
    expect(relativeTime(at(-24 * 3600_000), NOW)).toBe('yesterday');
  });

  it('counts seconds under a minute, so a task just fallen overdue does not read "now"', () => {
    expect(relativeTime(at(-12_000), NOW)).toBe('12 seconds ago');
    expect(relativeTime(at(45_000), NOW)).toBe('in 45 seconds');
    expect(relativeTime(at(-400), NOW)).toBe('now');
  });
});
