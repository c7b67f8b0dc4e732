import type { FieldError, FormBody, PlaybookBody, RubricBody, TaskKind } from '@coachflow/contracts';
import { checkFormFitsTask } from './check-form-fits-task';
import { isoDurationProblem } from '@coachflow/domain';

/** What a playbook refers to, as far as it could be found (the caller reports what could not). */
export interface PlaybookReferences {
  rubric?: RubricBody;
  /** The forms the playbook names, by task kind. */
  forms: Partial<Record<TaskKind, FormBody>>;
}

/**
 * The rules of a playbook beyond its JSON shape: every duration parses, is longer than zero and
 * at most MAX_HORIZON_YEARS, the
 * number of focus areas fits the rubric, each form fits the task kind it is named for, and an escalation
 * level is not repeated. Paths are JSON pointers into the playbook body.
 */
export function validatePlaybook(playbook: PlaybookBody, references: PlaybookReferences): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(playbook.timings)) {
    if (value === undefined) continue;
    const problem = isoDurationProblem(value);
    if (problem) errors.push({ path: `/timings/${name}`, message: problem });
  }
  const levels = playbook.escalation.levels;
  levels.forEach((level, index) => {
    if (levels.indexOf(level) !== index)
      errors.push({ path: `/escalation/levels/${index}`, message: `"${level}" is named twice` });
  });
  const { rubric } = references;
  if (rubric && playbook.maxFocusAreas > rubric.competencies.length) {
    errors.push({
      path: '/maxFocusAreas',
      message: `must be between 1 and the rubric's ${rubric.competencies.length} competencies`,
    });
  }
  if (rubric) {
    for (const [kind, form] of Object.entries(references.forms) as [TaskKind, FormBody | undefined][]) {
      if (form) errors.push(...checkFormFitsTask(kind, form, rubric, `/forms/${kind}`));
    }
  }
  return errors;
}
