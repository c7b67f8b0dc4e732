import type { EscalationLevelRole } from '@coachflow/contracts';
import { describeIsoDuration } from './spoken-duration';

/** Who stands for each role in the sentence; defaults speak of roles ("the rep's manager"). */
export interface EscalationNames {
  rep?: string;
  manager?: string;
  leader?: string;
  admin?: string;
}

/**
 * The escalation chain read back as a sentence: "If Ray misses a commitment, Maria gets a task; after
 * 2 days unresolved, Lee gets one."
 */
export function escalationSentence(
  levels: readonly EscalationLevelRole[],
  escalateAfter: string,
  names: EscalationNames = {},
): string {
  const who = (role: EscalationLevelRole) =>
    names[role] ?? { manager: 'the rep’s manager', leader: 'the next leader up', admin: 'an admin' }[role];
  const rep = names.rep ?? 'the rep';
  if (levels.length === 0) return `If ${rep} misses a commitment, nobody is asked to follow up.`;
  const wait = describeIsoDuration(escalateAfter);
  const [first, ...rest] = levels;
  const steps = rest.map(
    (role, index) => `after ${index === 0 ? '' : 'another '}${wait} unresolved, ${who(role)} gets one`,
  );
  return `If ${rep} misses a commitment, ${who(first!)} gets a task${steps.map((step) => `; ${step}`).join('')}.`;
}
