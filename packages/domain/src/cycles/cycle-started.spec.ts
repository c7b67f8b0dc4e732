import { cycleStarted } from './cycle-started';
import { cycleStreamId } from './cycle-stream-id';

const data = {
  cycleId: '6f1c2c64-2d7d-4c43-9d0f-8f1c9c6a0b11',
  organisationId: 'e3c0a8f0-1111-4c43-9d0f-8f1c9c6a0b11',
  repId: 'a1c0a8f0-2222-4c43-9d0f-8f1c9c6a0b11',
  managerId: 'b1c0a8f0-3333-4c43-9d0f-8f1c9c6a0b11',
  playbook: { id: 'c1c0a8f0-4444-4c43-9d0f-8f1c9c6a0b11', version: 3 },
  startedAt: '2026-11-23T09:00:00.000Z',
};

describe('cycleStarted', () => {
  it('records the cycle as given, with the time the caller passed in', () => {
    const event = cycleStarted(data);
    expect(event.type).toBe('CycleStarted');
    expect(event.data).toEqual(data);
  });

  it('gives the same event id every time, so a retried write is recognised as a repeat', () => {
    expect(cycleStarted(data).id).toBe(cycleStarted({ ...data }).id);
    expect(cycleStarted(data).id).not.toBe(cycleStarted({ ...data, cycleId: data.repId }).id);
  });
});

describe('cycleStreamId', () => {
  it('names one stream per cycle', () => {
    expect(cycleStreamId(data.cycleId)).toBe(`cycle-${data.cycleId}`);
  });
});
