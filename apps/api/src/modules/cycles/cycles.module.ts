import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '#api/modules/people/people.module';
import { StartCycleHandler } from './commands/start-cycle/start-cycle.handler';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { CycleEntity } from './entities/cycle.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CycleEntity]), PeopleModule],
  controllers: [CyclesController],
  providers: [StartCycleHandler, CyclesService],
})
export class CyclesModule {}
