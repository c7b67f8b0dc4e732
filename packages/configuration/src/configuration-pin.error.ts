import { CodedError } from '@coachflow/domain';

export enum ConfigurationPinErrorCode {
  PlaybookNotFound = 'playbook-not-found',
  PlaybookNotPublished = 'playbook-not-published',
  RubricNotPublished = 'rubric-not-published',
  FormNotPublished = 'form-not-published',
}

/** A cycle cannot start on this playbook: what is missing or unpublished (the API answers 400). */
export class ConfigurationPinError extends CodedError<ConfigurationPinErrorCode> {}
