import { useMemo } from 'react';
import type { CycleEvent } from '#web/api/types';
import { nameOf, useUsers } from '#web/modules/people/useUsers';
import { pinnedConfiguration } from './cycle-configuration';
import { type EventWords, commitmentTitles } from './describe-event';

/** The names a cycle's events are told with: people, competencies, commitments. */
export function useEventWords(events: readonly CycleEvent[] | undefined): EventWords {
  const { byId } = useUsers();
  return useMemo(() => {
    const titles = commitmentTitles(events ?? []);
    const competencies = pinnedConfiguration(events).rubric?.body?.competencies ?? [];
    return {
      name: (id) => nameOf(byId, typeof id === 'string' ? id : null),
      competency: (key) => competencies.find((competency) => competency.key === key)?.name ?? key,
      commitment: (id) => titles.get(String(id)) ?? 'a commitment',
    };
  }, [events, byId]);
}
