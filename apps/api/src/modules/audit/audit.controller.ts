import { AuditEventView, type Page, pageSchema } from '@coachflow/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequestValidationException } from '#api/infrastructure/http/app.exception';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import { AccessService } from '#api/modules/access/access.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  /** Role and reporting-line changes, failed sign-ins and configuration publishes, newest first (admins). */
  @Get()
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(pageSchema(AuditEventView)) })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() query: { limit?: string; cursor?: string },
  ): Promise<Page<AuditEventView>> {
    this.access.assertPermits(caller, 'audit:read', 'unrelated');
    const { limit } = parsePageQuery({ limit: query.limit });
    return this.audit.list(caller.organisationId, { limit, before: parseCursor(query.cursor) });
  }
}

function parseCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9]{1,18}$/.test(text))
    throw new RequestValidationException([{ path: '/cursor', message: 'is not a cursor this API gave out' }]);
  return Number(text);
}
