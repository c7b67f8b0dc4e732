import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseModule } from './infrastructure/database/database.module';
import { TemporalModule } from './infrastructure/temporal/temporal.module';
import { AccessModule } from './modules/access/access.module';
import { AuditModule } from './modules/audit/audit.module';
import { ConfigurationModule } from './modules/configuration/configuration.module';
import { CyclesModule } from './modules/cycles/cycles.module';
import { DevMailModule } from './modules/dev-mail/dev-mail.module';
import { DeliveriesModule } from './modules/deliveries/deliveries.module';
import { CycleStaffingModule } from './modules/cycles/staffing/cycle-staffing.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { LiveUpdatesModule } from './modules/live-updates/live-updates.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PeopleModule } from './modules/people/people.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { TeamModule } from './modules/team/team.module';

@Module({})
export class AppModule {
  /** The whole API for one configuration (tests pass their own; main.ts reads the environment). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // A request line says what happened, not who: no headers (tokens, cookies) and no bodies.
            serializers: {
              req: (request: { id: unknown; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (request) => request.url === '/health' },
            // Loggers bound to the request id alone: the request is serialised when its line is written (never
            // below the level), not into a child logger for every request.
            quietReqLogger: true,
            quietResLogger: true,
            customSuccessObject: (request, _response, line: object) => ({ req: request, ...line }),
            customErrorObject: (request, _response, _error, line: object) => ({ req: request, ...line }),
            transport: config.production
              ? undefined
              : { target: 'pino-pretty', options: { singleLine: true } },
          },
        }),
        DatabaseModule,
        TemporalModule,
        HealthModule,
        AccessModule,
        AuditModule,
        PeopleModule,
        CycleStaffingModule,
        ConfigurationModule,
        CyclesModule,
        TasksModule,
        NotificationsModule,
        DeliveriesModule,
        LiveUpdatesModule,
        TeamModule,
        DemoModule,
        // Development only: loadAppConfig refuses MAIL_CATCHER_PORT in production.
        ...(config.mailCatcherPort && !config.production ? [DevMailModule] : []),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
