import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '#api/modules/access/access.module';
import { PeopleModule } from '#api/modules/people/people.module';
import { CancelCycleHandler } from './commands/cancel-cycle/cancel-cycle.handler';
import { StartCycleHandler } from './commands/start-cycle/start-cycle.handler';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { CycleEntity } from './entities/cycle.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CycleEntity]), PeopleModule, AccessModule],
  controllers: [CyclesController],
  providers: [StartCycleHandler, CancelCycleHandler, CyclesService],
  exports: [CyclesService, StartCycleHandler],
})
export class CyclesModule {}
