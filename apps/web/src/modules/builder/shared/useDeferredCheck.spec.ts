import { act, renderHook } from '@testing-library/react';
import { useDeferredCheck } from './useDeferredCheck';

const DELAY_MS = 150;
// Values that differ only in case have the same answer, as a moved field's form has its form's.
const sameUpToCase = (checked: string, value: string) => checked.toLowerCase() === value.toLowerCase();

describe('useDeferredCheck', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('checks a value a moment after its last change, and not a value with the same answer', async () => {
    const check = jest.fn((value: string) => `checked ${value}`);
    const { result, rerender } = renderHook(
      ({ value }) => useDeferredCheck(value, check, DELAY_MS, sameUpToCase),
      { initialProps: { value: 'a' } },
    );
    expect(result.current).toEqual({ result: undefined, current: false });
    await act(async () => jest.advanceTimersByTimeAsync(DELAY_MS));
    expect(check.mock.calls).toEqual([['a']]);
    expect(result.current).toEqual({ result: 'checked a', current: true });

    rerender({ value: 'A' });
    expect(result.current).toEqual({ result: 'checked a', current: true });
    await act(async () => jest.advanceTimersByTimeAsync(DELAY_MS * 2));
    expect(check).toHaveBeenCalledTimes(1);

    rerender({ value: 'b' });
    expect(result.current.current).toBe(false);
    rerender({ value: 'bc' });
    await act(async () => jest.advanceTimersByTimeAsync(DELAY_MS));
    expect(check.mock.calls).toEqual([['a'], ['bc']]);
    expect(result.current).toEqual({ result: 'checked bc', current: true });
  });
});
