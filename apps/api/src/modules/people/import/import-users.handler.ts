import { randomUUID } from 'node:crypto';
import type { ImportRowError, ImportUsersRequest, ImportUsersResult } from '@coachflow/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvError, parse } from 'csv-parse/sync';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AccessService } from '#api/modules/access/access.service';
import { type AuditEntry, AuditService } from '#api/modules/audit/audit.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { PasswordHasher } from '#api/modules/people/auth/password-hasher';
import { UserEntity } from '#api/modules/people/entities/user.entity';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { lockReportingLines } from '#api/modules/people/reporting-line';
import { StaffingChanges } from '#api/modules/people/staffing-changes';
import { type ExistingUser, type ImportPlan, planOrgChartImport } from './plan-org-chart-import';

const UNIQUE_VIOLATION = '23505';

/**
 * Imports an org chart from CSV (`email,name,role,manager_email[,password]`): a dry run reports every
 * row's problems and what would change; a real run applies all of it in one transaction or nothing.
 */
@Injectable()
export class ImportUsersHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly staffing: StaffingChanges,
  ) {}

  async execute(caller: AuthenticatedUser, request: ImportUsersRequest): Promise<ImportUsersResult> {
    this.access.assertPermits(caller, 'user:manage', 'unrelated');
    const parsed = parseCsv(request.csv);
    if (request.dryRun) {
      const plan = parsed.errors
        ? emptyPlan(parsed.errors)
        : await this.plan(this.dataSource.manager, caller, parsed.header, parsed.rows);
      return result(plan, { dryRun: true, applied: false });
    }
    if (parsed.errors) throw invalidImport(parsed.errors);

    const audit: AuditEntry[] = [];
    const moved: { repId: string; managerId: string }[] = [];
    const plan = await this.dataSource
      .transaction(async (manager) => {
        await lockReportingLines(manager, caller.organisationId);
        const planned = await this.plan(manager, caller, parsed.header, parsed.rows);
        if (planned.errors.length > 0) throw invalidImport(planned.errors);
        await this.apply(manager, caller, planned, audit, moved);
        return planned;
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
    if (audit.length > 0) await this.audit.record(audit);
    for (const { repId, managerId } of moved)
      await this.staffing.managerChanged(caller.organisationId, repId, managerId, caller.id);
    return result(plan, { dryRun: false, applied: true });
  }

  private async plan(
    manager: EntityManager,
    caller: AuthenticatedUser,
    header: string[],
    rows: Record<string, string>[],
  ): Promise<ImportPlan> {
    const existing: ExistingUser[] = await manager.getRepository(UserEntity).find({
      where: { organisationId: caller.organisationId },
      select: { id: true, email: true, name: true, role: true, managerId: true },
    });
    const emails = rows.map((row) => (row['email'] ?? '').toLowerCase()).filter(Boolean);
    const elsewhere: { email: string }[] = await manager.query(
      `SELECT lower(email) AS email FROM users WHERE lower(email) = ANY($1) AND organisation_id <> $2`,
      [emails, caller.organisationId],
    );
    return planOrgChartImport(header, rows, existing, new Set(elsewhere.map((row) => row.email)));
  }

  private async apply(
    manager: EntityManager,
    caller: AuthenticatedUser,
    plan: ImportPlan,
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
    // New users first without a manager, so a manager created by the same file exists when referenced.
    for (const user of plan.creates) {
      const id = randomUUID();
      idOf.set(user.email.toLowerCase(), id);
      await users.insert({
        id,
        organisationId: caller.organisationId,
        email: user.email,
        name: user.name,
        role: user.role,
        managerId: null,
        passwordHash: user.password ? await this.hasher.hash(user.password) : PasswordHasher.NO_PASSWORD,
        active: true,
      });
      audit.push(entry('UserCreated', { userId: id, role: user.role, source: 'import' }));
    }
    for (const user of [...plan.creates, ...plan.updates]) {
      const id = idOf.get(user.email.toLowerCase());
      if (!id) throw new Error(`import lost track of ${user.row}`);
      const managerId = user.managerEmail ? (idOf.get(user.managerEmail) ?? null) : null;
      const current = user.existing;
      await users.update(
        { id, organisationId: caller.organisationId },
        // The email is the row's key: an existing user keeps theirs as stored.
        { name: user.name, role: user.role, managerId },
      );
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
    }
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
