import type { CycleEvent } from '#web/api/types';
import type { RubricForForms } from '#web/modules/forms';

interface PinnedConfiguration {
  playbook?: {
    id: string;
    version: number;
    name?: string;
    maxFocusAreas?: number;
    timings?: { planLength?: string };
  };
  rubric?: { id: string; version: number; body?: RubricForForms };
}

/** What the cycle was started on (playbook and rubric as pinned), read from its CycleStarted event. */
export function pinnedConfiguration(events: readonly CycleEvent[] | undefined): PinnedConfiguration {
  const started = events?.find((event) => event.type === 'CycleStarted');
  const configuration = started?.data['configuration'];
  return typeof configuration === 'object' && configuration !== null
    ? (configuration as PinnedConfiguration)
    : {};
}
