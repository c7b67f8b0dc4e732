import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '#api/infrastructure/auth/public.decorator';
import { devMailPage } from './dev-mail-page';
import { MailCatcherService } from './mail-catcher.service';

/**
 * /dev/mail: what the development mail catcher received. Registered only outside production and only when
 * the catcher runs (see AppModule), on a stack that listens on this machine; not part of the API document.
 */
@ApiExcludeController()
@Controller('dev/mail')
export class DevMailController {
  constructor(private readonly catcher: MailCatcherService) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    return devMailPage(this.catcher.mails());
  }
}
