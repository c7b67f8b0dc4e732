import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only event store and projection checkpoints.
 *
 * `transaction_id` lets readers fence at the oldest transaction still in flight, so "everything after
 * position P" never skips an event that a slower transaction commits later with a lower position. There
 * is no stream table: a stream is its events, and the unique indexes do the concurrency control.
 */
export class EventStore1763888400001 implements MigrationInterface {
  name = 'EventStore1763888400001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- Writers set it before drawing positions (a default is evaluated after the identity): a position
        -- must never exist while readers cannot yet see its transaction as running.
        transaction_id xid8 NOT NULL,
        stream_id text NOT NULL,
        stream_version bigint NOT NULL CHECK (stream_version > 0),
        event_id text NOT NULL,
        event_type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- Optimistic concurrency: two writers claiming one version cannot both commit.
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
        -- Idempotency: a retried batch cannot be stored twice.
        CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
      )`);
    await db.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projection_checkpoints`);
    await db.query(`DROP TABLE events`);
  }
}
