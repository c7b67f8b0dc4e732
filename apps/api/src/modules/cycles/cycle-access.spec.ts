import type { AuthenticatedUser } from '#api/modules/people/auth/authenticated-user';
import { canRunCycleFor, canSeeCycle } from './cycle-access';

const user = (id: string, role: AuthenticatedUser['role']): AuthenticatedUser => ({
  id,
  role,
  organisationId: 'o',
  managerId: null,
});
const cycle = { repId: 'rep', managerId: 'maria' };

describe('cycle access', () => {
  it('lets the rep’s own manager, admins and leaders start a cycle', () => {
    expect(canRunCycleFor(user('maria', 'manager'), { managerId: 'maria' })).toBe(true);
    expect(canRunCycleFor(user('admin', 'admin'), { managerId: 'maria' })).toBe(true);
    expect(canRunCycleFor(user('lead', 'leader'), { managerId: 'maria' })).toBe(true);
  });

  it('refuses another manager and any rep', () => {
    expect(canRunCycleFor(user('other', 'manager'), { managerId: 'maria' })).toBe(false);
    expect(canRunCycleFor(user('rep', 'rep'), { managerId: 'maria' })).toBe(false);
  });

  it('shows a cycle to its rep and manager but not to a colleague', () => {
    expect(canSeeCycle(user('rep', 'rep'), cycle)).toBe(true);
    expect(canSeeCycle(user('maria', 'manager'), cycle)).toBe(true);
    expect(canSeeCycle(user('ana', 'rep'), cycle)).toBe(false);
    expect(canSeeCycle(user('other', 'manager'), cycle)).toBe(false);
  });
});
