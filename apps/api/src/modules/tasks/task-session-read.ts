import { TASK_OF_CALLER_SQL } from '@coachflow/read-models';
import type { SessionRead } from '#api/infrastructure/auth/active-session-user';

// What ParseUUIDPipe passes (any version) and Postgres's uuid type takes.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The route's task (`:id`), read with the caller's session: a completion's two reads in one round trip. */
export const TASK_OF_ROUTE: SessionRead = {
  name: 'task-of-route',
  sql: TASK_OF_CALLER_SQL,
  param: 'id',
  accepts: (value) => UUID.test(value),
};
