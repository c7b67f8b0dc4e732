import { type ImportRowError, type Role, RoleSchema, ShortText } from '@coachflow/contracts';
import { type Static, Type } from '@sinclair/typebox';
import { RequestValidationException } from '#api/infrastructure/http/app.exception';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';

export const REQUIRED_COLUMNS = ['email', 'name', 'role', 'manager_email'] as const;
const OPTIONAL_COLUMNS = ['password'] as const;
export const MAX_IMPORT_ROWS = 5000;

const ImportRow = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: ShortText(),
  role: RoleSchema,
  manager_email: Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })]),
  password: Type.Optional(Type.Union([Type.Literal(''), Type.String({ minLength: 8, maxLength: 256 })])),
});
const rowPipe = new JsonSchemaPipe(ImportRow);

/** A user of the organisation as the import sees it. */
export interface ExistingUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
  /** False once deactivated: nobody can be placed under them (the same rule as `PATCH /api/users/:id`). */
  active: boolean;
}

export interface PlannedUser {
  row: number;
  email: string;
  name: string;
  role: Role;
  /** Lower-cased email of the manager (a row of the file or an existing user), or null. */
  managerEmail: string | null;
  password: string | null;
  /** Set for a user that exists already (an update), absent for a new one. */
  existing?: ExistingUser;
}

export interface ImportPlan {
  errors: ImportRowError[];
  creates: PlannedUser[];
  updates: PlannedUser[];
  unchanged: number;
}

/**
 * Checks an org chart (rows as parsed from CSV, header first) against the organisation's users and
 * decides what to create and update, without any I/O. Rows are matched by email (case-insensitive)
 * within the organisation; other organisations are never consulted. Every problem is reported with its
 * row, and the rules of `PATCH /api/users/:id` hold: the reporting line stays a tree, nobody is placed
 * under a deactivated user, and the importing admin (`callerId`) cannot change their own role.
 */
export function planOrgChartImport(
  header: string[],
  rows: Record<string, string>[],
  existing: ExistingUser[],
  callerId: string,
): ImportPlan {
  const errors: ImportRowError[] = [];
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter(
    (column) =>
      !(REQUIRED_COLUMNS as readonly string[]).includes(column) &&
      !(OPTIONAL_COLUMNS as readonly string[]).includes(column),
  );
  for (const column of missing) errors.push({ row: 0, column, message: 'is a required column' });
  for (const column of unknown) errors.push({ row: 0, column, message: 'is not a column this import knows' });
  if (rows.length > MAX_IMPORT_ROWS)
    errors.push({ row: 0, message: `has more than ${MAX_IMPORT_ROWS} rows; split the file` });
  if (errors.length > 0) return { errors, creates: [], updates: [], unchanged: 0 };

  const byEmail = new Map(existing.map((user) => [user.email.toLowerCase(), user]));
  const byId = new Map(existing.map((user) => [user.id, user]));
  const planned = new Map<string, PlannedUser>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    let valid: Static<typeof ImportRow>;
    try {
      valid = rowPipe.transform(raw);
    } catch (error) {
      if (!(error instanceof RequestValidationException)) throw error;
      for (const field of error.errors ?? [])
        errors.push({ row, column: field.path.slice(1) || undefined, message: field.message });
      return;
    }
    const email = valid.email.toLowerCase();
    if (planned.has(email)) {
      errors.push({ row, column: 'email', message: `repeats row ${planned.get(email)?.row}` });
      return;
    }
    const current = byEmail.get(email);
    if (current?.id === callerId && current.role !== valid.role) {
      errors.push({ row, column: 'role', message: 'is your own role, which only another admin can change' });
      return;
    }
    const managerEmail = valid.manager_email ? valid.manager_email.toLowerCase() : null;
    const plannedUser: PlannedUser = {
      row,
      email: valid.email,
      name: valid.name,
      role: valid.role,
      managerEmail,
      password: valid.password ? valid.password : null,
    };
    if (current) plannedUser.existing = current;
    planned.set(email, plannedUser);
  });

  // The manager of every user once the import applies: the file's word for its rows, the current line
  // for everyone else.
  const managerOf = (email: string): string | null => {
    const inFile = planned.get(email);
    if (inFile) return inFile.managerEmail;
    const current = byEmail.get(email)?.managerId;
    return current ? (byId.get(current)?.email.toLowerCase() ?? null) : null;
  };
  for (const [email, user] of planned) {
    if (!user.managerEmail) continue;
    if (!planned.has(user.managerEmail) && !byEmail.has(user.managerEmail)) {
      errors.push({
        row: user.row,
        column: 'manager_email',
        message: 'is neither a row of this file nor a user',
      });
      continue;
    }
    if (!planned.has(user.managerEmail) && byEmail.get(user.managerEmail)?.active === false) {
      errors.push({ row: user.row, column: 'manager_email', message: 'is a deactivated user' });
      continue;
    }
    const chain = [email];
    for (let next = managerOf(email); next; next = managerOf(next)) {
      if (next === email) {
        errors.push({
          row: user.row,
          column: 'manager_email',
          message: `makes a reporting cycle: ${[...chain, email].join(' → ')}`,
        });
        break;
      }
      // A cycle further up that does not pass through this row is reported on its own rows.
      if (chain.includes(next)) break;
      chain.push(next);
    }
  }

  const creates: PlannedUser[] = [];
  const updates: PlannedUser[] = [];
  let unchanged = 0;
  for (const user of planned.values()) {
    if (!user.existing) creates.push(user);
    else if (changes(user, user.existing, byId)) updates.push(user);
    else unchanged++;
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, creates, updates, unchanged };
}

function changes(user: PlannedUser, current: ExistingUser, byId: Map<string, ExistingUser>): boolean {
  const currentManager = current.managerId
    ? (byId.get(current.managerId)?.email.toLowerCase() ?? null)
    : null;
  return user.name !== current.name || user.role !== current.role || user.managerEmail !== currentManager;
}
