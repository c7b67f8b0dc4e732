import { checkTaskDataSize, MAX_TASK_DATA_BYTES } from './task-data-size';

describe('checkTaskDataSize', () => {
  it('takes data up to the limit and refuses more, counting bytes not characters', () => {
    expect(checkTaskDataSize({ notes: 'x'.repeat(MAX_TASK_DATA_BYTES - 20) })).toEqual([]);
    expect(checkTaskDataSize({ notes: 'é'.repeat(MAX_TASK_DATA_BYTES / 2) })).toEqual([
      { path: '/data', message: 'must be at most 64 KiB as JSON (it is 65 KiB)' },
    ]);
  });
});
