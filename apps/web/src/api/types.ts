import type { paths } from './openapi.gen';

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];

/** The JSON a route answers on success (200, else 201), straight from the generated OpenAPI types. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer Ok }
      ? JsonOf<Ok>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;

export type User = ResponseOf<'/api/me', 'get'>;
export type Role = User['role'];
export type Task = ResponseOf<'/api/tasks/{id}', 'get'>;
export type TaskKind = Task['kind'];
export type Cycle = ResponseOf<'/api/cycles/{id}', 'get'>;
export type CycleEvent = ResponseOf<'/api/cycles/{id}/events', 'get'>['items'][number];
export type Notification = ResponseOf<'/api/notifications', 'get'>['items'][number];

/** The `data:` of a message on GET /api/stream (its `event:` says which kind of thing changed). */
export type LiveUpdateData = paths['/api/stream']['get']['responses'][200]['content']['text/event-stream'];
/** What an inbox row shows of a task; a `task` message carries it to the task's assignee. */
export type TaskSummary = NonNullable<LiveUpdateData['task']>;
/** A cached inbox list: the open tasks' summaries (the API sends whole tasks; the inbox reads these). */
export type InboxList = Omit<ResponseOf<'/api/tasks', 'get'>, 'items'> & { items: TaskSummary[] };
