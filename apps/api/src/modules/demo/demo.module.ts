import { Module } from '@nestjs/common';
import { ConfigurationModule } from '#api/modules/configuration/configuration.module';
import { PeopleModule } from '#api/modules/people/people.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [PeopleModule, ConfigurationModule], providers: [DemoSeedService] })
export class DemoModule {}
