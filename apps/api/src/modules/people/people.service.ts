import {
  AdminSelfUpdateRequest,
  AdminUpdateUserRequest,
  type CreateUserRequest,
  type OrganisationView,
  type Page,
  SelfUpdateUserRequest,
  type SignUpRequest,
  type UserView,
} from '@coachflow/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, QueryFailedError, type Repository } from 'typeorm';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { AccessService, typeormPlaceholders } from '#api/modules/access/access.service';
import { scopedTo } from '#api/modules/access/tenant-scoped-repository';
import { type AuditEntry, AuditService } from '#api/modules/audit/audit.service';
import { ConfigurationService } from '#api/modules/configuration/configuration.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { PasswordHasher } from './auth/password-hasher';
import { SessionService } from './auth/session.service';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { PeopleErrorCode, PeopleException } from './people.exception';
import { assertValidManager, lockReportingLines } from './reporting-line';
import { type StaffingDispatch, StaffingDispatcher } from './staffing-dispatcher';

const UNIQUE_VIOLATION = '23505';

/** How many accounts of one address a sign-in without an organisation checks the password against. */
export const MAX_ACCOUNTS_PER_EMAIL = 5;

const adminUpdate = new JsonSchemaPipe(AdminUpdateUserRequest);
const adminSelfUpdate = new JsonSchemaPipe(AdminSelfUpdateRequest);
const selfUpdate = new JsonSchemaPipe(SelfUpdateUserRequest);

type UserUpdate = AdminUpdateUserRequest & SelfUpdateUserRequest;

