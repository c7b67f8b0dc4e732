/**
 * How long before its deadline a far deadline's last timer starts (patch deadline-last-step): over
 * MIN_TIMER_MS, with room for the wake-up that starts it to come a little late. Kept apart from the
 * alarm, which imports the workflow API, so the bench's bare waits can take the same last step.
 */
export const LAST_STEP_MS = 1_500;
