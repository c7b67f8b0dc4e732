import type { EscalationNames } from '@coachflow/forms';

interface Person {
  id: string;
  name: string;
  role: string;
  managerId: string | null;
  active: boolean;
}

/**
 * Real people to read the escalation chain with: a rep whose manager has a manager of their own (so every
 * level has a name), else the rep with the longest chain above; and an admin. Undefined without a rep.
 */
export function exampleEscalationNames(people: readonly Person[]): EscalationNames | undefined {
  const active = people.filter((person) => person.active);
  const byId = new Map(active.map((person) => [person.id, person]));
  const managerOf = (person: Person | undefined) =>
    person?.managerId ? byId.get(person.managerId) : undefined;
  const reps = active.filter((person) => person.role === 'rep');
  const chainLength = (rep: Person) => (managerOf(rep) ? (managerOf(managerOf(rep)) ? 2 : 1) : 0);
  const rep = [...reps].sort((a, b) => chainLength(b) - chainLength(a))[0];
  if (!rep) return undefined;
  const manager = managerOf(rep);
  const leader = managerOf(manager);
  const admin = active.find((person) => person.role === 'admin');
  return {
    rep: rep.name,
    ...(manager ? { manager: manager.name } : {}),
    ...(leader ? { leader: leader.name } : {}),
    ...(admin ? { admin: admin.name } : {}),
  };
}
