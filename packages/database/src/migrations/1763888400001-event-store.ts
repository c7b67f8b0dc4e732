import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only event store. `transaction_id` lets readers fence at the oldest transaction still in
 * flight, so a reader of "everything after position P" never skips an event a slower transaction commits
 * later with a lower position.
 */
export class EventStore1763888400001 implements MigrationInterface {
  name = 'EventStore1763888400001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE event_streams (
        stream_id text PRIMARY KEY,
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        schema_version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
        CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
      )`);
    await db.query(
      `CREATE INDEX events_transaction_position_idx ON events (transaction_id, global_position)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events`);
    await db.query(`DROP TABLE event_streams`);
  }
}
