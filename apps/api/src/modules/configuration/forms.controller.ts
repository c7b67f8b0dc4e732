import { FormBody, FormView } from '@coachflow/contracts';
import { Controller } from '@nestjs/common';
import { configurationController } from './configuration.controller';

@Controller('api/forms')
export class FormsController extends configurationController('form', 'forms', FormBody, FormView) {}
