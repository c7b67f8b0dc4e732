import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CycleEntity } from '#api/modules/cycles/entities/cycle.entity';
import { CycleStaffingService } from './cycle-staffing.service';

/**
 * Staffing changes for running cycles, in a module of its own so the people module can import it without
 * importing the cycles module (which imports people).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CycleEntity])],
  providers: [CycleStaffingService],
  exports: [CycleStaffingService],
})
export class CycleStaffingModule {}
