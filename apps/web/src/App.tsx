import { HealthStatus } from './HealthStatus';
import { useHealth } from './useHealth';

/** Placeholder shell until the inbox and builders arrive: what Coachflow is and whether it is up. */
export function App() {
  const health = useHealth();
  return (
    <main
      style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', lineHeight: 1.5 }}
    >
      <h1>Coachflow</h1>
      <p>Sales coaching as a repeatable cycle: prioritise, facilitate, continuously improve.</p>
      <HealthStatus health={health} />
      <p>
        The HTTP API is documented at <a href="/api/docs">/api/docs</a>.
      </p>
    </main>
  );
}
