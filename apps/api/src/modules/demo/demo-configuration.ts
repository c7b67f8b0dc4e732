import type { PlaybookBody, RubricBody } from '@coachflow/contracts';

/**
 * The demo's example rubric: behaviours that predict sales success better than raw activity counts, process
 * objectives that move deals, and the numbers a manager looks at beside them.
 */
export const DEMO_RUBRIC: RubricBody = {
  name: 'Behaviours that win deals',
  description: 'What top performers do differently, rated on what the manager observes.',
  scale: {
    min: 1,
    max: 5,
    labels: { '1': 'Rarely', '2': 'Sometimes', '3': 'Often', '4': 'Usually', '5': 'Consistently' },
  },
  competencies: [
    {
      key: 'adaptability',
      name: 'Adaptability',
      description: 'Changes approach when the buyer, the deal or the market changes.',
      weight: 2,
      target: 4,
      indicators: ['Adjusts the plan after new information', 'Tries a different angle when stuck'],
    },
    {
      key: 'creating-value',
      name: 'Creating value in real time',
      description: 'Brings insight the buyer did not have, in the conversation itself.',
      weight: 3,
      target: 4,
      indicators: ['Teaches the buyer something about their business', 'Reframes the problem'],
    },
    {
      key: 'emotional-awareness',
      name: 'Emotional awareness',
      description: 'Reads and responds to how the buyer feels, not only what they say.',
      weight: 2,
      target: 4,
      indicators: ['Notices hesitation and asks about it', 'Matches the buyer’s pace'],
    },
    {
      key: 'building-trust',
      name: 'Building trust',
      description: 'Keeps promises, tells the truth about fit, follows up.',
      weight: 2,
      target: 4,
      indicators: ['Does what was promised, when promised', 'Says no to a bad-fit deal'],
    },
    {
      key: 'right-buyers',
      name: 'Reaching the right buyers',
      description: 'Gets to the people who feel the problem and can decide.',
      weight: 2,
      target: 4,
    },
    {
      key: 'meetings-that-move',
      name: 'Meetings that move the deal',
      description: 'Every meeting ends with a concrete next step the buyer agreed to.',
      weight: 2,
      target: 4,
    },
    {
      key: 'shared-vision',
      name: 'A shared vision of success',
      description: 'Buyer and seller describe the same outcome in the same words.',
      weight: 1,
      target: 3,
    },
    {
      key: 'business-case',
      name: 'A solid business case',
      description: 'The value is quantified with the buyer and holds up with their finance team.',
      weight: 1,
      target: 3,
    },
  ],
  kpis: [
    { key: 'conversations-per-week', name: 'Conversations a week', unit: 'conversations', target: 12 },
    {
      key: 'conversations-to-action',
      name: 'Share of conversations that lead the buyer to act',
      unit: '%',
      target: 40,
    },
    { key: 'pipeline-coverage', name: 'Pipeline coverage', unit: '× quota', target: 3 },
  ],
};

/** The demo playbook: a 30-day coaching plan on DEMO_RUBRIC with the organisation's default forms. */
export const demoPlaybook = (rubricId: string): PlaybookBody => ({
  name: '30-day coaching plan',
  description:
    'Assess, pick two behaviours, coach, follow up weekly for 30 days, escalate missed commitments.',
  rubricId,
  timings: {
    prioritiseDue: 'P7D',
    sessionDue: 'P7D',
    planLength: 'P30D',
    followUpEvery: 'P7D',
    checkInGrace: 'P2D',
    escalateAfter: 'P3D',
  },
  escalation: { levels: ['manager', 'leader'] },
  maxFocusAreas: 2,
  observation: false,
  autoRenew: false,
});

/**
 * The living demo's playbook: the same cycle with minutes instead of days, so the demo cycles move while
 * someone looks (a commitment falls due, a check-in is missed, an escalation climbs). Named so nobody
 * mistakes it for a real plan.
 */
export const demoMinutesPlaybook = (rubricId: string): PlaybookBody => ({
  name: 'DEMO ONLY: coaching cycle in minutes',
  description:
    'Timings in minutes so the demo moves while you watch: check-ins are missed three minutes after a ' +
    'commitment falls due, and an unresolved escalation climbs to the leader after ten. Not for real coaching.',
  rubricId,
  timings: {
    prioritiseDue: 'PT30M',
    sessionDue: 'PT30M',
    planLength: 'PT2H',
    followUpEvery: 'PT30M',
    checkInGrace: 'PT3M',
    escalateAfter: 'PT10M',
  },
  escalation: { levels: ['manager', 'leader'] },
  maxFocusAreas: 2,
  observation: false,
  autoRenew: false,
});
