import type { CycleView } from '@coachflow/contracts';
import type { CycleSummary } from '@coachflow/read-models';
import type { CycleEntity } from './entities/cycle.entity';

type CycleBase = Pick<
  CycleEntity,
  'id' | 'repId' | 'managerId' | 'playbookId' | 'playbookVersion' | 'phase' | 'status'
>;

/**
 * The API's view of a cycle: who and which playbook from the registry, where it stands and what was
 * agreed from its summary (the cycle-summaries projection). A cycle the projection has not reached yet
 * shows the registry's phase and status and nothing agreed.
 */
export function toCycleView(cycle: CycleBase, summary?: CycleSummary): CycleView {
  return {
    id: cycle.id,
    repId: cycle.repId,
    managerId: cycle.managerId,
    playbook: { id: cycle.playbookId, version: cycle.playbookVersion },
    phase: summary?.phase ?? cycle.phase,
    status: summary?.status ?? cycle.status,
    focusAreas: summary?.focusAreas ?? [],
    commitments: (summary?.commitments ?? []).map(({ id, title, dueAt, status }) => ({
      id,
      title,
      dueAt,
      status,
    })),
    escalations: (summary?.escalations ?? []).map(
      ({ level, assigneeId, commitmentId, raisedAt, resolvedAt }) => ({
        level,
        assigneeId,
        commitmentId,
        raisedAt,
        ...(resolvedAt ? { resolvedAt } : {}),
      }),
    ),
    executionConcern: summary?.executionConcern ?? null,
  };
}

/** A cycle from its summary row alone (lists). */
export function summaryToCycleView(summary: CycleSummary): CycleView {
  return toCycleView(summaryBase(summary), summary);
}

function summaryBase(summary: CycleSummary): CycleBase {
  return {
    id: summary.cycleId,
    repId: summary.repId,
    managerId: summary.managerId,
    playbookId: summary.playbookId,
    playbookVersion: summary.playbookVersion,
    phase: summary.phase,
    status: summary.status,
  };
}
