import { ListNotificationsQuery, NotificationView, type Page, pageSchema } from '@coachflow/contracts';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(pageSchema(NotificationView)) })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Query(new JsonSchemaPipe(ListNotificationsQuery)) query: ListNotificationsQuery,
  ): Promise<Page<NotificationView>> {
    return this.notifications.list(caller, query.unread === 'true', parsePageQuery(query));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ schema: openApiSchema(NotificationView) })
  markRead(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(caller, id);
  }
}
