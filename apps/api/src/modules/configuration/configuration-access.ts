import { ROLES, type Role } from '@coachflow/contracts';
import type { ConfigurationRecord } from '@coachflow/domain';
import { permitsAny } from '#api/modules/access/access-policy';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';

/**
 * Who may design configuration: the roles the access policy gives `configuration:manage` (admins). Every
 * signed-in user of the organisation may read it (managers and reps see the forms and rubric their cycles
 * run on).
 */
export const CONFIGURATION_WRITERS: readonly Role[] = ROLES.filter((role) =>
  permitsAny(role, 'configuration:manage'),
);

/** A configuration object is visible to the users of its organisation and to nobody else. */
export function canSeeConfiguration(
  caller: Pick<AuthenticatedUser, 'organisationId'>,
  record: ConfigurationRecord,
): boolean {
  return record.state.exists && record.organisationId === caller.organisationId;
}
