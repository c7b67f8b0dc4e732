import type { DomainEvent } from '../events';

/** The three kinds of object enablement admins design. */
export type ConfigurationKind = 'rubric' | 'form' | 'playbook';

interface Audit {
  /** Who did it and when: the audit trail of every rubric, form and playbook. */
  by: string;
  at: string;
}

export type ConfigurationDrafted = DomainEvent<
  'ConfigurationDrafted',
  Audit & { id: string; kind: ConfigurationKind; organisationId: string; version: number; body: unknown }
>;
/** The draft's body was replaced; when the latest version was published, this opens the next version. */
export type ConfigurationChanged = DomainEvent<
  'ConfigurationChanged',
  Audit & { version: number; body: unknown }
>;
export type ConfigurationPublished = DomainEvent<'ConfigurationPublished', Audit & { version: number }>;
export type ConfigurationArchived = DomainEvent<'ConfigurationArchived', Audit>;

export type ConfigurationEvent =
  ConfigurationDrafted | ConfigurationChanged | ConfigurationPublished | ConfigurationArchived;

/** The event-store stream of one configuration object. */
export function configurationStreamId(kind: ConfigurationKind, id: string): string {
  return `${kind}-${id}`;
}