/**
 * Organisations and their users. Reads go through the tenant-scoped repository and the access policy, so
 * a caller only ever sees users of their organisation within their reach.
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly configuration: ConfigurationService,
    private readonly sessions: SessionService,
    private readonly staffing: StaffingDispatcher,
  ) {}

  /** A new tenant and its first admin, in one transaction. */
  async signUp(request: SignUpRequest): Promise<OrganisationView> {
    const passwordHash = await this.hasher.hash(request.admin.password);
    const { organisation, admin } = await this.dataSource.transaction(async (manager) => {
      const organisation = await manager.save(manager.create(OrganisationEntity, { name: request.name }));
      const admin = await this.insertUser(manager, {
        organisationId: organisation.id,
        email: request.admin.email,
        name: request.admin.name,
        role: 'admin',
        managerId: null,
        passwordHash,
      });
      return { organisation, admin };
    });
    // Cycles fall back to the organisation's default form of each task kind: every tenant starts with them.
    await this.configuration.ensureDefaultForms({ id: admin.id, organisationId: organisation.id });
    return { id: organisation.id, name: organisation.name };
  }

  async createUser(caller: AuthenticatedUser, request: CreateUserRequest): Promise<UserView> {
    this.access.assertPermits(caller, 'user:manage', 'unrelated');
    const managerId = request.managerId ?? null;
    if (managerId && !(await scopedTo(this.users, caller).existsBy({ id: managerId, active: true }))) {
      throw new PeopleException(
        PeopleErrorCode.UnknownManager,
        'The manager is not a user of your organisation.',
        [{ path: '/managerId', message: 'is not a user of your organisation' }],
      );
    }
    const passwordHash = await this.hasher.hash(request.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.insertUser(manager, {
        organisationId: caller.organisationId,
        email: request.email,
        name: request.name,
        role: request.role,
        managerId,
        passwordHash,
      });
      await this.audit.recordIn(manager, [
        {
          type: 'UserCreated',
          organisationId: caller.organisationId,
          actorId: caller.id,
          data: { userId: created.id, role: created.role, managerId: created.managerId },
        },
      ]);
      return created;
    });
    return toUserView(user);
  }

  /** A user within the caller's reach: 404 outside their organisation, 403 inside it but out of reach. */
  async getUser(caller: AuthenticatedUser, id: string): Promise<UserView> {
    await this.access.authorize(caller, 'user:read', id, userNotFound);
    const user = await scopedTo(this.users, caller).findOneBy({ id });
    if (!user) throw userNotFound();
    return toUserView(user);
  }

  /** The users the caller may read, in id order. */
  async listUsers(caller: AuthenticatedUser, page: PageQuery): Promise<Page<UserView>> {
    const params: Record<string, string> = {};
    const reach = this.access.reachCondition(caller, 'user:read', 'user.id', typeormPlaceholders(params));
    const query = this.users
      .createQueryBuilder('user')
      .where('user.organisation_id = :organisationId', { organisationId: caller.organisationId })
      .andWhere(reach, params)
      .orderBy('user.id', 'ASC')
      .take(page.limit);
    if (page.after) query.andWhere('user.id > :after', { after: page.after });
    const users = await query.getMany();
    return { items: users.map(toUserView), nextCursor: nextCursor(users, page.limit) };
  }

  /**
   * `PATCH /api/users/:id`. The body's allowed fields depend on who edits whom (see the three request
   * schemas), so a rep cannot set their own role or manager. Reporting-line and role changes are audited;
   * running cycles follow a rep's new manager; a deactivated user's sessions end (and a new password ends
   * the other sessions) in the change's transaction, and their direct reports and open tasks move to their
   * manager.
   */
  async updateUser(caller: AuthenticatedUser, id: string, body: unknown): Promise<UserView> {
    const relation = await this.access.authorize(caller, 'user:read', id, userNotFound);
    const self = relation === 'self';
    const admin = caller.role === 'admin';
    if (!self) this.access.assertPermits(caller, 'user:manage', relation);
    const change: UserUpdate = (admin ? (self ? adminSelfUpdate : adminUpdate) : selfUpdate).transform(body);
    if (change.password !== undefined && change.currentPassword === undefined) {
      throw new PeopleException(
        PeopleErrorCode.WrongCurrentPassword,
        'Changing the password needs the current one.',
        [{ path: '/currentPassword', message: 'is required to set a new password' }],
      );
    }

    const audit: AuditEntry[] = [];
    // The change's consequences for running cycles, recorded with it and sent after the commit.
    const dispatches: StaffingDispatch[] = [];
    const dispatchIds = await this.dataSource.transaction(async (manager) => {
      await lockReportingLines(manager, caller.organisationId);
      const user = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('user')
        .addSelect('user.passwordHash')
        .where('user.id = :id AND user.organisation_id = :org', { id, org: caller.organisationId })
        .getOne();
      if (!user) throw userNotFound();
      const patch: Partial<UserEntity> = {};
      if (change.name !== undefined) patch.name = change.name;
      if (change.email !== undefined) patch.email = change.email;
      if (change.role !== undefined && change.role !== user.role) {
        patch.role = change.role;
        audit.push(this.entry(caller, 'UserRoleChanged', { userId: id, from: user.role, to: change.role }));
      }
      if (change.managerId !== undefined && change.managerId !== user.managerId) {
        if (change.managerId) await assertValidManager(manager, caller.organisationId, id, change.managerId);
        patch.managerId = change.managerId;
        audit.push(
          this.entry(caller, 'ReportingLineChanged', {
            userId: id,
            from: user.managerId,
            to: change.managerId,
          }),
        );
      }
      if (change.active !== undefined && change.active !== user.active) {
        patch.active = change.active;
        audit.push(this.entry(caller, change.active ? 'UserReactivated' : 'UserDeactivated', { userId: id }));
      }
      if (change.active === false) {
        // Their direct reports move up to their manager, so nobody reports to (or escalates to) someone
        // who can no longer sign in.
        const successor = change.managerId !== undefined ? change.managerId : user.managerId;
        const reports: { id: string; role: string }[] = await manager.getRepository(UserEntity).find({
          where: { organisationId: caller.organisationId, managerId: id },
          select: { id: true, role: true },
        });
        if (reports.length > 0) {
          await manager.update(
            UserEntity,
            { organisationId: caller.organisationId, managerId: id },
            { managerId: successor },
          );
        }
        for (const report of reports) {
          audit.push(
            this.entry(caller, 'ReportingLineChanged', { userId: report.id, from: id, to: successor }),
          );
          if (report.role === 'rep' && successor) dispatches.push(this.managerChanged(caller, report.id));
        }
        dispatches.push({
          kind: 'user-deactivated',
          organisationId: caller.organisationId,
          userId: id,
          toUserId: successor ?? caller.id,
        });
      }
      // Sent whenever the field is named (the dispatch checks the user is a rep), so repeating a request
      // completes a hand-over an earlier one started.
      if (change.managerId) dispatches.push(this.managerChanged(caller, id));
      if (change.password !== undefined) {
        if (!(await this.hasher.verify(user.passwordHash, change.currentPassword ?? ''))) {
          throw new PeopleException(PeopleErrorCode.WrongCurrentPassword, 'The current password is wrong.', [
            { path: '/currentPassword', message: 'is wrong' },
          ]);
        }
        patch.passwordHash = await this.hasher.hash(change.password);
        await this.sessions.revokeAllOf(manager, id, caller.sessionId);
      }
      if (change.active === false) await this.sessions.revokeAllOf(manager, id);
      if (Object.keys(patch).length > 0) await this.saveUser(manager, id, patch);
      await this.audit.recordIn(manager, audit);
      return this.staffing.recordIn(manager, dispatches);
    });

    await this.staffing.dispatch(dispatchIds);
    return this.getUser(caller, id);
  }

  private managerChanged(caller: AuthenticatedUser, repId: string): StaffingDispatch {
    return { kind: 'manager-changed', organisationId: caller.organisationId, repId, by: caller.id };
  }

  /**
   * The users with this email (active or not) and their password hashes, for sign-in: in the named
   * organisation, or in any (an address may belong to several organisations, one user in each). Oldest
   * first and at most `MAX_ACCOUNTS_PER_EMAIL`, so however many organisations take an address, a sign-in
   * costs a bounded number of password checks; beyond that the organisation must be named.
   */
  findLoginCandidates(email: string, organisationId?: string): Promise<UserEntity[]> {
    const query = this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email });
    if (organisationId) query.andWhere('user.organisation_id = :organisationId', { organisationId });
    return query
      .orderBy('user.created_at', 'ASC')
      .addOrderBy('user.id')
      .take(MAX_ACCOUNTS_PER_EMAIL)
      .getMany();
  }

  /** An active user by id, for refreshing a session. */
  async findActive(id: string): Promise<UserEntity | null> {
    // TypeORM drops an undefined condition (and would return any user): refuse one outright.
    if (!id) return null;
    return this.users.findOneBy({ id, active: true });
  }

  /** The organisations of `users`, by name, for a sign-in that must choose one. */
  async organisationsOf(users: Pick<UserEntity, 'organisationId'>[]): Promise<OrganisationView[]> {
    const organisations = await this.dataSource.getRepository(OrganisationEntity).find({
      where: { id: In(users.map((user) => user.organisationId)) },
      order: { name: 'ASC' },
    });
    return organisations.map(({ id, name }) => ({ id, name }));
  }

  countOrganisations(): Promise<number> {
    return this.dataSource.getRepository(OrganisationEntity).count();
  }

  private entry(
    caller: AuthenticatedUser,
    type: AuditEntry['type'],
    data: Record<string, unknown>,
  ): AuditEntry {
    return { type, organisationId: caller.organisationId, actorId: caller.id, data };
  }

  private async saveUser(manager: EntityManager, id: string, patch: Partial<UserEntity>): Promise<void> {
    try {
      await manager.update(UserEntity, { id }, patch);
    } catch (error) {
      throw emailTaken(error) ?? error;
    }
  }

  private async insertUser(
    manager: EntityManager,
    fields: Pick<UserEntity, 'organisationId' | 'email' | 'name' | 'role' | 'managerId' | 'passwordHash'>,
  ): Promise<UserEntity> {
    try {
      return await manager.save(manager.create(UserEntity, { ...fields, active: true }));
    } catch (error) {
      throw emailTaken(error) ?? error;
    }
  }
}

function emailTaken(error: unknown): PeopleException | null {
  return error instanceof QueryFailedError &&
    (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
    ? new PeopleException(PeopleErrorCode.EmailTaken, 'A user of this organisation already has this email.', [
        { path: '/email', message: 'is already taken in this organisation' },
      ])
    : null;
}

function userNotFound(): PeopleException {
  return new PeopleException(PeopleErrorCode.UserNotFound, 'No such user.');
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    managerId: user.managerId,
    organisationId: user.organisationId,
    active: user.active,
  };
}
