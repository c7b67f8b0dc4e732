import { Module } from '@nestjs/common';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';

/** The team page's read model: reps in reach and where their coaching stands. */
@Module({ controllers: [TeamController], providers: [TeamService] })
export class TeamModule {}
