import type { RubricBody } from '@coachflow/contracts';

/** A small valid rubric for specs. */
export const rubric: RubricBody = {
  name: 'Core selling behaviours',
  scale: { min: 1, max: 5, labels: { '1': 'Rarely', '5': 'Consistently' } },
  competencies: [
    { key: 'adaptability', name: 'Adaptability', weight: 2, target: 4 },
    { key: 'building-trust', name: 'Building trust', description: 'Keeps promises', weight: 1, target: 4 },
  ],
  kpis: [{ key: 'conversations', name: 'Conversations a week', target: 12 }],
};
