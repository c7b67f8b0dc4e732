import { type Static, Type } from '@sinclair/typebox';
import { oneOf, ShortText, Uuid } from './identifiers';
import { TASK_KINDS, type TaskKind } from './task-kinds';

/** An ISO 8601 duration as the API takes it (`P30D`, `PT5S`); that it parses and is positive is checked in code. */
export const IsoDuration = Type.String({ minLength: 2, maxLength: 40, pattern: '^P' });

/**
 * Who an escalation level goes to, walking up the rep's reporting line: `manager` is the rep's manager,
 * `leader` the nearest leader above the previous level, `admin` an admin of the organisation.
 */
export const ESCALATION_LEVELS = ['manager', 'leader', 'admin'] as const;
export type EscalationLevelRole = (typeof ESCALATION_LEVELS)[number];

/** A form as admins design it (shared/API.md, "Form body"). */
export const FormBody = Type.Object(
  {
    name: ShortText(),
    taskKind: Type.Optional(oneOf(TASK_KINDS)),
    schema: Type.Record(Type.String(), Type.Unknown()),
    uiSchema: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export type FormBody = Static<typeof FormBody>;

export const PlaybookTimings = Type.Object(
  {
    /** From the cycle's start: when both assessments and the priorities are due. */
    prioritiseDue: IsoDuration,
    /** From the priorities: when the observation, the coaching session and the acknowledgement are due. */
    sessionDue: IsoDuration,
    /** From the acknowledged plan: when the cycle review opens. */
    planLength: IsoDuration,
    /** Optional: the manager gets a `follow-up` task this often while the plan runs. */
    followUpEvery: Type.Optional(IsoDuration),
    /** From a commitment's due time: how long the rep has to check in before it counts as missed. */
    checkInGrace: IsoDuration,
    /** How long an escalation may sit unresolved before it climbs to the next level. */
    escalateAfter: IsoDuration,
  },
  { additionalProperties: false },
);
export type PlaybookTimings = Static<typeof PlaybookTimings>;

// A Record keyed by an enum would compile to an empty `properties` (any key, any value): spell the kinds out.
const PlaybookForms = Type.Unsafe<Partial<Record<TaskKind, string>>>(
  Type.Object(Object.fromEntries(TASK_KINDS.map((kind) => [kind, Type.Optional(Uuid)])), {
    additionalProperties: false,
  }),
);

/** A playbook (cycle template) as admins design it (shared/API.md, "Playbook body"). */
export const PlaybookBody = Type.Object(
  {
    name: ShortText(),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    rubricId: Uuid,
    /** Task kind to form id; a kind not named uses the organisation's default form for it. */
    forms: Type.Optional(PlaybookForms),
    timings: PlaybookTimings,
    escalation: Type.Object(
      { levels: Type.Array(oneOf(ESCALATION_LEVELS), { minItems: 1, maxItems: 10 }) },
      { additionalProperties: false },
    ),
    maxFocusAreas: Type.Integer({ minimum: 1, maximum: 50 }),
    observation: Type.Boolean(),
    autoRenew: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PlaybookBody = Static<typeof PlaybookBody>;
