import { Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';
import { MailCatcherService } from './mail-catcher.service';

/** The development mail catcher and its page (MAIL_CATCHER_PORT; never in production). */
@Module({ controllers: [DevMailController], providers: [MailCatcherService] })
export class DevMailModule {}
