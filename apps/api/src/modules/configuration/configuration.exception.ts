import { codedAppException } from '#api/infrastructure/http/app.exception';

export enum ConfigurationErrorCode {
  NotFound = 'configuration-not-found',
  VersionNotFound = 'configuration-version-not-found',
  Invalid = 'invalid-configuration',
  AlreadyPublished = 'configuration-already-published',
  Archived = 'configuration-archived',
  PlaybookUnusable = 'playbook-unusable',
  ImportConflict = 'import-conflict',
  Stale = 'configuration-changed',
}

const STATUS: Record<ConfigurationErrorCode, number> = {
  [ConfigurationErrorCode.NotFound]: 404,
  [ConfigurationErrorCode.VersionNotFound]: 404,
  [ConfigurationErrorCode.Invalid]: 400,
  [ConfigurationErrorCode.AlreadyPublished]: 409,
  [ConfigurationErrorCode.Archived]: 409,
  [ConfigurationErrorCode.PlaybookUnusable]: 400,
  [ConfigurationErrorCode.ImportConflict]: 400,
  [ConfigurationErrorCode.Stale]: 409,
};

/** A failure of the configuration context (rubrics, forms, playbooks). */
export class ConfigurationException extends codedAppException(STATUS) {}
