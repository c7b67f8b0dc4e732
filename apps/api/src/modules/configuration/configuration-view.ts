import type { ConfigurationMeta, FormBody, TaskKind } from '@coachflow/contracts';
import {
  type ConfigurationRecord,
  type ConfigurationVersionRecord,
  latestPublishedVersion,
} from '@coachflow/domain';
import { defaultFormId } from '@coachflow/configuration';

/** The API's answer for one version of a configuration object: its body's fields beside who did what when. */
export function toConfigurationView(record: ConfigurationRecord, version: ConfigurationVersionRecord) {
  const meta: ConfigurationMeta = {
    id: record.id,
    version: version.version,
    status: version.status,
    latestVersion: record.versions.length,
    publishedVersion: latestPublishedVersion(record)?.version ?? null,
    archived: record.state.archived,
    createdBy: version.createdBy,
    createdAt: version.createdAt,
    updatedBy: version.updatedBy,
    updatedAt: version.updatedAt,
    ...(version.publishedBy ? { publishedBy: version.publishedBy, publishedAt: version.publishedAt } : {}),
  };
  const body = version.body as Record<string, unknown>;
  if (record.kind !== 'form') return { ...body, ...meta };
  const taskKind = (body as FormBody).taskKind;
  return { ...body, ...meta, isDefault: isDefaultForm(record, taskKind) };
}

export function isDefaultForm(record: ConfigurationRecord, taskKind: TaskKind | undefined): boolean {
  return (
    record.kind === 'form' &&
    taskKind !== undefined &&
    record.organisationId !== undefined &&
    record.id === defaultFormId(record.organisationId, taskKind)
  );
}
