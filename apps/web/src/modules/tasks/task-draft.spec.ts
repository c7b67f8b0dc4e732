import { DRAFT_SAVE_DELAY_MS, draftKeeper, loadDraft } from './task-draft';

describe('draftKeeper', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    sessionStorage.clear();
  });
  afterEach(() => jest.useRealTimers());

  it('writes the draft once typing pauses, the last answers only', () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    const keeper = draftKeeper('t1');
    keeper.save({ note: 'E' });
    keeper.save({ note: 'El' });
    keeper.save({ note: 'Ele' });
    expect(loadDraft('t1')).toBeUndefined();
    jest.advanceTimersByTime(DRAFT_SAVE_DELAY_MS);
    expect(loadDraft('t1')).toEqual({ note: 'Ele' });
    expect(setItem).toHaveBeenCalledTimes(1);
    setItem.mockRestore();
  });

  it('writes what waits at once when flushed (leaving the page or the form)', () => {
    const keeper = draftKeeper('t1');
    keeper.save({ note: 'Eleven calls' });
    keeper.flush();
    expect(loadDraft('t1')).toEqual({ note: 'Eleven calls' });
  });

  it('drops the stored and the waiting draft when cleared (submitted)', () => {
    const keeper = draftKeeper('t1');
    keeper.save({ note: 'first' });
    keeper.flush();
    keeper.save({ note: 'second' });
    keeper.clear();
    jest.advanceTimersByTime(DRAFT_SAVE_DELAY_MS);
    keeper.flush();
    expect(loadDraft('t1')).toBeUndefined();
  });
});
