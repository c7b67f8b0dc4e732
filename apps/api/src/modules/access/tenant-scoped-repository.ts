import type { FindManyOptions, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

/**
 * A TypeORM repository that can only see one organisation's rows: every method adds the organisation to
 * the condition, so a query that forgets the tenant filter cannot be written through it.
 */
export class TenantScopedRepository<T extends ObjectLiteral & { organisationId: string }> {
  constructor(
    private readonly repository: Repository<T>,
    readonly organisationId: string,
  ) {}

  findOneBy(where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repository.findOneBy(this.scope(where));
  }

  existsBy(where: FindOptionsWhere<T>): Promise<boolean> {
    return this.repository.existsBy(this.scope(where));
  }

  find(options: Omit<FindManyOptions<T>, 'where'> & { where?: FindOptionsWhere<T> }): Promise<T[]> {
    return this.repository.find({ ...options, where: this.scope(options.where ?? {}) });
  }

  private scope(where: FindOptionsWhere<T>): FindOptionsWhere<T> {
    return { ...where, organisationId: this.organisationId } as FindOptionsWhere<T>;
  }
}

/** `repository` narrowed to the organisation of `tenant` (usually the caller). */
export function scopedTo<T extends ObjectLiteral & { organisationId: string }>(
  repository: Repository<T>,
  tenant: { organisationId: string },
): TenantScopedRepository<T> {
  return new TenantScopedRepository(repository, tenant.organisationId);
}
