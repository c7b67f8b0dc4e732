import { randomUUID } from 'node:crypto';
import {
  type ConfigurationEventView,
  type ConfigurationStatus,
  type ConfigurationSummary,
  type FormBody,
  type Page,
  TASK_KINDS,
  type TaskKind,
} from '@coachflow/contracts';
import {
  type ConfigurationCommand,
  ConfigurationError,
  ConfigurationErrorCode as DeciderErrorCode,
  type ConfigurationKind,
  type ConfigurationRecord,
  configurationStreamId,
  decideConfiguration,
  latestPublishedVersion,
} from '@coachflow/domain';
import { EventStoreErrorCode, EventStoreException, type EventStore } from '@coachflow/event-store';
import { defaultTaskFormSchema } from '@coachflow/forms';
import { defaultFormId, loadConfiguration } from '@coachflow/configuration';
import { type ConfigurationObjectRow, configurationObjectsPage } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { toStreamEventView } from '#api/infrastructure/events/stream-event-view';
import { EVENT_STORE, PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { canSeeConfiguration } from './configuration-access';
import { ConfigurationValidator } from './configuration-validator';
import { toConfigurationView } from './configuration-view';
import { ConfigurationErrorCode, ConfigurationException } from './configuration.exception';

/** Who acts: the signed-in admin, or the system acting for a user (sign-up, the demo seed). */
export type Actor = Pick<AuthenticatedUser, 'id' | 'organisationId'>;

export type ConfigurationView = ReturnType<typeof toConfigurationView>;

/** An object as read or written, and its stream version, which the API gives out as its ETag. */
export interface Written {
  view: ConfigurationView;
  etag: number;
}

interface Loaded {
  record: ConfigurationRecord;
  version: number;
}

/** A version of a form as tasks need it: what to render and validate a task's data with. */
export interface FormVersion {
  id: string;
  version: number;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  taskKind?: TaskKind;
}

/**
 * Rubrics, forms and playbooks: each an event stream decided by the configuration decider. Writes read the
 * stream, decide and append with the version read, so of two concurrent edits one wins and the other is a
 * 409. Reads of one object or version come from its stream (consistent); lists from a projection.
 */
@Injectable()
export class ConfigurationService {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly validator: ConfigurationValidator,
  ) {}

  async create(actor: Actor, kind: ConfigurationKind, body: unknown): Promise<Written> {
    await this.validator.assertValid(kind, actor.organisationId, body, 'draft');
    const id = randomUUID();
    const created = await this.execute(kind, id, {
      type: 'CreateDraft',
      data: { ...audit(actor), id, kind, organisationId: actor.organisationId, body },
    });
    return this.written(created);
  }

  /**
   * Replaces the draft; on a published object this opens the next version as a draft. `ifMatch` is the
   * stream version the caller read (its ETag): a write over a newer state is a 409 instead of a lost update.
   * Without it the version read at the start of the request is the one appended after.
   */
  async replace(
    actor: Actor,
    kind: ConfigurationKind,
    id: string,
    body: unknown,
    ifMatch?: number,
  ): Promise<Written> {
    const loaded = await this.findVisible(actor, kind, id, ifMatch);
    await this.validator.assertValid(kind, actor.organisationId, body, 'draft', { id });
    return this.written(
      await this.execute(kind, id, { type: 'ChangeDraft', data: { ...audit(actor), body } }, loaded),
    );
  }

  /** Freezes the latest version, once it passes every rule again (what it names may have changed since). */
  async publish(actor: Actor, kind: ConfigurationKind, id: string, ifMatch?: number): Promise<Written> {
    const loaded = await this.findVisible(actor, kind, id, ifMatch);
    const latest = loaded.record.versions.at(-1)!;
    if (latest.status === 'draft')
      await this.validator.assertValid(kind, actor.organisationId, latest.body, 'publish', { id });
    return this.written(await this.execute(kind, id, { type: 'Publish', data: audit(actor) }, loaded));
  }

  /** Archives the object: it keeps its history and pinned cycles keep it, but nothing new can use it. */
  async archive(actor: Actor, kind: ConfigurationKind, id: string): Promise<Written> {
    const loaded = await this.findVisible(actor, kind, id);
    return this.written(await this.execute(kind, id, { type: 'Archive', data: audit(actor) }, loaded));
  }

  async getLatest(caller: Actor, kind: ConfigurationKind, id: string): Promise<Written> {
    return this.written(await this.findVisible(caller, kind, id));
  }

  async getVersion(
    caller: Actor,
    kind: ConfigurationKind,
    id: string,
    version: number,
  ): Promise<ConfigurationView> {
    const { record } = await this.findVisible(caller, kind, id);
    const found = record.versions[version - 1];
    if (!found)
      throw new ConfigurationException(ConfigurationErrorCode.VersionNotFound, `No version ${version}.`);
    return toConfigurationView(record, found);
  }

  /**
   * One version of a form of the organisation, as a task pinned to it renders and validates its data
   * (for the tasks API). Throws the 404 exception for another organisation's form or an unknown version.
   */
  async getFormVersion(organisationId: string, formId: string, version: number): Promise<FormVersion> {
    const { record } = await this.findVisible({ organisationId }, 'form', formId);
    const found = record.versions[version - 1];
    if (!found)
      throw new ConfigurationException(ConfigurationErrorCode.VersionNotFound, `No version ${version}.`);
    const body = found.body as FormBody;
    return {
      id: formId,
      version,
      schema: body.schema,
      ...(body.uiSchema ? { uiSchema: body.uiSchema } : {}),
      ...(body.taskKind ? { taskKind: body.taskKind } : {}),
    };
  }

  /** The object's stream: every draft, change and publish with who and when. */
  async events(caller: Actor, kind: ConfigurationKind, id: string): Promise<ConfigurationEventView[]> {
    await this.findVisible(caller, kind, id);
    const events = await this.eventStore.readStream(configurationStreamId(kind, id));
    return events.map(toStreamEventView);
  }

  /** The organisation's objects of a kind, from the configuration-objects projection (eventually consistent). */
  async list(
    caller: Actor,
    kind: ConfigurationKind,
    filter: { status?: ConfigurationStatus; taskKind?: TaskKind },
    page: PageQuery,
  ): Promise<Page<ConfigurationSummary>> {
    const rows = await configurationObjectsPage(this.pool, {
      organisationId: caller.organisationId,
      kind,
      ...filter,
      ...(page.after ? { after: page.after } : {}),
      limit: page.limit,
    });
    const items = rows.map(toSummary);
    return { items, nextCursor: nextCursor(items, page.limit) };
  }

  /**
   * Gives the organisation its published default form for every task kind, through the same decider as any
   * form. Idempotent: the ids are derived from organisation and kind, so a kind that has one is skipped.
   */
  async ensureDefaultForms(actor: Actor): Promise<void> {
    for (const kind of TASK_KINDS) {
      const id = defaultFormId(actor.organisationId, kind);
      const { state: record } = await loadConfiguration(this.eventStore, 'form', id);
      if (latestPublishedVersion(record)) continue;
      try {
        if (!record.state.exists) {
          const body: FormBody = {
            name: defaultFormName(kind),
            taskKind: kind,
            schema: defaultTaskFormSchema(kind),
          };
          await this.validator.assertValid('form', actor.organisationId, body, 'publish', { id });
          const data = {
            ...audit(actor),
            id,
            kind: 'form' as const,
            organisationId: actor.organisationId,
            body,
          };
          await this.execute('form', id, { type: 'CreateDraft', data });
        }
        // Also finishes a default form whose publish was interrupted last time.
        await this.execute('form', id, { type: 'Publish', data: audit(actor) });
      } catch (error) {
        // Another process gave it the same default form at the same moment: that is the outcome we want.
        if (!isLostRace(error)) throw error;
      }
    }
  }

  /** The object, or a 404 whether it does not exist, is of another kind or belongs to another organisation. */
  private async findVisible(
    caller: Pick<Actor, 'organisationId'>,
    kind: ConfigurationKind,
    id: string,
    ifMatch?: number,
  ): Promise<Loaded> {
    const { state: record, version } = await loadConfiguration(this.eventStore, kind, id);
    if (!canSeeConfiguration(caller, record) || record.kind !== kind)
      throw new ConfigurationException(ConfigurationErrorCode.NotFound, `No such ${kind}.`);
    if (ifMatch !== undefined && ifMatch !== version)
      throw new ConfigurationException(
        ConfigurationErrorCode.Stale,
        `The ${kind} changed since you read it; reload and try again.`,
      );
    return { record, version };
  }

  private written({ record, version }: Loaded): Written {
    return { view: toConfigurationView(record, record.versions.at(-1)!), etag: version };
  }

  /** Decides `command` on the state read (`loaded`, else read now) and appends after exactly that version. */
  private async execute(
    kind: ConfigurationKind,
    id: string,
    command: ConfigurationCommand,
    loaded?: Loaded,
  ): Promise<Loaded> {
    const { record, version } = loaded ?? (await this.load(kind, id));
    let events;
    try {
      events = decideConfiguration(command, record.state, { now: new Date().toISOString() });
    } catch (error) {
      throw error instanceof ConfigurationError ? fromDecider(error, kind) : error;
    }
    // An HTTP request carries no idempotency key: two requests are two changes even within one millisecond,
    // so a concurrent edit must fail its version check (409), never pass as a retry of the other.
    const unique = events.map((event) => ({ ...event, id: `${event.id}/${randomUUID()}` }));
    await this.eventStore.appendToStream(configurationStreamId(kind, id), unique, {
      expectedVersion: version === 0 ? 'no-stream' : version,
    });
    return this.load(kind, id);
  }

  private async load(kind: ConfigurationKind, id: string): Promise<Loaded> {
    const { state: record, version } = await loadConfiguration(this.eventStore, kind, id);
    return { record, version };
  }
}

