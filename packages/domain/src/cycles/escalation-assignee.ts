import type { EscalationLevelRole } from '@coachflow/contracts';
import type { ReportingChain } from './cycle-commands';

/**
 * Who an escalation level goes to: `manager` is the cycle's current manager; `leader` the nearest leader
 * above the previous level's assignee in the rep's reporting line (else that assignee's own manager);
 * `admin` an admin of the organisation. Null when nobody fits or it would be the previous assignee again:
 * the escalation then stays where it is.
 */
export function escalationAssignee(
  role: EscalationLevelRole,
  previousAssigneeId: string | null,
  managerId: string,
  chain: ReportingChain | undefined,
): string | null {
  const candidate = (() => {
    if (role === 'manager') return managerId;
    if (!chain) return null;
    if (role === 'admin') return chain.adminId;
    const from = chain.line.findIndex((member) => member.userId === (previousAssigneeId ?? managerId));
    const above = chain.line.slice(from + 1);
    return (above.find((member) => member.role === 'leader') ?? above[0])?.userId ?? null;
  })();
  return candidate === previousAssigneeId ? null : candidate;
}
