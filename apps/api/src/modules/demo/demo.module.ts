import { Module } from '@nestjs/common';
import { PeopleModule } from '#api/modules/people/people.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [PeopleModule], providers: [DemoSeedService] })
export class DemoModule {}
