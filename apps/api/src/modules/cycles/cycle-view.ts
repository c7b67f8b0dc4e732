import type { CycleView } from '@coachflow/contracts';
import type { CycleEntity } from './entities/cycle.entity';

/** The API's view of a cycle, from the registry entity or a cycle-summaries row alike. */
export function toCycleView(
  cycle: Pick<
    CycleEntity,
    'id' | 'repId' | 'managerId' | 'playbookId' | 'playbookVersion' | 'phase' | 'status'
  >,
): CycleView {
  return {
    id: cycle.id,
    repId: cycle.repId,
    managerId: cycle.managerId,
    playbook: { id: cycle.playbookId, version: cycle.playbookVersion },
    phase: cycle.phase,
    status: cycle.status,
  };
}
