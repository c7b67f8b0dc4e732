import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { ConfigurationService } from '#api/modules/configuration/configuration.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { PeopleService } from '#api/modules/people/people.service';
import { DEMO_RUBRIC, demoMinutesPlaybook, demoPlaybook } from './demo-configuration';
import { DemoCyclesService } from './demo-cycles.service';
import { DEMO_ORGANISATION, DEMO_PASSWORD } from './demo-organisation';

// Any fixed key: API processes starting together queue here and only the first one seeds.
const SEED_LOCK_KEY = 7_341_902_119;

/** Creates the demo organisation on start-up when the database is empty (never in production). */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly configuration: ConfigurationService,
    private readonly demoCycles: DemoCyclesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
      if ((await this.people.countOrganisations()) > 0) return;
      const { people, playbookId } = await this.seed();
      this.logger.log(`seeded the demo organisation (${DEMO_ORGANISATION.admin.email} / ${DEMO_PASSWORD})`);
      // In the background: the cycles move forward as the worker (maybe still starting) opens their tasks.
      void this.demoCycles
        .play(people, playbookId)
        .catch((error: Error) => this.logger.warn(`the demo cycles stopped: ${error.message}`));
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]).catch(() => undefined);
      await lock.release();
    }
  }

  // Through the same service calls as the HTTP API, so the demo data obeys every rule real data does.
  private async seed(): Promise<{ people: Map<string, AuthenticatedUser>; playbookId: string }> {
    const organisation = await this.people.signUp({
      name: DEMO_ORGANISATION.name,
      admin: { ...DEMO_ORGANISATION.admin, password: DEMO_PASSWORD },
    });
    const [admin] = await this.people.findLoginCandidates(DEMO_ORGANISATION.admin.email, organisation.id);
    if (!admin) throw new Error('the demo admin vanished while seeding');
    const caller: AuthenticatedUser = {
      id: admin.id,
      organisationId: organisation.id,
      role: 'admin',
      managerId: null,
    };
    const people = new Map<string, AuthenticatedUser>();
    for (const person of DEMO_ORGANISATION.people) {
      const managerId =
        'reportsTo' in person && person.reportsTo ? (people.get(person.reportsTo)?.id ?? null) : null;
      const user = await this.people.createUser(caller, { ...person, password: DEMO_PASSWORD, managerId });
      people.set(user.email, { id: user.id, organisationId: organisation.id, role: user.role, managerId });
    }
    // Sign-up gave the organisation its default forms; the rubric and playbook go through the same rules.
    const { view: rubric } = await this.configuration.create(caller, 'rubric', DEMO_RUBRIC);
    await this.configuration.publish(caller, 'rubric', rubric.id);
    const { view: playbook } = await this.configuration.create(caller, 'playbook', demoPlaybook(rubric.id));
    await this.configuration.publish(caller, 'playbook', playbook.id);
    const { view: demo } = await this.configuration.create(
      caller,
      'playbook',
      demoMinutesPlaybook(rubric.id),
    );
    await this.configuration.publish(caller, 'playbook', demo.id);
    return { people, playbookId: demo.id };
  }
}
