import { HealthView } from '@coachflow/contracts';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '#api/infrastructure/auth/public.decorator';
import { HealthService } from './health.service';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({
    schema: openApiSchema(HealthView),
    description: 'Every dependency answers and every projection moves; `degraded` when events are parked.',
  })
  @ApiServiceUnavailableResponse({
    schema: openApiSchema(HealthView),
    description: 'A dependency is down or a projection is stalled; `checks` and `problems` name it.',
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const result = await this.health.check();
    if (result.status === 'error') void reply.status(503);
    return result;
  }
}
