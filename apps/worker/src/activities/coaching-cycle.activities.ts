import { insertCycleRow } from '@coachflow/database';
import { cycleWorkflowId, type ReportingChain, type ReportingLineMember } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import {
  ConfigurationPinError,
  ConfigurationRecordCache,
  pinCycleConfiguration,
} from '@coachflow/configuration';
import { type CoachingCycleActivities, type MarkCycleInput, startCoachingCycle } from '@coachflow/workflows';
import { Context } from '@temporalio/activity';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Pool } from 'pg';
import { failOnUnstorableData } from './unstorable-data';

export interface CoachingCycleActivityDeps {
  eventStore: EventStore;
  pool: Pool;
  /** Starts renewed cycles; defaults to the worker's own client (activity context). */
  temporalClient?: Client;
  /** Task queue of renewed cycles; defaults to the queue the renewing activity runs on. */
  taskQueue?: string;
}

/** A reporting line deeper than this is a cycle in the data, not an organisation. */
const MAX_LINE_DEPTH = 50;

/** The registry row follows the cycle's phase, status and manager. */
async function updateCycleRow(
  pool: Pool,
  { cycleId, phase, status, managerId }: MarkCycleInput,
): Promise<void> {
  await pool.query(`UPDATE cycles SET phase = $2, status = $3, manager_id = $4 WHERE id = $1`, [
    cycleId,
    phase,
    status,
    managerId,
  ]);
}

/** The coaching cycle's activities: thin adapters over Postgres, the event store and Temporal, safe to retry. */
export function createCoachingCycleActivities(deps: CoachingCycleActivityDeps): CoachingCycleActivities {
  const { eventStore, pool } = deps;
  const configurations = new ConfigurationRecordCache(eventStore);
  return {
    async recordCycleEvents({ streamId, events, expectedVersion, registry }) {
      // Event ids are stream positions of the workflow's cycle: a retry after a lost reply finds its batch
      // stored and succeeds; a different batch at that version is refused, so nothing can interleave.
      const { first } = await failOnUnstorableData(() =>
        eventStore.appendToStream(streamId, events, expectedVersion === undefined ? {} : { expectedVersion }),
      );
      // After the append: a retry repeats both, and the row never runs ahead of the stream.
      if (registry) await updateCycleRow(pool, registry);
      return { firstPosition: first.position, recordedAt: first.recordedAt.toISOString() };
    },

    async reportingChain({ organisationId, repId }): Promise<ReportingChain> {
      const { rows } = await pool.query<{ id: string; role: ReportingLineMember['role']; active: boolean }>(
        `WITH RECURSIVE line (id, depth) AS (
           SELECT manager_id, 1 FROM users WHERE id = $2 AND organisation_id = $1 AND manager_id IS NOT NULL
           UNION ALL
           SELECT u.manager_id, line.depth + 1 FROM line JOIN users u ON u.id = line.id
            WHERE u.manager_id IS NOT NULL AND line.depth < $3
         )
         SELECT u.id, u.role, u.active FROM line JOIN users u ON u.id = line.id AND u.organisation_id = $1
          ORDER BY line.depth`,
        [organisationId, repId, MAX_LINE_DEPTH],
      );
      const admin = await pool.query<{ id: string }>(
        `SELECT id FROM users WHERE organisation_id = $1 AND role = 'admin' AND active
          ORDER BY created_at, id LIMIT 1`,
        [organisationId],
      );
      // A deactivated person is skipped, not a dead end: the line continues above them.
      const line = rows.filter((row) => row.active).map((row) => ({ userId: row.id, role: row.role }));
      return { line, adminId: admin.rows[0]?.id ?? null };
    },

    async markCycle(input) {
      await updateCycleRow(pool, input);
    },

    async renewCycle(input) {
      let configuration;
      try {
        configuration = await pinCycleConfiguration(
          { configurations },
          input.organisationId,
          input.playbookId,
        );
      } catch (error) {
        if (error instanceof ConfigurationPinError) return { started: false, reason: error.message };
        throw error;
      }
      const { rows } = await pool.query<{ manager_id: string | null }>(
        `SELECT manager_id FROM users WHERE id = $1 AND organisation_id = $2 AND active`,
        [input.repId, input.organisationId],
      );
      const rep = rows[0];
      if (!rep) return { started: false, reason: 'the rep is no longer active' };
      const managerId = rep.manager_id ?? input.managerId;
      const workflowId = cycleWorkflowId(input.nextCycleId);
      const reserved = await insertCycleRow(pool, {
        id: input.nextCycleId,
        organisationId: input.organisationId,
        repId: input.repId,
        managerId,
        playbookId: configuration.playbook.id,
        playbookVersion: configuration.playbook.version,
        workflowId,
      });
      if (!reserved) return { started: false, reason: 'the rep already has a running cycle' };
      const context = Context.current();
      const client = deps.temporalClient ?? context.client;
      try {
        await startCoachingCycle(client, deps.taskQueue ?? context.info.taskQueue, {
          cycleId: input.nextCycleId,
          organisationId: input.organisationId,
          repId: input.repId,
          managerId,
          configuration,
          previousCycleId: input.previousCycleId,
        });
      } catch (error) {
        // A retry after the start went through: the cycle is running, which is what was asked.
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      return { started: true };
    },
  };
}
