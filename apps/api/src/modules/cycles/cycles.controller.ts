import {
  CancelCycleRequest,
  CycleEventView,
  CycleView,
  ListCyclesQuery,
  type Page,
  pageSchema,
  StartCycleRequest,
} from '@coachflow/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { Roles } from '#api/infrastructure/auth/roles.decorator';
import { CancelCycleHandler } from './commands/cancel-cycle/cancel-cycle.handler';
import { StartCycleHandler } from './commands/start-cycle/start-cycle.handler';
import { CyclesService } from './cycles.service';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/cycles')
export class CyclesController {
  constructor(
    private readonly startCycle: StartCycleHandler,
    private readonly cancelCycle: CancelCycleHandler,
    private readonly cycles: CyclesService,
  ) {}

  @Post()
  @Roles('admin', 'leader', 'manager')
  @ApiBody({ schema: openApiSchema(StartCycleRequest) })
  @ApiCreatedResponse({ schema: openApiSchema(CycleView) })
  @ApiConflictResponse({ description: 'The rep already has a running cycle.' })
  start(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new JsonSchemaPipe(StartCycleRequest)) body: StartCycleRequest,
  ): Promise<CycleView> {
    return this.startCycle.execute(caller, body);
  }

  @Get()
  @ApiQuery({ name: 'repId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['running', 'completed', 'cancelled'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(pageSchema(CycleView)) })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Query(new JsonSchemaPipe(ListCyclesQuery)) query: ListCyclesQuery,
  ): Promise<Page<CycleView>> {
    return this.cycles.listCycles(
      caller,
      { repId: query.repId, status: query.status },
      parsePageQuery(query),
    );
  }

  @Get(':id')
  @ApiOkResponse({ schema: openApiSchema(CycleView) })
  get(@CurrentUser() caller: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<CycleView> {
    return this.cycles.getCycle(caller, id);
  }

  @Get(':id/events')
  @ApiOkResponse({ schema: openApiSchema(Type.Object({ items: Type.Array(CycleEventView) })) })
  async events(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ items: CycleEventView[] }> {
    return { items: await this.cycles.getEvents(caller, id) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'leader', 'manager')
  @ApiBody({ schema: openApiSchema(CancelCycleRequest) })
  @ApiOkResponse({ schema: openApiSchema(CycleView), description: 'Cancelled: CycleCancelled is recorded.' })
  @ApiConflictResponse({ description: 'The cycle is no longer running.' })
  cancel(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new JsonSchemaPipe(CancelCycleRequest)) body: CancelCycleRequest,
  ): Promise<CycleView> {
    return this.cancelCycle.execute(caller, id, body.reason);
  }
}
