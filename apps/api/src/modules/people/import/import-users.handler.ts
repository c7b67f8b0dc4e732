import { randomUUID } from 'node:crypto';
import type { ImportRowError, ImportUsersRequest, ImportUsersResult } from '@coachflow/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvError, parse } from 'csv-parse/sync';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { AccessService } from '#api/modules/access/access.service';
import { type AuditEntry, AuditService } from '#api/modules/audit/audit.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { PasswordHasher } from '#api/modules/people/auth/password-hasher';
import { UserEntity } from '#api/modules/people/entities/user.entity';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { lockReportingLines } from '#api/modules/people/reporting-line';
import { StaffingDispatcher } from '#api/modules/people/staffing-dispatcher';
import {
  type ExistingUser,
  type ImportPlan,
  type PlannedUser,
  planOrgChartImport,
} from './plan-org-chart-import';

const UNIQUE_VIOLATION = '23505';

// Two hashes at a time: the API's other requests keep the rest of libuv's thread pool.
const HASHING_CONCURRENCY = 2;
// A bound on the one write transaction, which only runs a few set-based statements.
const WRITE_STATEMENT_TIMEOUT = '10s';

/**
 * Imports an org chart from CSV (`email,name,role,manager_email[,password]`): a dry run reports every
 * row's problems and what would change; a real run applies all of it or nothing. The slow part, hashing
 * the file's passwords, happens before the write transaction and within a time budget; the transaction
 * itself checks the plan again under the organisation's lock and writes it in a few set-based
 * statements, so it is short whatever the file's size (projections wait on the oldest open transaction).
 */
@Injectable()
export class ImportUsersHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly staffing: StaffingDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(caller: AuthenticatedUser, request: ImportUsersRequest): Promise<ImportUsersResult> {
    this.access.assertPermits(caller, 'user:manage', 'unrelated');
    const parsed = parseCsv(request.csv);
    if (parsed.errors) {
      if (request.dryRun) return result(emptyPlan(parsed.errors), { dryRun: true, applied: false });
      throw invalidImport(parsed.errors);
    }
    const draft = await this.plan(this.dataSource.manager, caller, parsed);
    if (request.dryRun) return result(draft, { dryRun: true, applied: false });
    if (draft.errors.length > 0) throw invalidImport(draft.errors);
    const hashes = await this.hashPasswords(draft.creates);

    const audit: AuditEntry[] = [];
    const moved: { repId: string; managerId: string }[] = [];
    const plan = await this.dataSource
      .transaction(async (manager) => {
        await manager.query(`SET LOCAL statement_timeout = '${WRITE_STATEMENT_TIMEOUT}'`);
        await lockReportingLines(manager, caller.organisationId);
        // The organisation may have changed since the draft: the plan that is written is made under the lock.
        const planned = await this.plan(manager, caller, parsed);
        if (planned.errors.length > 0) throw invalidImport(planned.errors);
        await this.apply(manager, caller, planned, hashes, audit, moved);
        await this.audit.recordIn(manager, audit);
        const dispatchIds = await this.staffing.recordIn(
          manager,
          moved.map(({ repId }) => ({
            kind: 'manager-changed' as const,
            organisationId: caller.organisationId,
            repId,
            by: caller.id,
          })),
        );
        return { planned, dispatchIds };
      })
      .catch((error: unknown) => {
        if (
          error instanceof QueryFailedError &&
          (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
        )
          throw new PeopleException(
            PeopleErrorCode.EmailTaken,
            'An email of the file was taken meanwhile; try again.',
          );
        throw error;
      });
    await this.staffing.dispatch(plan.dispatchIds);
    return result(plan.planned, { dryRun: false, applied: true });
  }

  private async plan(
    manager: EntityManager,
    caller: AuthenticatedUser,
    parsed: ParsedCsv,
  ): Promise<ImportPlan> {
    const existing: ExistingUser[] = await manager.getRepository(UserEntity).find({
      where: { organisationId: caller.organisationId },
      select: { id: true, email: true, name: true, role: true, managerId: true, active: true },
    });
    return planOrgChartImport(parsed.header, parsed.rows, existing, caller.id);
  }

