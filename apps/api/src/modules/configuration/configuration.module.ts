import { Module } from '@nestjs/common';
import { ConfigurationService } from './configuration.service';
import { ConfigurationValidator } from './configuration-validator';
import { FormsController } from './forms.controller';
import { PlaybookBundleService } from './playbook-bundle.service';
import { PlaybooksController } from './playbooks.controller';
import { RubricsController } from './rubrics.controller';

/** Rubrics, forms and playbooks: versioned, validated, event-sourced configuration. */
@Module({
  controllers: [RubricsController, FormsController, PlaybooksController],
  providers: [ConfigurationService, ConfigurationValidator, PlaybookBundleService],
  exports: [ConfigurationService],
})
export class ConfigurationModule {}
