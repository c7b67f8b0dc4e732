import type { AuditService } from '#api/modules/audit/audit.service';
import type { UserEntity } from '#api/modules/people/entities/user.entity';

/**
 * Audits a refused sign-in once in each organisation where the address belongs to a user, so each admin
 * sees attempts on their own people (password and single sign-on alike).
 */
export function auditLoginFailures(
  audit: AuditService,
  candidates: UserEntity[],
  detailOf: (candidate: UserEntity) => Record<string, unknown>,
): Promise<void> {
  return audit.record(
    candidates.map((candidate) => ({
      type: 'LoginFailed' as const,
      organisationId: candidate.organisationId,
      actorId: null,
      data: { userId: candidate.id, ...detailOf(candidate) },
    })),
  );
}
