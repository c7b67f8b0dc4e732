import {
  ConfigurationEventView,
  ConfigurationSummary,
  ListConfigurationQuery,
  type Page,
  pageSchema,
} from '@coachflow/contracts';
import type { ConfigurationKind } from '@coachflow/domain';
import {
  Body,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { Roles } from '#api/infrastructure/auth/roles.decorator';
import { CONFIGURATION_WRITERS } from './configuration-access';
import { ConfigurationService, type ConfigurationView, type Written } from './configuration.service';
import { parseIfMatch } from './if-match';

/**
 * The routes every configuration kind has (shared/API.md, "Configuration"): create a draft, list, read the
 * latest or any version, replace the draft, publish, and the audit trail. One class per kind extends it.
 */
export function configurationController(kind: ConfigurationKind, tag: string, body: TSchema, view: TSchema) {
  @ApiTags(tag)
  @ApiBearerAuth()
  abstract class ConfigurationController {
    constructor(@Inject(ConfigurationService) readonly configuration: ConfigurationService) {}

    @Post()
    @Roles(...CONFIGURATION_WRITERS)
    @ApiBody({ schema: openApiSchema(body) })
    @ApiCreatedResponse({ schema: openApiSchema(view) })
    async create(
      @CurrentUser() caller: AuthenticatedUser,
      @Body(new JsonSchemaPipe(body)) request: unknown,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<ConfigurationView> {
      return withEtag(reply, await this.configuration.create(caller, kind, request));
    }

    @Get()
    @ApiOkResponse({ schema: openApiSchema(pageSchema(ConfigurationSummary)) })
    list(
      @CurrentUser() caller: AuthenticatedUser,
      @Query(new JsonSchemaPipe(ListConfigurationQuery)) query: ListConfigurationQuery,
    ): Promise<Page<ConfigurationSummary>> {
      return this.configuration.list(
        caller,
        kind,
        { status: query.status, taskKind: query.taskKind },
        parsePageQuery(query),
      );
    }

    @Get(':id')
    @ApiOkResponse({ schema: openApiSchema(view), description: 'The latest version (ETag: stream version).' })
    async get(
      @CurrentUser() caller: AuthenticatedUser,
      @Param('id', ParseUUIDPipe) id: string,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<ConfigurationView> {
      return withEtag(reply, await this.configuration.getLatest(caller, kind, id));
    }

    @Put(':id')
    @Roles(...CONFIGURATION_WRITERS)
    @ApiBody({ schema: openApiSchema(body) })
    @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read; a newer state is a 409.' })
    @ApiOkResponse({ schema: openApiSchema(view) })
    @ApiConflictResponse({ description: 'Changed concurrently (or since the ETag in If-Match).' })
    async replace(
      @CurrentUser() caller: AuthenticatedUser,
      @Param('id', ParseUUIDPipe) id: string,
      @Body(new JsonSchemaPipe(body)) request: unknown,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<ConfigurationView> {
      return withEtag(
        reply,
        await this.configuration.replace(caller, kind, id, request, parseIfMatch(ifMatch)),
      );
    }

    @Post(':id/publish')
    @HttpCode(200)
    @Roles(...CONFIGURATION_WRITERS)
    @ApiHeader({ name: 'If-Match', required: false })
    @ApiOkResponse({ schema: openApiSchema(view) })
    @ApiConflictResponse({ description: 'Already published, or changed concurrently.' })
    async publish(
      @CurrentUser() caller: AuthenticatedUser,
      @Param('id', ParseUUIDPipe) id: string,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<ConfigurationView> {
      return withEtag(reply, await this.configuration.publish(caller, kind, id, parseIfMatch(ifMatch)));
    }

    @Get(':id/versions/:version')
    @ApiOkResponse({ schema: openApiSchema(view) })
    getVersion(
      @CurrentUser() caller: AuthenticatedUser,
      @Param('id', ParseUUIDPipe) id: string,
      @Param('version', ParseIntPipe) version: number,
    ): Promise<ConfigurationView> {
      return this.configuration.getVersion(caller, kind, id, version);
    }

    @Get(':id/events')
    @ApiOkResponse({ schema: openApiSchema(Type.Object({ items: Type.Array(ConfigurationEventView) })) })
    async events(
      @CurrentUser() caller: AuthenticatedUser,
      @Param('id', ParseUUIDPipe) id: string,
    ): Promise<{ items: ConfigurationEventView[] }> {
      return { items: await this.configuration.events(caller, kind, id) };
    }
  }
  return ConfigurationController;
}

function withEtag(reply: FastifyReply, written: Written): ConfigurationView {
  void reply.header('etag', `"${written.etag}"`);
  return written.view;
}
