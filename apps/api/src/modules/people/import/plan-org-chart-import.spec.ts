import { type ExistingUser, planOrgChartImport } from './plan-org-chart-import';

const HEADER = ['email', 'name', 'role', 'manager_email'];
const lead: ExistingUser = {
  id: 'u-lead',
  email: 'Lead@x.test',
  name: 'Lead',
  role: 'leader',
  managerId: null,
  active: true,
};
const maria: ExistingUser = {
  id: 'u-maria',
  email: 'maria@x.test',
  name: 'Maria',
  role: 'manager',
  managerId: 'u-lead',
  active: true,
};
const row = (email: string, manager = '', role = 'rep', name = email) => ({
  email,
  name,
  role,
  manager_email: manager,
});

describe('planOrgChartImport', () => {
  it('creates new people, updates changed ones and leaves the rest, matching emails in any case', () => {
    const plan = planOrgChartImport(
      HEADER,
      [
        row('lead@x.test', '', 'leader', 'Lead'),
        row('maria@x.test', 'lead@x.test', 'manager', 'Maria B'),
        row('ray@x.test', 'maria@x.test'),
      ],
      [lead, maria],
      'u-admin',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((user) => user.email)).toEqual(['ray@x.test']);
    expect(plan.updates.map((user) => user.name)).toEqual(['Maria B']);
    expect(plan.unchanged).toBe(1);
  });

  it('reports each bad row with its column and never plans a partial import', () => {
    const plan = planOrgChartImport(
      HEADER,
      [
        row('not-an-email'),
        row('ana@x.test', 'ghost@x.test'),
        row('sam@x.test', '', 'boss'),
        row('ana@x.test'),
      ],
      [],
      'u-admin',
    );
    expect(plan.errors).toEqual([
      { row: 1, column: 'email', message: 'must match format "email"' },
      { row: 2, column: 'manager_email', message: 'is neither a row of this file nor a user' },
      expect.objectContaining({ row: 3, column: 'role' }),
      { row: 4, column: 'email', message: 'repeats row 2' },
    ]);
  });

  it('refuses a reporting cycle, within the file and through existing users', () => {
    const inFile = planOrgChartImport(
      HEADER,
      [row('a@x.test', 'b@x.test'), row('b@x.test', 'a@x.test')],
      [],
      'u-admin',
    );
    expect(inFile.errors.map((error) => error.row)).toEqual([1, 2]);
    expect(inFile.errors[0]?.message).toContain('a@x.test → b@x.test → a@x.test');

    // The leader would report to Maria, who reports to the leader.
    const throughExisting = planOrgChartImport(
      HEADER,
      [row('lead@x.test', 'maria@x.test', 'leader')],
      [lead, maria],
      'u-admin',
    );
    expect(throughExisting.errors).toEqual([expect.objectContaining({ row: 1, column: 'manager_email' })]);
  });

  it('refuses unknown or missing columns', () => {
    expect(planOrgChartImport(['email', 'name', 'role', 'salary'], [], [], 'u-admin').errors).toEqual([
      { row: 0, column: 'manager_email', message: 'is a required column' },
      { row: 0, column: 'salary', message: 'is not a column this import knows' },
    ]);
  });

  it('keeps the rules of a user PATCH: no deactivated manager, no change of the importing admin’s own role', () => {
    const admin: ExistingUser = {
      id: 'u-admin',
      email: 'admin@x.test',
      name: 'Admin',
      role: 'admin',
      managerId: null,
      active: true,
    };
    const gone: ExistingUser = { ...maria, id: 'u-gone', email: 'gone@x.test', active: false };
    const plan = planOrgChartImport(
      HEADER,
      [
        row('admin@x.test', '', 'manager', 'Admin'),
        row('ray@x.test', 'gone@x.test'),
        row('ana@x.test', 'maria@x.test'),
      ],
      [admin, lead, maria, gone],
      'u-admin',
    );
    expect(plan.errors).toEqual([
      { row: 1, column: 'role', message: 'is your own role, which only another admin can change' },
      { row: 2, column: 'manager_email', message: 'is a deactivated user' },
    ]);
    // Another admin's role is the importer's to change, as in a PATCH.
    const other = planOrgChartImport(
      HEADER,
      [row('admin@x.test', '', 'manager', 'Admin')],
      [admin],
      'u-lead',
    );
    expect(other.errors).toEqual([]);
    expect(other.updates).toHaveLength(1);
  });
});
