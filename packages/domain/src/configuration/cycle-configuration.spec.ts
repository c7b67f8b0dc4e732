import type { PlaybookBody } from '@coachflow/contracts';
import { cycleFormIds, pinnedPlaybook } from './cycle-configuration';

const body: PlaybookBody = {
  name: 'P',
  rubricId: 'r',
  forms: { 'self-assessment': 'custom-self' },
  timings: {
    prioritiseDue: 'P1D',
    sessionDue: 'P1D',
    planLength: 'P30D',
    checkInGrace: 'P1D',
    escalateAfter: 'P1D',
  },
  escalation: { levels: ['manager', 'leader'] },
  maxFocusAreas: 2,
  observation: true,
  autoRenew: false,
};

describe('cycle configuration', () => {
  it('uses the playbook’s form where it names one and the default form elsewhere', () => {
    const ids = cycleFormIds(body.forms, (kind) => `default-${kind}`);
    expect(ids['self-assessment']).toBe('custom-self');
    expect(ids['manager-assessment']).toBe('default-manager-assessment');
    expect(ids['follow-up']).toBe('default-follow-up');
  });

  it('pins the playbook’s settings with its version', () => {
    expect(pinnedPlaybook('p1', 3, body)).toEqual({
      id: 'p1',
      version: 3,
      name: 'P',
      timings: body.timings,
      escalationLevels: ['manager', 'leader'],
      maxFocusAreas: 2,
      observation: true,
      autoRenew: false,
    });
  });
});