  /**
   * The password hash of each new user (by lower-cased email), within IMPORT_TIME_LIMIT_SECONDS: a file
   * whose passwords take longer is refused rather than holding the API's hashing threads.
   */
  private async hashPasswords(creates: PlannedUser[]): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    const pending = creates.filter((user) => user.password);
    const seconds = this.config.importTimeLimitSeconds;
    const deadline = Date.now() + seconds * 1000;
    let late = false;
    const worker = async () => {
      for (let user = pending.shift(); user && !late; user = pending.shift()) {
        hashes.set(user.email.toLowerCase(), await this.hasher.hash(user.password ?? ''));
        late = Date.now() > deadline && pending.length > 0;
      }
    };
    await Promise.all(Array.from({ length: HASHING_CONCURRENCY }, worker));
    if (late) {
      throw invalidImport([
        {
          row: 0,
          column: 'password',
          message: `takes longer than ${seconds} s to hash for this many rows; split the file, or leave passwords out (users then sign in by single sign-on or get one from an admin)`,
        },
      ]);
    }
    return hashes;
  }

  private async apply(
    manager: EntityManager,
    caller: AuthenticatedUser,
    plan: ImportPlan,
    hashes: ReadonlyMap<string, string>,
    audit: AuditEntry[],
    moved: { repId: string; managerId: string }[],
  ): Promise<void> {
    const users = manager.getRepository(UserEntity);
    const idOf = new Map(
      (
        await users.find({
          where: { organisationId: caller.organisationId },
          select: { id: true, email: true },
        })
      ).map((user) => [user.email.toLowerCase(), user.id]),
    );
    const entry = (type: AuditEntry['type'], data: Record<string, unknown>): AuditEntry => ({
      type,
      organisationId: caller.organisationId,
      actorId: caller.id,
      data,
    });
    // New users first without a manager, in one statement, so a manager created by the same file exists
    // when referenced.
    const inserted = plan.creates.map((user) => {
      const id = randomUUID();
      idOf.set(user.email.toLowerCase(), id);
      audit.push(entry('UserCreated', { userId: id, role: user.role, source: 'import' }));
      const passwordHash = user.password ? hashes.get(user.email.toLowerCase()) : PasswordHasher.NO_PASSWORD;
      // A row that became a create under the lock (rare): its password was never hashed; try again.
      if (!passwordHash) throw conflictMeanwhile();
      return {
        id,
        organisationId: caller.organisationId,
        email: user.email,
        name: user.name,
        role: user.role,
        managerId: null,
        passwordHash,
        active: true,
      };
    });
    if (inserted.length > 0) await users.insert(inserted);
    const changed = [...plan.creates, ...plan.updates].map((user) => {
      const id = idOf.get(user.email.toLowerCase());
      if (!id) throw new Error(`import lost track of row ${user.row}`);
      const managerId = user.managerEmail ? (idOf.get(user.managerEmail) ?? null) : null;
      const current = user.existing;
      if (current && current.role !== user.role)
        audit.push(
          entry('UserRoleChanged', { userId: id, from: current.role, to: user.role, source: 'import' }),
        );
      if ((current?.managerId ?? null) !== managerId) {
        audit.push(
          entry('ReportingLineChanged', {
            userId: id,
            from: current?.managerId ?? null,
            to: managerId,
            source: 'import',
          }),
        );
        if (current && user.role === 'rep' && managerId) moved.push({ repId: id, managerId });
      }
      return { id, name: user.name, role: user.role, managerId };
    });
    if (changed.length === 0) return;
    // The email is the row's key: an existing user keeps theirs as stored.
    await manager.query(
      `UPDATE users u SET name = v.name, role = v.role, manager_id = v.manager_id, updated_at = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[]) AS v(id, name, role, manager_id)
        WHERE u.id = v.id AND u.organisation_id = $1`,
      [
        caller.organisationId,
        changed.map((user) => user.id),
        changed.map((user) => user.name),
        changed.map((user) => user.role),
        changed.map((user) => user.managerId),
      ],
    );
  }
}

interface ParsedCsv {
  header: string[];
  rows: Record<string, string>[];
  errors?: ImportRowError[];
}

function parseCsv(csv: string): ParsedCsv {
  let header: string[] = [];
  try {
    const rows = parse(csv, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      columns: (names: string[]) => (header = names.map((name) => name.trim().toLowerCase())),
    }) as Record<string, string>[];
    return { header, rows };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse counts lines from 1 with the header: data row n is line n + 1 when rows span one line.
    const row = Math.max(0, ((error as CsvError & { lines?: number }).lines ?? 1) - 1);
    return { header, rows: [], errors: [{ row, message: `is not valid CSV (${error.code})` }] };
  }
}

function emptyPlan(errors: ImportRowError[]): ImportPlan {
  return { errors, creates: [], updates: [], unchanged: 0 };
}

function result(plan: ImportPlan, outcome: { dryRun: boolean; applied: boolean }): ImportUsersResult {
  return {
    ...outcome,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    errors: plan.errors,
  };
}

function conflictMeanwhile(): PeopleException {
  return new PeopleException(
    PeopleErrorCode.EmailTaken,
    'The organisation changed during the import; try again.',
  );
}

function invalidImport(errors: ImportRowError[]): PeopleException {
  return new PeopleException(
    PeopleErrorCode.InvalidImport,
    'The file has errors; nothing was imported. A dry run lists them by row.',
    errors.map((error) => ({
      path: `/csv/${error.row}${error.column ? `/${error.column}` : ''}`,
      message: error.message,
    })),
  );
}
