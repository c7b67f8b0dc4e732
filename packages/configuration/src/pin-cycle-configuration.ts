import {
  type ConfigurationRecord,
  cycleFormIds,
  latestPublishedVersion,
  type PinnedCycleConfiguration,
  type PinnedVersion,
  pinnedPlaybook,
} from '@coachflow/domain';
import { ConfigurationPinError, ConfigurationPinErrorCode } from './configuration-pin.error';
import type { ConfigurationObjectRef, ConfigurationRecordCache } from './configuration-record-cache';
import { defaultFormId } from './default-form-id';

type PlaybookBody = Parameters<typeof pinnedPlaybook>[2];
type RubricBody = PinnedCycleConfiguration['rubric']['body'];
type TaskKind = keyof PinnedCycleConfiguration['forms'];

export interface PinDependencies {
  /** Where the configuration is read; keep one per process, so unchanged objects are not folded again. */
  configurations: ConfigurationRecordCache;
}

/**
 * The exact configuration a new cycle runs on, resolved once at its start: the playbook's latest published
 * version, its rubric's latest published version, and for every task kind the playbook's form or else the
 * organisation's default form, each at its latest published version. Read from the streams, so it is
 * consistent with every publish that has returned. Throws ConfigurationPinError when the playbook is
 * missing, belongs to another organisation, or it or something it uses has no published version.
 */
export async function pinCycleConfiguration(
  deps: PinDependencies,
  organisationId: string,
  playbookId: string,
): Promise<PinnedCycleConfiguration> {
  const [playbook] = await load(deps, organisationId, [{ kind: 'playbook', id: playbookId }]);
  if (!playbook || playbook.state.archived)
    throw new ConfigurationPinError(ConfigurationPinErrorCode.PlaybookNotFound, 'No such playbook.');
  const publishedPlaybook = latestPublishedVersion(playbook);
  if (!publishedPlaybook)
    throw new ConfigurationPinError(
      ConfigurationPinErrorCode.PlaybookNotPublished,
      'The playbook is not published.',
    );
  const body = publishedPlaybook.body as PlaybookBody;

  // The rubric and every form are independent streams: read them at once, then judge them in the order
  // above (the rubric's error first, then the forms' in task-kind order), as a one-by-one read would.
  const formIds = Object.entries(cycleFormIds(body.forms, (kind) => defaultFormId(organisationId, kind))) as [
    TaskKind,
    string,
  ][];
  const [rubric, ...formRecords] = await load(deps, organisationId, [
    { kind: 'rubric', id: body.rubricId },
    ...formIds.map(([, formId]) => ({ kind: 'form' as const, id: formId })),
  ]);
  const publishedRubric = rubric && latestPublishedVersion(rubric);
  if (!publishedRubric)
    throw new ConfigurationPinError(
      ConfigurationPinErrorCode.RubricNotPublished,
      'The playbook’s rubric is not published.',
    );

  const forms: Partial<Record<TaskKind, PinnedVersion>> = {};
  for (const [index, [kind, formId]] of formIds.entries()) {
    const form = formRecords[index];
    const published = form && latestPublishedVersion(form);
    if (!published)
      throw new ConfigurationPinError(
        ConfigurationPinErrorCode.FormNotPublished,
        `The ${kind} form has no published version.`,
      );
    forms[kind] = { id: formId, version: published.version };
  }
  return {
    playbook: pinnedPlaybook(playbookId, publishedPlaybook.version, body),
    rubric: { id: body.rubricId, version: publishedRubric.version, body: publishedRubric.body as RubricBody },
    forms,
  };
}

// Another organisation's object is as absent as one that never existed.
async function load(
  deps: PinDependencies,
  organisationId: string,
  objects: ConfigurationObjectRef[],
): Promise<(ConfigurationRecord | undefined)[]> {
  const records = await deps.configurations.load(objects);
  return records.map((record, index) =>
    record.state.exists && record.organisationId === organisationId && record.kind === objects[index]?.kind
      ? record
      : undefined,
  );
}
