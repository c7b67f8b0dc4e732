import type { AppendScenarioResult } from './append.bench';

/** Where ours must land under concurrency: close to the raw floor, clearly ahead of Emmett. */
export const APPEND_TARGETS = { writers: 16, minToRawPg: 0.6, minToEmmett: 1.3 } as const;

export interface AppendTargetCheck {
  writers: number;
  eventsPerAppend: number;
  coachflowToRawPg: number;
  meetsRawPg: boolean;
  coachflowToEmmett: number;
  meetsEmmett: boolean;
}

/** Checks each scenario with APPEND_TARGETS.writers writers against the throughput targets (report only). */
export function checkAppendTargets(results: readonly AppendScenarioResult[]): AppendTargetCheck[] {
  return results
    .filter(({ scenario }) => scenario.writers === APPEND_TARGETS.writers)
    .map(({ scenario, ratios }) => ({
      writers: scenario.writers,
      eventsPerAppend: scenario.eventsPerAppend,
      coachflowToRawPg: ratios.coachflowToRawPg,
      meetsRawPg: ratios.coachflowToRawPg >= APPEND_TARGETS.minToRawPg,
      coachflowToEmmett: ratios.coachflowToEmmett,
      meetsEmmett: ratios.coachflowToEmmett >= APPEND_TARGETS.minToEmmett,
    }));
}
