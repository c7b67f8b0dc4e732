import { TASK_KINDS } from '@coachflow/contracts';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';
import { optionalOneOf, optionalString, optionalTrue } from '#web/app/search-params';
import type { TaskKind } from '#web/api/types';

/** The inbox's filters, all in the URL so every view can be shared and the back button restores it. */
export interface InboxSearch {
  kind?: TaskKind;
  /** Tasks about this rep only. */
  rep?: string;
  overdue?: true;
  /** Someone else's inbox (a manager looking at a report's tasks). */
  assignee?: string;
}

export const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): InboxSearch => ({
    kind: optionalOneOf(search['kind'], TASK_KINDS),
    rep: optionalString(search['rep']),
    overdue: optionalTrue(search['overdue']),
    assignee: optionalString(search['assignee']),
  }),
  component: lazyRouteComponent(() => import('./InboxPage'), 'InboxPage'),
});
