import { PostgresEventStore, rebuildProjection } from '@coachflow/event-store';
import { findProjection, PROJECTIONS } from '@coachflow/read-models';
import { Pool } from 'pg';

// `npm run projections:rebuild -- <name>`: replays a projection from position zero into fresh tables and
// swaps them in while the running one keeps serving reads.
async function main(): Promise<number> {
  const name = process.argv[2];
  const projection = name ? findProjection(name) : undefined;
  if (!projection) {
    console.error(
      `usage: npm run projections:rebuild -- <name>   (one of: ${PROJECTIONS.map((p) => p.name).join(', ')})`,
    );
    return 2;
  }
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    console.error(
      'DATABASE_URL is not set: point it at the database to rebuild (npm start uses the embedded one,',
    );
    console.error('postgres://postgres:postgres@127.0.0.1:54329/coachflow while it runs)');
    return 2;
  }
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const store = new PostgresEventStore(pool, { notify: false });
  const started = Date.now();
  try {
    const { events } = await rebuildProjection(pool, store, projection, {
      progress: (line) => console.log(line),
    });
    console.log(
      `rebuilt ${projection.name} from ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `rebuild failed, the live projection is untouched: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
