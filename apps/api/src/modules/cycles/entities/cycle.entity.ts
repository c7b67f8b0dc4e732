import type { CyclePhase, CycleStatus } from '@coachflow/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The cycle registry: one row per cycle, written when the API starts it. Its partial unique index on
 * running cycles is what answers "this rep already has a running cycle" without a race.
 */
@Entity('cycles')
export class CycleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('uuid', { name: 'rep_id' })
  repId!: string;

  @Column('uuid', { name: 'manager_id' })
  managerId!: string;

  @Column('uuid', { name: 'playbook_id' })
  playbookId!: string;

  @Column('integer', { name: 'playbook_version' })
  playbookVersion!: number;

  @Column('text')
  phase!: CyclePhase;

  @Column('text')
  status!: CycleStatus;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('timestamptz', { name: 'started_at', default: () => 'now()' })
  startedAt!: Date;
}
