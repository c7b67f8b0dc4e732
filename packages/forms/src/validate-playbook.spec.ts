import type { PlaybookBody } from '@coachflow/contracts';
import { defaultTaskFormSchema } from './default-task-form-schema';
import { rubric } from './forms.fixtures';
import { validatePlaybook } from './validate-playbook';

const playbook: PlaybookBody = {
  name: 'Thirty days',
  rubricId: '00000000-0000-4000-8000-000000000001',
  timings: {
    prioritiseDue: 'P7D',
    sessionDue: 'P7D',
    planLength: 'P30D',
    checkInGrace: 'P2D',
    escalateAfter: 'PT5S',
  },
  escalation: { levels: ['manager', 'leader'] },
  maxFocusAreas: 2,
  observation: false,
  autoRenew: false,
};

describe('validatePlaybook', () => {
  it('accepts a playbook that fits its rubric and forms', () => {
    const form = {
      name: 'Self',
      taskKind: 'self-assessment' as const,
      schema: defaultTaskFormSchema('self-assessment'),
    };
    expect(validatePlaybook(playbook, { rubric, forms: { 'self-assessment': form } })).toEqual([]);
  });

  it('names every duration that does not parse or is not positive', () => {
    const timings = { ...playbook.timings, planLength: 'P30', checkInGrace: 'PT0S', followUpEvery: 'P1W' };
    expect(validatePlaybook({ ...playbook, timings }, { rubric, forms: {} })).toEqual([
      { path: '/timings/planLength', message: 'must be an ISO 8601 duration such as P7D or PT5S' },
      { path: '/timings/checkInGrace', message: 'must be longer than zero' },
    ]);
  });

  it('keeps maxFocusAreas within the rubric and escalation levels unique', () => {
    const errors = validatePlaybook(
      { ...playbook, maxFocusAreas: 3, escalation: { levels: ['manager', 'manager'] } },
      { rubric, forms: {} },
    );
    expect(errors.map((error) => error.path)).toEqual(['/escalation/levels/1', '/maxFocusAreas']);
  });

  it('refuses a form of another kind, one that drops a core field and one rating unknown competencies', () => {
    const checkIn = {
      name: 'Check-in',
      taskKind: 'commitment-check-in' as const,
      schema: defaultTaskFormSchema('commitment-check-in'),
    };
    const handRated = {
      name: 'Hand rated',
      schema: {
        type: 'object',
        properties: { ratings: { type: 'object', properties: { closing: { type: 'integer' } } } },
        required: ['ratings'],
      },
    };
    const errors = validatePlaybook(playbook, {
      rubric,
      forms: { 'self-assessment': checkIn, 'manager-assessment': handRated, 'acknowledge-plan': handRated },
    });
    expect(errors).toEqual([
      {
        path: '/forms/self-assessment',
        message: 'form "Check-in": is a commitment-check-in form, not a self-assessment form',
      },
      {
        path: '/forms/manager-assessment',
        message:
          'form "Hand rated": /schema/properties/ratings/properties/closing "closing" is not a competency of the rubric',
      },
      {
        path: '/forms/acknowledge-plan',
        message:
          'form "Hand rated": /schema/properties/accepted a acknowledge-plan form must keep the core field "accepted"',
      },
      {
        path: '/forms/acknowledge-plan',
        message:
          'form "Hand rated": /schema/required must include "accepted" (core field of acknowledge-plan)',
      },
    ]);
  });

  it('checks uiSchema hints of rating fields against the rubric', () => {
    const form = {
      name: 'Self',
      schema: defaultTaskFormSchema('self-assessment'),
      uiSchema: { ratings: { adaptability: { 'ui:widget': 'radio' }, closing: {} } },
    };
    expect(validatePlaybook(playbook, { rubric, forms: { 'self-assessment': form } })).toEqual([
      {
        path: '/forms/self-assessment',
        message: 'form "Self": /uiSchema/ratings/closing names no field of the schema',
      },
    ]);
  });
});
