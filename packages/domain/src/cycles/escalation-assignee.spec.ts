import type { ReportingChain } from './cycle-commands';
import { escalationAssignee } from './escalation-assignee';

const chain: ReportingChain = {
  line: [
    { userId: 'manager', role: 'manager' },
    { userId: 'senior', role: 'manager' },
    { userId: 'leader', role: 'leader' },
  ],
  adminId: 'admin',
};

describe('escalationAssignee', () => {
  it('gives the manager level to the cycle’s current manager', () => {
    expect(escalationAssignee('manager', null, 'new-manager', chain)).toBe('new-manager');
  });

  it('gives the leader level to the nearest leader above the previous assignee', () => {
    expect(escalationAssignee('leader', 'manager', 'manager', chain)).toBe('leader');
  });

  it('falls back to the previous assignee’s own manager when no leader is above', () => {
    const noLeader: ReportingChain = { line: chain.line.slice(0, 2), adminId: null };
    expect(escalationAssignee('leader', 'manager', 'manager', noLeader)).toBe('senior');
  });

  it('gives the admin level to an admin of the organisation', () => {
    expect(escalationAssignee('admin', 'leader', 'manager', chain)).toBe('admin');
  });

  it('finds nobody when no one is above, the chain is unknown, or it would be the same person again', () => {
    expect(escalationAssignee('leader', 'leader', 'manager', chain)).toBeNull();
    expect(escalationAssignee('admin', 'leader', 'manager', undefined)).toBeNull();
    expect(escalationAssignee('admin', 'admin', 'manager', chain)).toBeNull();
  });
});
