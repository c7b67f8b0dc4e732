import {
  AdminUpdateUserRequest,
  CreateUserRequest,
  ImportUsersRequest,
  ImportUsersResult,
  type Page,
  pageSchema,
  SelfUpdateUserRequest,
  UserView,
} from '@coachflow/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { ImportUsersHandler } from './import/import-users.handler';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('api')
export class UsersController {
  constructor(
    private readonly people: PeopleService,
    private readonly importUsers: ImportUsersHandler,
  ) {}

  @Get('me')
  @ApiOkResponse({ schema: openApiSchema(UserView) })
  me(@CurrentUser() caller: AuthenticatedUser): Promise<UserView> {
    return this.people.getUser(caller, caller.id);
  }

  /** Admins create users of their organisation. */
  @Post('users')
  @ApiBody({ schema: openApiSchema(CreateUserRequest) })
  @ApiCreatedResponse({ schema: openApiSchema(UserView) })
  createUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new JsonSchemaPipe(CreateUserRequest)) body: CreateUserRequest,
  ): Promise<UserView> {
    return this.people.createUser(caller, body);
  }

  /** Admins import an org chart from CSV; `dryRun: true` lists each row's errors and changes nothing. */
  @Post('users/import')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(ImportUsersRequest) })
  @ApiOkResponse({ schema: openApiSchema(ImportUsersResult) })
  @ApiBadRequestResponse({ description: 'The file has errors (by row); nothing was imported.' })
  importOrgChart(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new JsonSchemaPipe(ImportUsersRequest)) body: ImportUsersRequest,
  ): Promise<ImportUsersResult> {
    return this.importUsers.execute(caller, body);
  }

  /** The users within the caller's reach (admins: everyone; others: themselves, up the line and below). */
  @Get('users')
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(pageSchema(UserView)) })
  listUsers(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() query: { limit?: string; cursor?: string },
  ): Promise<Page<UserView>> {
    return this.people.listUsers(caller, parsePageQuery(query));
  }

  @Get('users/:id')
  @ApiOkResponse({ schema: openApiSchema(UserView) })
  getUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<UserView> {
    return this.people.getUser(caller, id);
  }

  /**
   * Admins change name, email, role, manager and activity of others; anyone changes their own name and
   * password (with the current one; their other sessions end). Fields outside the caller's shape are 400.
   */
  @Patch('users/:id')
  @ApiBody({ schema: openApiSchema(Type.Union([AdminUpdateUserRequest, SelfUpdateUserRequest])) })
  @ApiOkResponse({ schema: openApiSchema(UserView) })
  updateUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<UserView> {
    return this.people.updateUser(caller, id, body);
  }
}
