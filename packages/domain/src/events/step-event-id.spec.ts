import { stepEventId } from './step-event-id';

describe('stepEventId', () => {
  it('is stable for one process and step and distinct across steps', () => {
    expect(stepEventId('wf-1', 'started')).toBe(stepEventId('wf-1', 'started'));
    expect(stepEventId('wf-1', 'started')).not.toBe(stepEventId('wf-1', 'review'));
    expect(stepEventId('wf-1', 'started')).not.toBe(stepEventId('wf-2', 'started'));
  });

  it('refuses an empty process id or step, which would collide across processes', () => {
    expect(() => stepEventId('', 'started')).toThrow();
    expect(() => stepEventId('wf-1', '')).toThrow();
  });
});