function toSummary(row: ConfigurationObjectRow): ConfigurationSummary {
  return {
    id: row.id,
    name: row.name,
    version: row.latest_version,
    status: row.status,
    publishedVersion: row.published_version,
    ...(row.task_kind ? { taskKind: row.task_kind } : {}),
    archived: row.archived,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

function isLostRace(error: unknown): boolean {
  return (
    (error instanceof EventStoreException && error.code === EventStoreErrorCode.WrongExpectedVersion) ||
    (error instanceof ConfigurationException && error.code === ConfigurationErrorCode.AlreadyPublished)
  );
}

function audit(actor: Actor): { by: string } {
  return { by: actor.id };
}

function defaultFormName(kind: TaskKind): string {
  const words = kind.replace(/-/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (default)`;
}

function fromDecider(error: ConfigurationError, kind: ConfigurationKind): ConfigurationException {
  switch (error.code) {
    case DeciderErrorCode.NotFound:
      return new ConfigurationException(ConfigurationErrorCode.NotFound, `No such ${kind}.`);
    case DeciderErrorCode.AlreadyPublished:
      return new ConfigurationException(ConfigurationErrorCode.AlreadyPublished, error.message);
    case DeciderErrorCode.Archived:
      return new ConfigurationException(ConfigurationErrorCode.Archived, `The ${kind} is archived.`);
    case DeciderErrorCode.AlreadyExists:
      // A fresh random id never exists before; only a concurrent writer of a derived id gets here.
      return new ConfigurationException(ConfigurationErrorCode.Stale, error.message);
  }
}
