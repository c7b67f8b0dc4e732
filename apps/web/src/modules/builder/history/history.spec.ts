import { HISTORY_LIMIT, recordEdit, redo, startHistory, undo } from './history';

describe('builder history', () => {
  it('undoes and redoes more than 100 steps', () => {
    let history = startHistory(0);
    for (let step = 1; step <= 150; step++) history = recordEdit(history, step);
    for (let step = 0; step < 150; step++) history = undo(history);
    expect(history.present).toBe(0);
    for (let step = 0; step < 150; step++) history = redo(history);
    expect(history.present).toBe(150);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let history = startHistory(0);
    for (let step = 1; step <= HISTORY_LIMIT + 10; step++) history = recordEdit(history, step);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('merges typing into one input, but not edits of different inputs', () => {
    let history = startHistory('');
    history = recordEdit(history, 'a', 'label', 1000);
    history = recordEdit(history, 'ab', 'label', 1100);
    history = recordEdit(history, 'abc', 'label', 1200);
    history = recordEdit(history, 'abc!', 'help', 1300);
    expect(undo(history).present).toBe('abc');
    expect(undo(undo(history)).present).toBe('');
  });

  it('forgets the redo branch after a new edit', () => {
    const history = recordEdit(undo(recordEdit(startHistory(1), 2)), 3);
    expect(history.future).toEqual([]);
    expect(undo(history).present).toBe(1);
  });
});
