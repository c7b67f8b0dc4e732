import type { HealthView } from '@coachflow/contracts';

export type HealthState = HealthView | 'loading' | 'unreachable';

/** One line saying whether the API and its dependencies are up. */
export function HealthStatus({ health }: { health: HealthState }) {
  if (health === 'loading') return <p role="status">Checking the server…</p>;
  if (health === 'unreachable') return <p role="status">The server cannot be reached.</p>;
  const down = Object.entries(health.checks)
    .filter(([, state]) => state === 'down')
    .map(([name]) => name);
  return (
    <p role="status">
      {down.length === 0
        ? 'All systems are up.'
        : `Degraded: ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down.`}
    </p>
  );
}
