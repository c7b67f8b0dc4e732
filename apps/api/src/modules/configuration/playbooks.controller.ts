import { PlaybookBody, PlaybookBundle, PlaybookImportResult, PlaybookView } from '@coachflow/contracts';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { RequestValidationException } from '#api/infrastructure/http/app.exception';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { Roles } from '#api/infrastructure/auth/roles.decorator';
import { CONFIGURATION_WRITERS } from './configuration-access';
import { configurationController } from './configuration.controller';
import { ConfigurationService } from './configuration.service';
import { PlaybookBundleService } from './playbook-bundle.service';

@Controller('api/playbooks')
export class PlaybooksController extends configurationController(
  'playbook',
  'playbooks',
  PlaybookBody,
  PlaybookView,
) {
  constructor(
    configuration: ConfigurationService,
    private readonly bundles: PlaybookBundleService,
  ) {
    super(configuration);
  }

  // Exporting copies the organisation's design out: the same people who may change it.
  @Get(':id/export')
  @Roles(...CONFIGURATION_WRITERS)
  @ApiQuery({ name: 'version', required: false })
  @ApiOkResponse({ schema: openApiSchema(PlaybookBundle) })
  export(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('version') version?: string,
  ): Promise<PlaybookBundle> {
    return this.bundles.export(caller, id, parseVersion(version));
  }

  @Post('import')
  @Roles(...CONFIGURATION_WRITERS)
  @ApiBody({ schema: openApiSchema(PlaybookBundle) })
  @ApiCreatedResponse({ schema: openApiSchema(PlaybookImportResult) })
  @ApiBadRequestResponse({ description: 'Every conflict in the bundle; nothing was imported.' })
  import(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new JsonSchemaPipe(PlaybookBundle)) bundle: PlaybookBundle,
  ): Promise<PlaybookImportResult> {
    return this.bundles.import(caller, bundle);
  }
}

function parseVersion(version: string | undefined): number | undefined {
  if (version === undefined) return undefined;
  const value = Number(version);
  if (!Number.isInteger(value) || value < 1)
    throw new RequestValidationException([{ path: '/version', message: 'must be a version number' }]);
  return value;
}
