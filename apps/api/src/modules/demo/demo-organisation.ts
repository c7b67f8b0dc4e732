import type { Role } from '@coachflow/contracts';

/** The demo organisation from shared/API.md: who is in it and who reports to whom. */
export const DEMO_PASSWORD = 'coachflow';

export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  /** Email of the person's manager. */
  reportsTo?: string;
}

export const DEMO_ORGANISATION = {
  name: 'Demo',
  admin: { email: 'admin@demo.test', name: 'Avery Admin' },
  // Managers before their reports, so each manager exists when a report is created.
  people: [
    { email: 'lead@demo.test', name: 'Lee Leader', role: 'leader' },
    { email: 'maria@demo.test', name: 'Maria Manager', role: 'manager', reportsTo: 'lead@demo.test' },
    { email: 'ray@demo.test', name: 'Ray Rep', role: 'rep', reportsTo: 'maria@demo.test' },
    { email: 'ana@demo.test', name: 'Ana Rep', role: 'rep', reportsTo: 'maria@demo.test' },
    { email: 'sam@demo.test', name: 'Sam Rep', role: 'rep', reportsTo: 'maria@demo.test' },
  ] satisfies DemoPerson[],
};
