import type { User } from './types';

/** The person a session spec signs in as (a manager). */
export const signedInUser: User = {
  id: 'u1',
  email: 'maria@demo.test',
  name: 'Maria',
  role: 'manager',
  managerId: null,
  organisationId: 'o1',
  active: true,
};
