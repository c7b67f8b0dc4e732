import { Module } from '@nestjs/common';
import { ConfigurationModule } from '#api/modules/configuration/configuration.module';
import { CyclesModule } from '#api/modules/cycles/cycles.module';
import { PeopleModule } from '#api/modules/people/people.module';
import { TasksModule } from '#api/modules/tasks/tasks.module';
import { DemoCyclesService } from './demo-cycles.service';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [PeopleModule, ConfigurationModule, CyclesModule, TasksModule],
  providers: [DemoSeedService, DemoCyclesService],
})
export class DemoModule {}
