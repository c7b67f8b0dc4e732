import { RubricBody, RubricView } from '@coachflow/contracts';
import { Controller } from '@nestjs/common';
import { configurationController } from './configuration.controller';

@Controller('api/rubrics')
export class RubricsController extends configurationController('rubric', 'rubrics', RubricBody, RubricView) {}
