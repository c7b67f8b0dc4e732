import { ListTeamQuery, type Page, pageSchema, TeamMemberView } from '@coachflow/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { TeamService } from './team.service';

@ApiTags('team')
@ApiBearerAuth()
@Controller('api/team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  /** Managers see their direct reports, leaders their subtree, admins everyone; reps get 403. */
  @Get()
  @ApiQuery({ name: 'managerId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(pageSchema(TeamMemberView)) })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Query(new JsonSchemaPipe(ListTeamQuery)) query: ListTeamQuery,
  ): Promise<Page<TeamMemberView>> {
    return this.team.list(
      caller,
      { ...(query.managerId ? { managerId: query.managerId } : {}) },
      parsePageQuery(query),
    );
  }
}
