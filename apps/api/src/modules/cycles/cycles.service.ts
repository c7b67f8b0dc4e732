import type { CycleEventView, CycleView } from '@coachflow/contracts';
import { cycleStreamId } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EVENT_STORE } from '#api/infrastructure/database/database.module';
import type { AuthenticatedUser } from '#api/modules/people/auth/authenticated-user';
import { canSeeCycle } from './cycle-access';
import { toCycleView } from './cycle-view';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { CycleEntity } from './entities/cycle.entity';

/** Reads of cycles, scoped to the caller's organisation and reach. */
@Injectable()
export class CyclesService {
  constructor(
    @InjectRepository(CycleEntity) private readonly cycles: Repository<CycleEntity>,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async getCycle(caller: AuthenticatedUser, id: string): Promise<CycleView> {
    return toCycleView(await this.findVisible(caller, id));
  }

  async getEvents(caller: AuthenticatedUser, id: string): Promise<CycleEventView[]> {
    const cycle = await this.findVisible(caller, id);
    const events = await this.eventStore.readStream(cycleStreamId(cycle.id));
    return events.map((event) => ({
      position: event.globalPosition,
      version: event.streamVersion,
      type: event.type,
      data: event.data,
      recordedAt: event.recordedAt.toISOString(),
    }));
  }

  private async findVisible(caller: AuthenticatedUser, id: string): Promise<CycleEntity> {
    // Another organisation's cycle is "not found", never "forbidden": its existence is not ours to tell.
    const cycle = await this.cycles.findOneBy({ id, organisationId: caller.organisationId });
    if (!cycle) throw new CyclesException(CyclesErrorCode.CycleNotFound, 'No such cycle.');
    if (!canSeeCycle(caller, cycle))
      throw new CyclesException(CyclesErrorCode.NotAllowed, 'This cycle is not yours to see.');
    return cycle;
  }
}
