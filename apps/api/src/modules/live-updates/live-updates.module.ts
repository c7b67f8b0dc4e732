import { Module } from '@nestjs/common';
import { LiveUpdatesBus } from './live-updates-bus';
import { LiveUpdatesController } from './live-updates.controller';
import { LiveUpdatesService } from './live-updates.service';

/** `GET /api/stream`: what the projections announce, streamed to the people it concerns. */
@Module({ controllers: [LiveUpdatesController], providers: [LiveUpdatesBus, LiveUpdatesService] })
export class LiveUpdatesModule {}
