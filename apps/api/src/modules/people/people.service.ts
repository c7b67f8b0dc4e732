import type {
  CreateUserRequest,
  OrganisationView,
  Page,
  SignUpRequest,
  UserView,
} from '@coachflow/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, MoreThan, QueryFailedError, type Repository } from 'typeorm';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from './auth/authenticated-user';
import { PasswordHasher } from './auth/password-hasher';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { PeopleErrorCode, PeopleException } from './people.exception';

const UNIQUE_VIOLATION = '23505';

/** Organisations and their users. Every read is scoped to the caller's organisation here, in one place. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
  ) {}

  /** A new tenant and its first admin, in one transaction. */
  async signUp(request: SignUpRequest): Promise<OrganisationView> {
    const passwordHash = await this.hasher.hash(request.admin.password);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await manager.save(manager.create(OrganisationEntity, { name: request.name }));
      await this.insertUser(manager, {
        organisationId: organisation.id,
        email: request.admin.email,
        name: request.admin.name,
        role: 'admin',
        managerId: null,
        passwordHash,
      });
      return { id: organisation.id, name: organisation.name };
    });
  }

  async createUser(caller: AuthenticatedUser, request: CreateUserRequest): Promise<UserView> {
    const managerId = request.managerId ?? null;
    if (managerId && !(await this.users.existsBy({ id: managerId, organisationId: caller.organisationId }))) {
      throw new PeopleException(
        PeopleErrorCode.UnknownManager,
        'The manager is not a user of your organisation.',
        [{ path: '/managerId', message: 'is not a user of your organisation' }],
      );
    }
    const passwordHash = await this.hasher.hash(request.password);
    const user = await this.insertUser(this.users.manager, {
      organisationId: caller.organisationId,
      email: request.email,
      name: request.name,
      role: request.role,
      managerId,
      passwordHash,
    });
    return toUserView(user);
  }

  /** The user with `id` in the caller's organisation; 404 for any other, whether it exists or not. */
  async getUser(caller: AuthenticatedUser, id: string): Promise<UserView> {
    const user = await this.users.findOneBy({ id, organisationId: caller.organisationId });
    if (!user) throw new PeopleException(PeopleErrorCode.UserNotFound, 'No such user.');
    return toUserView(user);
  }

  async listUsers(caller: AuthenticatedUser, page: PageQuery): Promise<Page<UserView>> {
    const users = await this.users.find({
      where: { organisationId: caller.organisationId, ...(page.after ? { id: MoreThan(page.after) } : {}) },
      order: { id: 'ASC' },
      take: page.limit,
    });
    return { items: users.map(toUserView), nextCursor: nextCursor(users, page.limit) };
  }

  /** The active user with this email and its password hash, for sign-in. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .andWhere('user.active')
      .getOne();
  }

  countOrganisations(): Promise<number> {
    return this.dataSource.getRepository(OrganisationEntity).count();
  }

  private async insertUser(
    manager: EntityManager,
    fields: Pick<UserEntity, 'organisationId' | 'email' | 'name' | 'role' | 'managerId' | 'passwordHash'>,
  ): Promise<UserEntity> {
    try {
      return await manager.save(manager.create(UserEntity, { ...fields, active: true }));
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw new PeopleException(PeopleErrorCode.EmailTaken, 'A user with this email already exists.', [
          { path: '/email', message: 'is already taken' },
        ]);
      }
      throw error;
    }
  }
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    managerId: user.managerId,
    organisationId: user.organisationId,
  };
}
