import { eventName } from './event-name';

describe('eventName', () => {
  it('spells an event type as words, capitalised once', () => {
    expect(eventName('EscalationRaised')).toBe('Escalation raised');
    expect(eventName('WebhookTest')).toBe('Webhook test');
    expect(eventName('TaskOpened')).toBe('Task opened');
    expect(eventName('Unknown')).toBe('Unknown');
  });
});
