import { queryKeys } from '#web/api/query-keys';
import { queriesToInvalidate } from './live-message';

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
