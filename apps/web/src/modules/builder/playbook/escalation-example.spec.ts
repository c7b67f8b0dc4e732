import { escalationSentence } from '@coachflow/forms';
import { exampleEscalationNames } from './escalation-example';

const person = (id: string, name: string, role: string, managerId: string | null, active = true) => ({
  id,
  name,
  role,
  managerId,
  active,
});

describe('exampleEscalationNames', () => {
  it('names a rep with a manager and a leader above, and an admin', () => {
    const people = [
      person('a', 'Ada', 'admin', null),
      person('l', 'Lee', 'leader', null),
      person('m', 'Maria', 'manager', 'l'),
      person('x', 'Xavier', 'rep', null), // no manager: a poorer example
      person('r', 'Ray', 'rep', 'm'),
    ];
    const names = exampleEscalationNames(people);
    expect(names).toEqual({ rep: 'Ray', manager: 'Maria', leader: 'Lee', admin: 'Ada' });
    expect(escalationSentence(['manager', 'leader'], 'P2D', names)).toBe(
      'If Ray misses a commitment, Maria gets a task; after 2 days unresolved, Lee gets one.',
    );
  });

  it('keeps role words where nobody stands for them, and has no example without a rep', () => {
    const names = exampleEscalationNames([
      person('r', 'Ray', 'rep', null),
      person('g', 'Gone', 'admin', null, false),
    ]);
    expect(names).toEqual({ rep: 'Ray' });
    expect(escalationSentence(['manager'], 'P2D', names)).toBe(
      'If Ray misses a commitment, the rep’s manager gets a task.',
    );
    expect(exampleEscalationNames([person('m', 'Maria', 'manager', null)])).toBeUndefined();
  });
});
