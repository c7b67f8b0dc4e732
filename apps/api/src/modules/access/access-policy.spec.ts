import { ROLES } from '@coachflow/contracts';
import { type Action, permits, permitsAny, POLICY } from './access-policy';
import type { ReportingRelation } from './reporting-relation';

const RELATIONS: ReportingRelation[] = ['self', 'direct-report', 'indirect-report', 'above', 'unrelated'];

describe('access policy', () => {
  it('lets a rep read and work only their own cycle, and read their own profile and managers', () => {
    expect(RELATIONS.filter((relation) => permits('rep', 'cycle:read', relation))).toEqual(['self']);
    expect(RELATIONS.filter((relation) => permits('rep', 'user:read', relation))).toEqual(['self', 'above']);
    expect(permitsAny('rep', 'cycle:run')).toBe(false);
  });

  it('lets a manager run and read cycles of direct reports only', () => {
    expect(permits('manager', 'cycle:run', 'direct-report')).toBe(true);
    expect(permits('manager', 'cycle:run', 'indirect-report')).toBe(false);
    expect(permits('manager', 'cycle:read', 'unrelated')).toBe(false);
  });

  it('lets a leader read everything below them and nothing beside them', () => {
    expect(permits('leader', 'cycle:read', 'indirect-report')).toBe(true);
    expect(permits('leader', 'cycle:read', 'direct-report')).toBe(true);
    expect(permits('leader', 'cycle:read', 'unrelated')).toBe(false);
    expect(permits('leader', 'user:read', 'unrelated')).toBe(false);
  });

  it('keeps people, configuration and the audit log to admins', () => {
    const adminOnly: Action[] = ['user:manage', 'configuration:manage', 'audit:read'];
    for (const action of adminOnly) {
      for (const role of ROLES) {
        expect([role, action, permitsAny(role, action)]).toEqual([role, action, role === 'admin']);
      }
    }
  });

  it('names every role for every action, so a new role cannot slip through as allowed', () => {
    for (const byRole of Object.values(POLICY)) expect(Object.keys(byRole).sort()).toEqual([...ROLES].sort());
  });
});
