import { type CaughtMail, type MailCatcher, startMailCatcher } from '@coachflow/dev-stack';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';

/** Mail kept for /dev/mail; older mail is dropped. */
const KEEP = 200;

/** The development mail catcher: an SMTP server inside the API process, on MAIL_CATCHER_PORT. */
@Injectable()
export class MailCatcherService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailCatcherService.name);
  private catcher: MailCatcher | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.catcher = await startMailCatcher({ port: this.config.mailCatcherPort!, keep: KEEP });
    this.logger.log(`mail catcher listening on ${this.catcher.url}; caught mail at /dev/mail`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.catcher?.close();
  }

  /** Newest first. */
  mails(): CaughtMail[] {
    return [...(this.catcher?.mails ?? [])].reverse();
  }
}
