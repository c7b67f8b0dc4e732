import {
  CreatedWebhookView,
  CreateWebhookBody,
  DeliveryView,
  type Page,
  pageSchema,
  WebhookTestView,
  WebhookView,
} from '@coachflow/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import { Roles } from '#api/infrastructure/auth/roles.decorator';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import { WebhooksService } from './webhooks.service';

const PageQueryParams = Type.Object(
  { limit: Type.Optional(Type.String()), cursor: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
type PageQueryParams = { limit?: string; cursor?: string };

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Registers an endpoint; the answer carries its signing secret, shown this once. */
  @Post()
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(CreateWebhookBody) })
  @ApiCreatedResponse({ schema: openApiSchema(CreatedWebhookView) })
  register(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new JsonSchemaPipe(CreateWebhookBody)) body: CreateWebhookBody,
  ): Promise<CreatedWebhookView> {
    return this.webhooks.register(caller, body);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ schema: openApiSchema(Type.Object({ items: Type.Array(WebhookView) })) })
  async list(@CurrentUser() caller: AuthenticatedUser): Promise<{ items: WebhookView[] }> {
    return { items: await this.webhooks.list(caller) };
  }

  /** The endpoint's delivery log: each delivery's status, attempts and last response code. */
  @Get(':id/deliveries')
  @Roles('admin')
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(pageSchema(DeliveryView)) })
  deliveries(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query(new JsonSchemaPipe(PageQueryParams)) query: PageQueryParams,
  ): Promise<Page<DeliveryView>> {
    return this.webhooks.deliveriesOf(caller, id, parsePageQuery(query));
  }

  /** Sends a signed `WebhookTest` event to the endpoint through the outbox. */
  @Post(':id/test')
  @HttpCode(202)
  @Roles('admin')
  @ApiOkResponse({ schema: openApiSchema(WebhookTestView) })
  sendTest(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<WebhookTestView> {
    return this.webhooks.sendTest(caller, id);
  }

  /** Deletes the endpoint; what it still had waiting is not sent, its delivery log stays. */
  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.webhooks.delete(caller, id);
  }

  /** Enables the endpoint again after it was disabled for failing. */
  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ schema: openApiSchema(WebhookView) })
  enable(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<WebhookView> {
    return this.webhooks.enable(caller, id);
  }
}
