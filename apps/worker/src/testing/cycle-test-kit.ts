import { randomUUID } from 'node:crypto';
import { type PlaybookTimings, TASK_KINDS } from '@coachflow/contracts';
import {
  type ConfigurationCommand,
  type ConfigurationKind,
  configurationStreamId,
  decideConfiguration,
  evolveConfiguration,
  initialConfigurationState,
  type CycleEvent,
  type CycleState,
  cycleStreamId,
  cycleWorkflowId,
  evolveCycle,
  initialCycleState,
  type OpenTask,
  type PinnedCycleConfiguration,
} from '@coachflow/domain';
import type { EventStore, RecordedEvent } from '@coachflow/event-store';
import { defaultFormId } from '@coachflow/configuration';
import { eventually, rubricFixture } from '@coachflow/testing';
import { type CoachingCycleInput, type coachingCycle, completeTaskUpdate } from '@coachflow/workflows';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { Pool } from 'pg';

// Shared by the worker's integration specs (excluded from the build): people in Postgres, a pinned
// configuration with second-long timings, and helpers that drive a cycle through its updates.

export interface People {
  organisationId: string;
  adminId: string;
  leaderId: string;
  /** A manager between the rep's manager and the leader: a leader level skips them. */
  seniorManagerId: string;
  managerId: string;
  otherManagerId: string;
  repId: string;
}

/** A fresh organisation: admin, leader ← senior manager ← manager ← rep, and a second manager. */
export async function insertPeople(pool: Pool): Promise<People> {
  const organisationId = randomUUID();
  await pool.query(`INSERT INTO organisations (id, name) VALUES ($1, $2)`, [organisationId, 'Cycle test']);
  const add = async (role: string, managerId: string | null) => {
    const id = randomUUID();
    await pool.query(
      `INSERT INTO users (id, organisation_id, email, name, role, manager_id, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, 'not-a-hash')`,
      [id, organisationId, `${id}@cycles.test`, role, role, managerId],
    );
    return id;
  };
  const adminId = await add('admin', null);
  const leaderId = await add('leader', null);
  const seniorManagerId = await add('manager', leaderId);
  const managerId = await add('manager', seniorManagerId);
  const otherManagerId = await add('manager', seniorManagerId);
  const repId = await add('rep', managerId);
  return { organisationId, adminId, leaderId, seniorManagerId, managerId, otherManagerId, repId };
}

export const RATINGS = { questions: 3, value: 2, trust: 3 };

export function configuration(
  timings: Partial<PlaybookTimings> = {},
  playbook: Partial<PinnedCycleConfiguration['playbook']> = {},
): PinnedCycleConfiguration {
  return {
    playbook: {
      id: randomUUID(),
      version: 1,
      name: 'Fast playbook',
      // Long phase deadlines keep TaskOverdue out of the way unless a test wants it.
      timings: {
        prioritiseDue: 'PT1H',
        sessionDue: 'PT1H',
        planLength: 'PT3S',
        checkInGrace: 'PT2S',
        escalateAfter: 'PT2S',
        ...timings,
      },
      escalationLevels: ['manager', 'leader'],
      maxFocusAreas: 2,
      observation: false,
      autoRenew: false,
      ...playbook,
    },
    rubric: {
      id: randomUUID(),
      version: 1,
      body: rubricFixture({ kpis: [] }),
    },
    forms: {},
  };
}

/**
 * Publishes, through the configuration decider, a rubric, the organisation's default forms and a playbook
 * with `playbook` settings, as the API would; returns the playbook's id.
 */
export async function publishPlaybook(
  eventStore: EventStore,
  organisationId: string,
  playbook: Record<string, unknown>,
): Promise<string> {
  const publish = async (kind: ConfigurationKind, id: string, body: Record<string, unknown>) => {
    let state = initialConfigurationState();
    const streamId = configurationStreamId(kind, id);
    for (const command of [
      {
        type: 'CreateDraft',
        data: { by: 'admin', id, kind, organisationId, body },
      },
      { type: 'Publish', data: { by: 'admin' } },
    ] as ConfigurationCommand[]) {
      const events = decideConfiguration(command, state, { now: new Date().toISOString() });
      await eventStore.appendToStream(streamId, events);
      state = events.reduce(evolveConfiguration, state);
    }
  };
  const rubricId = randomUUID();
  const playbookId = randomUUID();
  await publish('rubric', rubricId, configuration().rubric.body);
  for (const kind of TASK_KINDS)
    await publish('form', defaultFormId(organisationId, kind), { name: kind, schema: { type: 'object' } });
  const fast = configuration().playbook;
  await publish('playbook', playbookId, {
    name: 'Renewing playbook',
    rubricId,
    timings: fast.timings,
    escalation: { levels: fast.escalationLevels },
    maxFocusAreas: fast.maxFocusAreas,
    observation: false,
    autoRenew: false,
    ...playbook,
  });
  return playbookId;
}

/** Drives one cycle through Temporal updates and reads its stream. */
export class CycleDriver {
  readonly streamId: string;

