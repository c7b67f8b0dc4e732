import { DeliveryView, ListDeliveriesQuery, type Page, pageSchema } from '@coachflow/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '#api/infrastructure/auth/roles.decorator';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import { DeliveriesService } from './deliveries.service';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('api/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  /**
   * The organisation's outbox, newest first (admins): what was sent to whom, what waits, what failed;
   * filtered by status, channel, recipient (a person or an endpoint) and when it was queued.
   */
  @Get()
  @Roles('admin')
  @ApiQuery({ name: 'status', required: false })
  @ApiQuery({ name: 'channel', required: false })
  @ApiQuery({ name: 'recipientId', required: false })
  @ApiQuery({ name: 'since', required: false, description: 'queued at or after (ISO 8601)' })
  @ApiQuery({ name: 'until', required: false, description: 'queued before (ISO 8601)' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(pageSchema(DeliveryView)) })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Query(new JsonSchemaPipe(ListDeliveriesQuery)) query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryView>> {
    return this.deliveries.list(caller.organisationId, query, parsePageQuery(query));
  }
}
