import type { TaskList, TaskStatus, TaskView } from '@coachflow/contracts';
import { findTask, inboxPage, type Queryable, type TaskRow } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { preparedStatements } from '#api/infrastructure/database/prepared-statements';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { AccessService } from '#api/modules/access/access.service';
import { CyclesErrorCode, CyclesException } from '#api/modules/cycles/cycles.exception';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { TaskFormsService } from './task-forms.service';
import { toTaskView } from './task-view';

export interface TaskFilter {
  status?: TaskStatus;
  /** Whose inbox; the caller's own when absent. */
  assignee?: string;
  cycleId?: string;
}

/** Reads of the inbox (the tasks projection), scoped to the caller's organisation and reach. */
@Injectable()
export class TasksService {
  private readonly db: Queryable;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    private readonly access: AccessService,
    private readonly forms: TaskFormsService,
  ) {
    // Every inbox read and every completion runs these reads: prepared once per connection.
    this.db = preparedStatements(pool);
  }

  /**
   * One inbox page: the caller's tasks, or (`assignee`) those of someone whose cycles the caller may read
   * (a manager's direct reports, a leader's tree, anyone for an admin).
   */
  async list(caller: AuthenticatedUser, filter: TaskFilter, page: PageQuery): Promise<TaskList> {
    const assignee = filter.assignee ?? caller.id;
    if (assignee !== caller.id) await this.access.authorize(caller, 'cycle:read', assignee);
    const rows = await inboxPage(this.db, {
      organisationId: caller.organisationId,
      assigneeId: assignee,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.cycleId ? { cycleId: filter.cycleId } : {}),
      ...(page.after ? { after: page.after } : {}),
      limit: page.limit,
    });
    const items = await Promise.all(rows.map((row) => this.view(row)));
    return { items, nextCursor: nextCursor(items, page.limit) };
  }

  async get(caller: AuthenticatedUser, id: string, read?: TaskRow | null): Promise<TaskView> {
    const row = await this.find(caller, id, read);
    if (row.assigneeId !== caller.id) await this.access.authorizeCycle(caller, 'cycle:read', row);
    return this.view(row);
  }

  /**
   * A task of the caller's organisation, or 404 (another organisation's is as absent as a missing one).
   * `read`: the row the auth guard already read with the session (`TASK_OF_ROUTE`), when it did.
   */
  async find(caller: AuthenticatedUser, id: string, read?: TaskRow | null): Promise<TaskRow> {
    const row = read === undefined ? await findTask(this.db, caller.organisationId, id) : read;
    if (!row) throw new CyclesException(CyclesErrorCode.TaskNotFound, 'No such task.');
    return row;
  }

  async view(row: TaskRow): Promise<TaskView> {
    return toTaskView(row, (await this.forms.formFor(row)).view);
  }
}
