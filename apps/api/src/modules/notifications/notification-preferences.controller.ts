import { NotificationPreferences } from '@coachflow/contracts';
import { isTimeZone } from '@coachflow/domain';
import { notificationPreferencesOf, saveNotificationPreferences } from '@coachflow/read-models';
import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { RequestValidationException } from '#api/infrastructure/http/app.exception';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';

/** The caller's own mail preferences: which mails, when the digest comes, their zone, quiet hours. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** What the caller saved, else their role's defaults. */
  @Get()
  @ApiOkResponse({ schema: openApiSchema(NotificationPreferences) })
  get(@CurrentUser() caller: AuthenticatedUser): Promise<NotificationPreferences> {
    return notificationPreferencesOf(this.pool, caller);
  }

  /** Replaces the caller's preferences. */
  @Put()
  @ApiBody({ schema: openApiSchema(NotificationPreferences) })
  @ApiOkResponse({ schema: openApiSchema(NotificationPreferences) })
  async put(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new JsonSchemaPipe(NotificationPreferences)) body: NotificationPreferences,
  ): Promise<NotificationPreferences> {
    if (!isTimeZone(body.timeZone))
      throw new RequestValidationException([{ path: '/timeZone', message: 'is not a known time zone' }]);
    await saveNotificationPreferences(this.pool, caller.id, body);
    return notificationPreferencesOf(this.pool, caller);
  }
}
