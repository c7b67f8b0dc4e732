import { rubricFixture } from '@coachflow/testing';
import { checkTaskData } from './check-task-data';
import type { PinnedCycleConfiguration } from './cycle-events';
import { resolveDue } from './resolve-due';

const NOW = '2026-11-23T09:00:00.000Z';
const configuration = {
  playbook: { maxFocusAreas: 2 },
  rubric: {
    body: rubricFixture({ only: ['questions', 'value'] }),
  },
} as unknown as PinnedCycleConfiguration;
const check = (
  kind: Parameters<typeof checkTaskData>[0],
  data: Record<string, unknown>,
  focusAreas?: string[],
) => checkTaskData(kind, data, configuration, { now: NOW, ...(focusAreas ? { focusAreas } : {}) });

describe('checkTaskData', () => {
  it('wants exactly the rubric’s competencies, within the scale, in an assessment', () => {
    expect(check('self-assessment', { ratings: { questions: 3, value: 5 } })).toEqual([]);
    expect(check('self-assessment', { ratings: { questions: 0, other: 3 } })).toEqual([
      { path: '/data/ratings/questions', message: 'must be between 1 and 5' },
      { path: '/data/ratings/other', message: 'is not a competency of the rubric' },
      { path: '/data/ratings/value', message: 'is required' },
    ]);
    expect(
      check('manager-assessment', { ratings: { questions: 3, value: 3 }, kpis: { calls: 'x', wins: 2 } }),
    ).toEqual([
      { path: '/data/kpis/calls', message: 'must be a number' },
      { path: '/data/kpis/wins', message: 'is not a KPI of the rubric' },
    ]);
  });

  it('takes 1..maxFocusAreas distinct competencies, a diagnosis and a style', () => {
    expect(
      check('set-priorities', { focusAreas: ['value'], diagnosis: 'unclear', style: 'supporting' }),
    ).toEqual([]);
    expect(
      check('set-priorities', { focusAreas: [], diagnosis: 'lazy', style: ' ' }).map((error) => error.path),
    ).toEqual(['/data/focusAreas', '/data/diagnosis', '/data/style']);
    expect(
      check('set-priorities', { focusAreas: ['value', 'value'], diagnosis: 'skill', style: 's' }),
    ).toEqual([{ path: '/data/focusAreas', message: 'must not repeat a focus area' }]);
  });

  it('takes commitments due as a future date-time, a date or a positive duration', () => {
    const session = (due: unknown) => check('coaching-session', { commitments: [{ title: 'Calls', due }] });
    expect(session('PT5S')).toEqual([]);
    expect(session('2026-12-01')).toEqual([]);
    expect(session('2026-11-23T10:00:00+01:00')).toEqual([
      { path: '/data/commitments/0/due', message: 'must lie in the future' },
    ]);
    expect(session('PT0S')[0]?.path).toBe('/data/commitments/0/due');
    expect(session('next week')[0]?.path).toBe('/data/commitments/0/due');
    expect(check('coaching-session', { commitments: [] })[0]?.path).toBe('/data/commitments');
  });

  it('refuses a due date the calendar lacks, and any due beyond the horizon', () => {
    const due = (value: unknown) => check('resolve-escalation', { action: 'recommit', due: value });
    expect(due('2099-02-30')).toEqual([
      { path: '/data/due', message: 'names a day the calendar does not have' },
    ]);
    expect(due('2099-02-30T10:00:00Z')[0]?.message).toBe('names a day the calendar does not have');
    expect(due('2028-02-29')).toEqual([]);
    expect(due('P999999Y')).toEqual([{ path: '/data/due', message: 'must be at most 100 years' }]);
    expect(due('2127-01-01')).toEqual([{ path: '/data/due', message: 'must lie within 100 years' }]);
    expect(due('+275760-09-13T00:00:00Z')[0]?.path).toBe('/data/due');
  });

  it('checks the answers of the rep and the escalation’s assignee', () => {
    expect(check('acknowledge-plan', { accepted: 'yes' })[0]?.path).toBe('/data/accepted');
    expect(check('commitment-check-in', { kept: true, targetMet: false })).toEqual([]);
    expect(check('commitment-check-in', {})[0]?.path).toBe('/data/kept');
    expect(check('resolve-escalation', { action: 'drop' })).toEqual([]);
    expect(check('resolve-escalation', { action: 'recommit', due: 'P1D' })).toEqual([]);
    expect(check('resolve-escalation', { action: 'recommit' })).toEqual([
      { path: '/data/due', message: 'is required when recommitting' },
    ]);
    expect(check('resolve-escalation', { action: 'ignore' })[0]?.path).toBe('/data/action');
  });

  it('asks a review to rescore every focus area', () => {
    expect(check('cycle-review', { ratings: { value: 4 } }, ['value'])).toEqual([]);
    expect(check('cycle-review', { ratings: { questions: 4 } }, ['value'])).toEqual([
      { path: '/data/ratings/value', message: 'is a focus area: rescore it' },
    ]);
  });
});

describe('resolveDue', () => {
  it('turns a duration, a date-time or a date into an instant', () => {
    expect(resolveDue('PT5S', NOW)).toBe('2026-11-23T09:00:05.000Z');
    expect(resolveDue('2026-11-24T10:00:00+01:00', NOW)).toBe('2026-11-24T09:00:00.000Z');
    expect(resolveDue('2026-11-24', NOW)).toBe('2026-11-24T23:59:59.999Z');
    expect(resolveDue('2026-11-24T10:00:00', NOW)).toBeNull();
    expect(resolveDue(5, NOW)).toBeNull();
  });
});
