import {
  type FieldError,
  type FormBody,
  type PlaybookBody,
  type RubricBody,
  TASK_KINDS,
  type TaskKind,
} from '@coachflow/contracts';
import {
  type ConfigurationKind,
  type ConfigurationRecord,
  type ConfigurationVersionRecord,
  latestPublishedVersion,
} from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import { validateFormBody, validatePlaybook, validateRubric } from '@coachflow/forms';
import { defaultFormId, loadConfiguration } from '@coachflow/configuration';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '#api/infrastructure/database/database.module';
import { ConfigurationErrorCode, ConfigurationException } from './configuration.exception';

/** When a body is checked: on every draft write, or (stricter) when a version is published. */
export type ValidationStage = 'draft' | 'publish';

/**
 * The rules of each kind beyond its JSON shape (which the controllers' JSON Schema pipes check first), in
 * one place: what packages/forms checks purely, and what needs the organisation's other objects.
 */
@Injectable()
export class ConfigurationValidator {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /** Throws a 400 naming every invalid field; returns when the body is valid. */
  async assertValid(
    kind: ConfigurationKind,
    organisationId: string,
    body: unknown,
    stage: ValidationStage,
    context: { id?: string } = {},
  ): Promise<void> {
    const errors = await this.errorsOf(kind, organisationId, body, stage, context);
    if (errors.length > 0)
      throw new ConfigurationException(
        ConfigurationErrorCode.Invalid,
        `The ${kind} is not valid; see errors for each field.`,
        errors,
      );
  }

  async errorsOf(
    kind: ConfigurationKind,
    organisationId: string,
    body: unknown,
    stage: ValidationStage,
    context: { id?: string } = {},
  ): Promise<FieldError[]> {
    switch (kind) {
      case 'rubric':
        return validateRubric(body as RubricBody);
      case 'form':
        return [
          ...validateFormBody(body as FormBody),
          ...defaultFormRules(organisationId, body as FormBody, context.id),
        ];
      case 'playbook':
        return this.playbookErrors(organisationId, body as PlaybookBody, stage);
    }
  }

  private async playbookErrors(organisationId: string, playbook: PlaybookBody, stage: ValidationStage) {
    const errors: FieldError[] = [];
    // A draft may name drafts (an import creates them all at once); publishing needs them published.
    const pick = (record: ConfigurationRecord): ConfigurationVersionRecord | undefined =>
      stage === 'publish' ? latestPublishedVersion(record) : record.versions.at(-1);

    const rubricRecord = await this.find(organisationId, 'rubric', playbook.rubricId);
    const rubric = rubricRecord && pick(rubricRecord);
    if (!rubricRecord) errors.push({ path: '/rubricId', message: 'is not a rubric of your organisation' });
    else if (!rubric) errors.push({ path: '/rubricId', message: 'has no published version' });

    const forms: Partial<Record<TaskKind, FormBody>> = {};
    for (const [kind, formId] of Object.entries(playbook.forms ?? {}) as [TaskKind, string][]) {
      const record = await this.find(organisationId, 'form', formId);
      const version = record && pick(record);
      if (!record) errors.push({ path: `/forms/${kind}`, message: 'is not a form of your organisation' });
      else if (!version) errors.push({ path: `/forms/${kind}`, message: `has no published version` });
      else forms[kind] = version.body as FormBody;
    }
    return [
      ...errors,
      ...validatePlaybook(playbook, { rubric: rubric?.body as RubricBody | undefined, forms }),
    ];
  }

  private async find(
    organisationId: string,
    kind: ConfigurationKind,
    id: string,
  ): Promise<ConfigurationRecord | undefined> {
    const { state: record } = await loadConfiguration(this.eventStore, kind, id);
    return record.state.exists &&
      !record.state.archived &&
      record.organisationId === organisationId &&
      record.kind === kind
      ? record
      : undefined;
  }
}

// The default form of a kind stays bound to that kind: cycles fall back to it for exactly that kind.
function defaultFormRules(organisationId: string, form: FormBody, id: string | undefined): FieldError[] {
  if (!id) return [];
  const kind = TASK_KINDS.find((candidate) => defaultFormId(organisationId, candidate) === id);
  if (kind && form.taskKind !== kind)
    return [{ path: '/taskKind', message: `must stay "${kind}": this is the default ${kind} form` }];
  return [];
}
