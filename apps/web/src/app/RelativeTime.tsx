import { useEffect, useState } from 'react';
import { relativeTime } from './relative-time';

/** Under a minute away the text counts seconds, so it is redrawn every second; further, twice a minute. */
const tickMs = (iso: string, now: number) => (Math.abs(Date.parse(iso) - now) < 60_000 ? 1000 : 30_000);

/**
 * `relativeTime(iso)` as text that keeps itself current ("12 seconds ago" does not stay on an open page for
 * an hour).
 */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(Date.now);
  const every = tickMs(iso, now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(timer);
  }, [every]);
  return <>{relativeTime(iso, now)}</>;
}
