import type { TaskKind } from '@coachflow/contracts';

/** One task of a demo cycle, completed by `by` (an email) with `data`. */
export interface DemoStep {
  by: string;
  kind: TaskKind;
  data: Record<string, unknown>;
}

/** A cycle the demo starts for `rep` (run by their manager) and plays forward through `steps`. */
export interface DemoCycle {
  rep: string;
  steps: DemoStep[];
}

/** Who starts the demo cycles and does the manager's tasks in them. */
export const DEMO_MANAGER = 'maria@demo.test';

const ratings = (values: number[]) =>
  Object.fromEntries(
    [
      'adaptability',
      'creating-value',
      'emotional-awareness',
      'building-trust',
      'right-buyers',
      'meetings-that-move',
      'shared-vision',
      'business-case',
    ].map((key, index) => [key, values[index % values.length]]),
  );

/** Assessments, priorities, a coaching session with `commitments`, and the rep's acknowledgement. */
const planAgreed = (
  rep: string,
  commitments: { title: string; measure: string; due: string }[],
): DemoStep[] => [
  { by: rep, kind: 'self-assessment', data: { ratings: ratings([4, 4, 3, 4]) } },
  { by: DEMO_MANAGER, kind: 'manager-assessment', data: { ratings: ratings([3, 2, 3, 4, 2]) } },
  {
    by: DEMO_MANAGER,
    kind: 'set-priorities',
    data: { focusAreas: ['creating-value', 'right-buyers'], diagnosis: 'skill', style: 'coaching' },
  },
  { by: DEMO_MANAGER, kind: 'coaching-session', data: { commitments } },
  { by: rep, kind: 'acknowledge-plan', data: { accepted: true } },
];

/**
 * The living demo, on the minutes-long demo playbook: Ray waits for his assessments (the cycle to run in
 * the browser), Ana is in the improve phase with a commitment falling due five minutes after start, and
 * Sam did not keep his first commitment, so his manager has an open escalation within seconds (which climbs
 * to her leader after ten minutes if nobody resolves it).
 */
export const DEMO_CYCLES: readonly DemoCycle[] = [
  { rep: 'ray@demo.test', steps: [] },
  {
    rep: 'ana@demo.test',
    steps: planAgreed('ana@demo.test', [
      {
        title: 'Open every discovery call with an insight about the buyer’s market',
        measure: '8 of 10 discovery calls',
        due: 'PT5M',
      },
      { title: 'Send a written recap within a day of every meeting', measure: 'every meeting', due: 'PT45M' },
    ]),
  },
  {
    rep: 'sam@demo.test',
    steps: [
      ...planAgreed('sam@demo.test', [
        { title: 'Ask who else decides in the first meeting', measure: 'every first meeting', due: 'PT10S' },
      ]),
      { by: 'sam@demo.test', kind: 'commitment-check-in', data: { kept: false } },
    ],
  },
];
