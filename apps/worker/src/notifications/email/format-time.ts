/** A time as a reader expects it in their zone: "Thu, 1 Jan 2026, 09:00 UTC". */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

const UNITS: [string, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** A length of time in its largest whole unit: "12 days", "1 hour", "40 seconds". */
export function formatDuration(ms: number): string {
  for (const [unit, size] of UNITS) {
    const count = Math.floor(ms / size);
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'}`;
  }
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