  constructor(
    readonly input: CoachingCycleInput,
    readonly handle: WorkflowHandle<typeof coachingCycle>,
    private readonly eventStore: EventStore,
  ) {
    this.streamId = cycleStreamId(input.cycleId);
  }

  static async start(
    client: Client,
    eventStore: EventStore,
    taskQueue: string,
    people: People,
    config: PinnedCycleConfiguration,
    extra: Partial<CoachingCycleInput> = {},
  ): Promise<CycleDriver> {
    const input: CoachingCycleInput = {
      cycleId: randomUUID(),
      organisationId: people.organisationId,
      repId: people.repId,
      managerId: people.managerId,
      configuration: config,
      ...extra,
    };
    const handle = await client.workflow.start<typeof coachingCycle>('coachingCycle', {
      workflowId: cycleWorkflowId(input.cycleId),
      taskQueue,
      args: [input],
    });
    return new CycleDriver(input, handle, eventStore);
  }

  /**
   * The run's timers and activities in history order, as `timer-started`, `timer-fired`,
   * `activity:<activity type>` (scheduled) and `local:<activity type>`: what a workflow change to its waiting
   * or reading shows up in.
   */
  async timersAndActivities(): Promise<string[]> {
    const history = await this.handle.fetchHistory();
    return (history.events ?? []).flatMap((event) => {
      if (event.timerStartedEventAttributes) return ['timer-started'];
      if (event.timerFiredEventAttributes) return ['timer-fired'];
      const scheduled = event.activityTaskScheduledEventAttributes?.activityType?.name;
      if (scheduled) return [`activity:${scheduled}`];
      const marker = event.markerRecordedEventAttributes;
      const data = marker?.details?.['data']?.payloads?.[0]?.data;
      if (marker?.markerName !== 'core_local_activity' || !data) return [];
      const { activity_type: type } = JSON.parse(Buffer.from(data).toString('utf8')) as {
        activity_type: string;
      };
      return [`local:${type}`];
    });
  }

  events(): Promise<RecordedEvent[]> {
    return this.eventStore.readStream(this.streamId);
  }

  async types(): Promise<string[]> {
    return (await this.events()).map((event) => event.type);
  }

  /** The cycle's state folded from its stream by the domain's own evolve. */
  async state(): Promise<CycleState> {
    return (await this.events()).reduce(
      (state, event) => evolveCycle(state, event as unknown as CycleEvent),
      initialCycleState(),
    );
  }

  /** Waits until an open task of `kind` exists (optionally matching `where`) and returns it. */
  task(kind: string, where: (task: OpenTask) => boolean = () => true, timeoutMs = 20_000): Promise<OpenTask> {
    return eventually(async () => {
      const events = await this.events();
      const state = events.reduce(
        (folded, event) => evolveCycle(folded, event as unknown as CycleEvent),
        initialCycleState(),
      );
      const task = Object.values(state.tasks).find((open) => open.kind === kind && where(open));
      if (!task)
        throw new Error(
          `no open ${kind} task yet; stream: ${events.map((event) => `${event.type}${summary(event)}`).join(', ')}`,
        );
      return task;
    }, timeoutMs);
  }

  /** Completes the open task of `kind` as its assignee (or as `userId`). */
  async complete(kind: string, data: Record<string, unknown>, userId?: string): Promise<OpenTask> {
    const task = await this.task(kind);
    await this.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.taskId, userId: userId ?? task.assigneeId, data }],
    });
    return task;
  }

  /** Waits for an event of `type` (the `nth`, 1-based) and returns it. */
  event(type: string, nth = 1, timeoutMs = 20_000): Promise<RecordedEvent> {
    return eventually(async () => {
      const found = (await this.events()).filter((event) => event.type === type)[nth - 1];
      if (!found) throw new Error(`no ${type} #${nth} yet`);
      return found;
    }, timeoutMs);
  }

  /** Assessments, priorities and a coaching session with `commitments`, accepted by the rep. */
  async toAcceptedPlan(commitments: { title: string; due: string; measure?: string }[]): Promise<void> {
    await this.complete('self-assessment', { ratings: { questions: 4, value: 3, trust: 3 } });
    await this.complete('manager-assessment', { ratings: RATINGS });
    await this.complete('set-priorities', { focusAreas: ['value'], diagnosis: 'skill', style: 'coaching' });
    await this.complete('coaching-session', { commitments });
    await this.complete('acknowledge-plan', { accepted: true });
  }
}

function summary(event: RecordedEvent): string {
  const data = event.data as Record<string, unknown>;
  const detail = data['kind'] ?? data['reason'] ?? data['action'] ?? data['level'];
  return detail === undefined ? '' : `(${String(detail)})`;
}

/** The stream is whole: versions 1..n without a gap, every id the workflow's step id of its version, once. */
export function expectSoundStream(events: RecordedEvent[], cycleId: string): void {
  expect(events.map((event) => event.streamVersion)).toEqual(events.map((_, index) => index + 1));
  expect(events.map((event) => event.id)).toEqual(
    events.map((event) => `${cycleWorkflowId(cycleId)}/${event.streamVersion}`),
  );
  expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
}
