import { act, render, screen } from '@testing-library/react';
import { RelativeTime } from './RelativeTime';

describe('RelativeTime', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(Date.parse('2026-11-26T09:00:00.000Z'));
  });
  afterEach(() => jest.useRealTimers());

  it('keeps counting while the page stays open, past the due time and into minutes', () => {
    render(
      <p data-testid="due">
        <RelativeTime iso="2026-11-26T09:00:03.000Z" />
      </p>,
    );
    expect(screen.getByTestId('due')).toHaveTextContent('in 3 seconds');
    act(() => jest.advanceTimersByTime(5000));
    expect(screen.getByTestId('due')).toHaveTextContent('2 seconds ago');
    act(() => jest.advanceTimersByTime(120_000));
    expect(screen.getByTestId('due')).toHaveTextContent('2 minutes ago');
  });
});
