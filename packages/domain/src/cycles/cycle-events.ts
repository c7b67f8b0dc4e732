import type { DomainEvent } from '../events';

export interface PinnedVersion {
  id: string;
  version: number;
}

export interface CycleStartedData {
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbook: PinnedVersion;
  startedAt: string;
}

export type CycleStarted = DomainEvent<'CycleStarted', CycleStartedData>;

/** Every event a cycle stream can hold; grows with the cycle workflow. */
export type CycleEvent = CycleStarted;
