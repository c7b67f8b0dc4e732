import { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '#web/api/query-keys';
import type { InboxList, TaskSummary } from '#web/api/types';
import { applyToInboxes, inboxAfter, queriesToInvalidate } from './live-message';

const ME = '00000000-0000-4000-8000-000000000001';
const REPORT = '00000000-0000-4000-8000-000000000002';

const task = (id: string, change: Partial<TaskSummary> = {}): TaskSummary => ({
  id,
  cycleId: 'c1',
  repId: REPORT,
  kind: 'commitment-check-in',
  assigneeId: ME,
  dueAt: '2026-11-27T09:00:00.000Z',
  status: 'open',
  openedAt: '2026-11-26T09:00:00.000Z',
  ...change,
});
const list = (...items: TaskSummary[]): InboxList => ({ items, nextCursor: null });
const taskMessage = (summary: TaskSummary | undefined, type = 'TaskOpened') => ({
  event: 'task',
  data: JSON.stringify({ type, cycleId: 'c1', taskId: 't9', ...(summary ? { task: summary } : {}) }),
});

describe('queriesToInvalidate', () => {
  it('refreshes task lists, the team and the cycle a task event names', () => {
    const keys = queriesToInvalidate({ event: 'task', data: '{"type":"TaskOpened","cycleId":"c1"}' });
    expect(keys).toEqual([
      queryKeys.tasks.all,
      queryKeys.team.all,
      queryKeys.cycles.one('c1'),
      queryKeys.cycles.events('c1'),
    ]);
  });

  it('refreshes only notifications for a notification event', () => {
    expect(queriesToInvalidate({ event: 'notification', data: '{}' })).toEqual([queryKeys.notifications.all]);
  });

  it('ignores events it does not know and data that is not JSON', () => {
    expect(queriesToInvalidate({ event: 'other', data: '{}' })).toEqual([]);
    expect(queriesToInvalidate({ event: 'task', data: 'not json' })).toEqual([
      queryKeys.tasks.all,
      queryKeys.team.all,
    ]);
  });
});

describe('inboxAfter', () => {
  it('adds an open task of the user, and updates one it already holds in place', () => {
    const before = list(task('t1'), task('t2'));
    expect(inboxAfter(before, ME, task('t3')).items.map((item) => item.id)).toEqual(['t1', 't2', 't3']);
    const moved = inboxAfter(before, ME, task('t1', { dueAt: '2026-12-01T09:00:00.000Z' }));
    expect(moved.items.map((item) => [item.id, item.dueAt])).toEqual([
      ['t1', '2026-12-01T09:00:00.000Z'],
      ['t2', '2026-11-27T09:00:00.000Z'],
    ]);
  });

  it('removes a task that is completed, closed or now someone else’s', () => {
    const before = list(task('t1'), task('t2'));
    expect(inboxAfter(before, ME, task('t1', { status: 'completed' })).items).toEqual([task('t2')]);
    expect(inboxAfter(before, ME, task('t2', { status: 'closed' })).items).toEqual([task('t1')]);
    expect(inboxAfter(before, ME, task('t1', { assigneeId: REPORT })).items).toEqual([task('t2')]);
  });

  it('returns the same list when the message changes nothing in it', () => {
    const before = list(task('t1'));
    expect(inboxAfter(before, ME, task('t9', { status: 'completed' }))).toBe(before);
  });
});

describe('applyToInboxes', () => {
  const cacheWith = () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.tasks.list({ status: 'open' }), list(task('t1')));
    queryClient.setQueryData(queryKeys.tasks.list({ status: 'open', assignee: ME }), list(task('t1')));
    queryClient.setQueryData(queryKeys.tasks.list({ status: 'open', assignee: REPORT }), list());
    queryClient.setQueryData(queryKeys.tasks.list({ status: 'open', cycleId: 'c1' }), list());
    return queryClient;
  };
  const ids = (queryClient: QueryClient, filter: Parameters<typeof queryKeys.tasks.list>[0]) =>
    queryClient.getQueryData<InboxList>(queryKeys.tasks.list(filter))?.items.map((item) => item.id);

  it("writes the message's task into the user's own open inboxes only", () => {
    const queryClient = cacheWith();
    applyToInboxes(queryClient, taskMessage(task('t9')), ME);
    expect(ids(queryClient, { status: 'open' })).toEqual(['t1', 't9']);
    expect(ids(queryClient, { status: 'open', assignee: ME })).toEqual(['t1', 't9']);
    expect(ids(queryClient, { status: 'open', assignee: REPORT })).toEqual([]);
    expect(ids(queryClient, { status: 'open', cycleId: 'c1' })).toEqual([]);
  });

  it('takes a completed task out, and creates no inbox that was not cached', () => {
    const queryClient = cacheWith();
    applyToInboxes(queryClient, taskMessage(task('t1', { status: 'completed' }), 'TaskCompleted'), ME);
    expect(ids(queryClient, { status: 'open' })).toEqual([]);
    const empty = new QueryClient();
    applyToInboxes(empty, taskMessage(task('t9')), ME);
    expect(empty.getQueryData(queryKeys.tasks.list({ status: 'open' }))).toBeUndefined();
  });

  it('leaves the cache alone for a message without a task, another kind, or data that is not JSON', () => {
    const queryClient = cacheWith();
    const before = queryClient.getQueryData(queryKeys.tasks.list({ status: 'open' }));
    applyToInboxes(queryClient, taskMessage(undefined, 'TaskReassigned'), ME);
    applyToInboxes(
      queryClient,
      { event: 'notification', data: JSON.stringify({ type: 'x', task: task('t9') }) },
      ME,
    );
    applyToInboxes(queryClient, { event: 'task', data: 'not json' }, ME);
    expect(queryClient.getQueryData(queryKeys.tasks.list({ status: 'open' }))).toBe(before);
  });
});
