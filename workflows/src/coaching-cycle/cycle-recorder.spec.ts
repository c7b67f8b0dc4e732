import { decideCycle, initialCycleState } from '@coachflow/domain';
import { rubricFixture } from '@coachflow/testing';
import { ChainAhead } from './chain-ahead';
import { CycleRecorder } from './cycle-recorder';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** A cycle just started at T0, its two assessments due 100 s later. */
function startedCycle() {
  let ids = 0;
  return decideCycle(
    {
      type: 'StartCycle',
      data: {
        cycleId: 'cycle-1',
        organisationId: 'org-1',
        repId: 'rep-1',
        managerId: 'manager-1',
        configuration: {
          playbook: {
            id: 'playbook-1',
            version: 1,
            name: 'Discovery',
            timings: {
              prioritiseDue: 'PT100S',
              sessionDue: 'PT100S',
              planLength: 'PT100S',
              checkInGrace: 'PT10S',
              escalateAfter: 'PT20S',
            },
            escalationLevels: ['manager'],
            maxFocusAreas: 2,
            observation: false,
            autoRenew: false,
          },
          rubric: { id: 'rubric-1', version: 1, body: rubricFixture() },
          forms: {},
        },
      },
    },
    initialCycleState(),
    { now: at(0), newId: () => `id-${++ids}` },
  ).state;
}

describe('CycleRecorder.tickIfDecides (patch quiet-tick)', () => {
  it('returns null at once for a Tick that decides nothing, recording nothing', () => {
    const recorder = new CycleRecorder('cycle-1', startedCycle(), new ChainAhead());
    const execute = jest.spyOn(recorder, 'execute');
    expect(recorder.tickIfDecides(at(50))).toBeNull();
    expect(execute).not.toHaveBeenCalled();
  });

  it('hands a Tick that decides events (both assessments overdue) to execute, which records them', () => {
    const recorder = new CycleRecorder('cycle-1', startedCycle(), new ChainAhead());
    const recorded = Promise.resolve(null);
    const execute = jest.spyOn(recorder, 'execute').mockReturnValue(recorded);
    expect(recorder.tickIfDecides(at(100))).toBe(recorded);
    expect(execute).toHaveBeenCalledWith({ type: 'Tick', data: { now: at(100) } });
  });
});
