import { LiveUpdateData } from '@coachflow/contracts';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { LiveUpdatesService, parseLastEventId } from './live-updates.service';

@ApiTags('live updates')
@ApiBearerAuth()
@Controller('api/stream')
export class LiveUpdatesController {
  constructor(private readonly liveUpdates: LiveUpdatesService) {}

  @Get()
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last message received: the stream first sends what came after it.',
  })
  @ApiOkResponse({
    description:
      'Server-sent events about what changed for the caller. Each message: `id:` the global position of ' +
      'the event, `event:` task | notification | cycle, `data:` the JSON of the schema below (a `task` ' +
      "message to the task's assignee carries the task's summary). A `: heartbeat` comment every 15 s; " +
      'the stream ends when the session does, or after one access-token lifetime (reconnect with a fresh ' +
      'token and Last-Event-ID).',
    content: { 'text/event-stream': { schema: openApiSchema(LiveUpdateData) } },
  })
  async stream(
    @CurrentUser() caller: AuthenticatedUser,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.liveUpdates.open(caller, parseLastEventId(lastEventId), reply);
  }
}
