import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CycleEntity } from '#api/modules/cycles/entities/cycle.entity';
import { StaffingChanges } from '#api/modules/people/staffing-changes';
import { CycleStaffingService } from './cycle-staffing.service';

/**
 * The cycles' side of staffing changes, provided globally as the people module's `StaffingChanges` port:
 * people calls it without importing the cycles module (which imports people).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CycleEntity])],
  providers: [CycleStaffingService, { provide: StaffingChanges, useExisting: CycleStaffingService }],
  exports: [StaffingChanges],
})
export class CycleStaffingModule {}
