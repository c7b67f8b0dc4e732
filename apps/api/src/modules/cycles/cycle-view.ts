import type { CycleView } from '@coachflow/contracts';
import type { CycleEntity } from './entities/cycle.entity';

export function toCycleView(cycle: CycleEntity): CycleView {
  return {
    id: cycle.id,
    repId: cycle.repId,
    managerId: cycle.managerId,
    playbook: { id: cycle.playbookId, version: cycle.playbookVersion },
    phase: cycle.phase,
    status: cycle.status,
  };
}
