import type { FieldError, TaskKind } from '@coachflow/contracts';
import type { PinnedCycleConfiguration } from './cycle-events';
import { isoDurationProblem, isWithinHorizon, MAX_HORIZON_YEARS } from './iso-duration';
import { isCalendarDate, resolveDue } from './resolve-due';

export interface TaskDataCheckOptions {
  /** The time of the completion: a commitment's `due` must lie after it. */
  now: string;
  /** The cycle's focus areas, once set: a cycle review must rescore each of them. */
  focusAreas?: string[];
}

const DIAGNOSES = ['skill', 'will', 'unclear'];
const RESOLUTIONS = ['recommit', 'drop'];
const MAX_COMMITMENTS = 20;

type Data = Record<string, unknown>;

/**
 * The rules of a task KIND beyond its form's JSON Schema (which a form may extend but not weaken): rating
 * keys are exactly the rubric's competencies and within its scale, 1..maxFocusAreas focus areas that are
 * competencies, commitments due in the future, `due` when recommitting, and so on. Errors point into the
 * request body (`/data/focusAreas`). Pure: the API calls it before sending the update, the workflow's
 * validator calls it again.
 */
export function checkTaskData(
  kind: TaskKind,
  data: Data,
  configuration: PinnedCycleConfiguration,
  options: TaskDataCheckOptions,
): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path: `/data${path}`, message });
  const rubric = configuration.rubric.body;
  const competencyKeys = rubric.competencies.map((competency) => competency.key);

  const checkRatings = (exact: boolean) => {
    const ratings = data['ratings'];
    if (!isRecord(ratings)) return fail('/ratings', 'must be an object of competency ratings');
    for (const [key, value] of Object.entries(ratings)) {
      if (!competencyKeys.includes(key)) fail(`/ratings/${key}`, 'is not a competency of the rubric');
      else if (typeof value !== 'number' || !Number.isFinite(value))
        fail(`/ratings/${key}`, 'must be a number');
      else if (value < rubric.scale.min || value > rubric.scale.max)
        fail(`/ratings/${key}`, `must be between ${rubric.scale.min} and ${rubric.scale.max}`);
    }
    const required = exact ? competencyKeys : (options.focusAreas ?? []);
    for (const key of required)
      if (!(key in ratings)) fail(`/ratings/${key}`, exact ? 'is required' : 'is a focus area: rescore it');
  };

  switch (kind) {
    case 'self-assessment':
      checkRatings(true);
      break;
    case 'manager-assessment': {
      checkRatings(true);
      const kpis = data['kpis'];
      if (kpis === undefined) break;
      if (!isRecord(kpis)) {
        fail('/kpis', 'must be an object of KPI actuals');
        break;
      }
      const kpiKeys = (rubric.kpis ?? []).map((kpi) => kpi.key);
      for (const [key, value] of Object.entries(kpis)) {
        if (!kpiKeys.includes(key)) fail(`/kpis/${key}`, 'is not a KPI of the rubric');
        else if (typeof value !== 'number' || !Number.isFinite(value))
          fail(`/kpis/${key}`, 'must be a number');
      }
      break;
    }
    case 'set-priorities': {
      const focusAreas = data['focusAreas'];
      const max = configuration.playbook.maxFocusAreas;
      if (!Array.isArray(focusAreas) || focusAreas.length < 1 || focusAreas.length > max)
        fail('/focusAreas', `must list 1 to ${max} focus areas`);
      else {
        focusAreas.forEach((key, index) => {
          if (typeof key !== 'string' || !competencyKeys.includes(key))
            fail(`/focusAreas/${index}`, 'is not a competency of the rubric');
        });
        if (new Set(focusAreas).size !== focusAreas.length)
          fail('/focusAreas', 'must not repeat a focus area');
      }
      if (typeof data['diagnosis'] !== 'string' || !DIAGNOSES.includes(data['diagnosis']))
        fail('/diagnosis', 'must be skill, will or unclear');
      if (!isNonEmptyString(data['style'])) fail('/style', 'is required');
      break;
    }
    case 'coaching-session': {
      const commitments = data['commitments'];
      if (!Array.isArray(commitments) || commitments.length < 1 || commitments.length > MAX_COMMITMENTS) {
        fail('/commitments', `must list 1 to ${MAX_COMMITMENTS} commitments`);
        break;
      }
      commitments.forEach((commitment: unknown, index) => {
        if (!isRecord(commitment)) return fail(`/commitments/${index}`, 'must be an object');
        if (!isNonEmptyString(commitment['title'])) fail(`/commitments/${index}/title`, 'is required');
        if (commitment['measure'] !== undefined && typeof commitment['measure'] !== 'string')
          fail(`/commitments/${index}/measure`, 'must be text');
        const dueError = checkDue(commitment['due'], options.now);
        if (dueError) fail(`/commitments/${index}/due`, dueError);
      });
      break;
    }
    case 'acknowledge-plan':
      if (typeof data['accepted'] !== 'boolean') fail('/accepted', 'must be true or false');
      break;
    case 'commitment-check-in':
      if (typeof data['kept'] !== 'boolean') fail('/kept', 'must be true or false');
      if (data['targetMet'] !== undefined && typeof data['targetMet'] !== 'boolean')
        fail('/targetMet', 'must be true or false');
      break;
    case 'resolve-escalation': {
      const action = data['action'];
      if (typeof action !== 'string' || !RESOLUTIONS.includes(action))
        fail('/action', 'must be recommit or drop');
      else if (action === 'recommit') {
        const dueError = checkDue(data['due'], options.now);
        if (dueError) fail('/due', data['due'] === undefined ? 'is required when recommitting' : dueError);
      }
      break;
    }
    case 'cycle-review':
      checkRatings(false);
      break;
    case 'observation':
    case 'follow-up':
      break;
  }
  return errors;
}

function checkDue(due: unknown, now: string): string | null {
  if (typeof due === 'string' && due.startsWith('P')) {
    const problem = isoDurationProblem(due);
    if (problem) return problem;
  } else if (typeof due === 'string' && /^\d{4}-\d{2}-\d{2}/.test(due) && !isCalendarDate(due)) {
    return 'names a day the calendar does not have';
  }
  const dueAt = resolveDue(due, now);
  if (dueAt === null) return 'must be a date-time or a positive ISO 8601 duration';
  if (Date.parse(dueAt) <= Date.parse(now)) return 'must lie in the future';
  if (!isWithinHorizon(dueAt, now)) return `must lie within ${MAX_HORIZON_YEARS} years`;
  return null;
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
