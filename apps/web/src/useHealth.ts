import type { HealthView } from '@coachflow/contracts';
import { useEffect, useState } from 'react';
import type { HealthState } from './HealthStatus';

/** The server's /health answer (a 503 still carries which dependency is down). */
export function useHealth(): HealthState {
  const [health, setHealth] = useState<HealthState>('loading');
  useEffect(() => {
    let cancelled = false;
    fetch('/health')
      .then((response) => response.json() as Promise<HealthView>)
      .then((body) => !cancelled && setHealth(body))
      .catch(() => !cancelled && setHealth('unreachable'));
    return () => {
      cancelled = true;
    };
  }, []);
  return health;
}
