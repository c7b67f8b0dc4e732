import type { FieldError, FormBody, RubricBody, TaskFormView, TaskKind } from '@coachflow/contracts';
import type { ConfigurationKind } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import {
  ajvErrorsToFieldErrors,
  checkTaskDataSize,
  compileFormSchema,
  defaultTaskFormSchema,
  effectiveTaskFormSchema,
  type JsonSchema,
} from '@coachflow/forms';
import { loadConfiguration } from '@coachflow/configuration';
import { Inject, Injectable } from '@nestjs/common';
import type { ValidateFunction } from 'ajv';
import { EVENT_STORE } from '#api/infrastructure/database/database.module';
import { TaskFormCache } from './task-form-cache';

/** A task's form, ready to show and to validate with. */
export interface ResolvedTaskForm {
  view: TaskFormView;
  validate: ValidateFunction;
}

/** What decides a task's form: its pinned form version and its cycle's pinned rubric version. */
export interface TaskFormKey {
  organisationId: string;
  kind: TaskKind;
  formId: string | null;
  formVersion: number | null;
  rubricId: string | null;
  rubricVersion: number | null;
}

// Distinct (form version, rubric version, kind) triples in use at once: a few per playbook.
const CACHE_CAPACITY = 1000;

/**
 * Resolves the form a task is filled in with: the pinned form version's schema, made effective for the
 * cycle's pinned rubric (assessment ratings generated from its competencies), compiled once per process.
 * Published versions never change, so the cache never goes stale.
 */
@Injectable()
export class TaskFormsService {
  private readonly cache = new TaskFormCache<ResolvedTaskForm>(CACHE_CAPACITY);

  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  formFor(key: TaskFormKey): Promise<ResolvedTaskForm> {
    const id = [key.kind, key.formId, key.formVersion, key.rubricId, key.rubricVersion].join('/');
    return this.cache.get(id, () => this.resolve(key));
  }

  /** `data` checked against the task's form; errors point into the request body (`/data/...`). */
  async validate(key: TaskFormKey, data: unknown): Promise<FieldError[]> {
    const tooLarge = checkTaskDataSize(data);
    if (tooLarge.length > 0) return tooLarge;
    const { validate } = await this.formFor(key);
    return validate(data) ? [] : ajvErrorsToFieldErrors(validate.errors, '/data');
  }

  private async resolve(key: TaskFormKey): Promise<ResolvedTaskForm> {
    const rubric =
      key.rubricId && key.rubricVersion
        ? ((await this.version(key, 'rubric', key.rubricId, key.rubricVersion)) as RubricBody)
        : undefined;
    let schema: JsonSchema;
    let uiSchema: Record<string, unknown> = {};
    if (key.formId && key.formVersion) {
      const form = (await this.version(key, 'form', key.formId, key.formVersion)) as FormBody;
      schema = rubric ? effectiveTaskFormSchema(key.kind, form.schema, rubric) : form.schema;
      uiSchema = form.uiSchema ?? {};
    } else {
      // A cycle started before configuration existed pinned no form: the kind's built-in default.
      schema = defaultTaskFormSchema(key.kind, rubric);
    }
    const compiled = compileFormSchema(schema);
    if (!compiled.ok) throw new Error(`the pinned ${key.kind} form does not compile`);
    return {
      view: { id: key.formId, version: key.formVersion, schema, uiSchema },
      validate: compiled.validate,
    };
  }

  private async version(
    key: TaskFormKey,
    kind: ConfigurationKind,
    id: string,
    version: number,
  ): Promise<unknown> {
    const { state: record } = await loadConfiguration(this.eventStore, kind, id);
    const found = record.organisationId === key.organisationId ? record.versions[version - 1] : undefined;
    if (!found || found.status !== 'published')
      throw new Error(`the pinned ${kind} ${id} version ${version} is missing`);
    return found.body;
  }
}
