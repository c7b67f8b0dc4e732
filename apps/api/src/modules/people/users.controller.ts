import { CreateUserRequest, pageSchema, type Page, UserView } from '@coachflow/contracts';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from './auth/authenticated-user';
import { CurrentUser } from './auth/current-user.decorator';
import { Roles } from './auth/roles.decorator';
import { PeopleService } from './people.service';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';

@ApiTags('people')
@ApiBearerAuth()
@Controller('api')
export class UsersController {
  constructor(private readonly people: PeopleService) {}

  @Get('me')
  @ApiOkResponse({ schema: openApiSchema(UserView) })
  me(@CurrentUser() caller: AuthenticatedUser): Promise<UserView> {
    return this.people.getUser(caller, caller.id);
  }

  @Post('users')
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(CreateUserRequest) })
  @ApiCreatedResponse({ schema: openApiSchema(UserView) })
  createUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new JsonSchemaPipe(CreateUserRequest)) body: CreateUserRequest,
  ): Promise<UserView> {
    return this.people.createUser(caller, body);
  }

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
}
