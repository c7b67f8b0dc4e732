import { OrganisationView, SignUpRequest } from '@coachflow/contracts';
import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { Public } from '#api/infrastructure/auth/public.decorator';
import { PeopleErrorCode, PeopleException } from './people.exception';
import { PeopleService } from './people.service';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';

@ApiTags('people')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(
    private readonly people: PeopleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Self-service sign-up of a tenant with its first admin; in production only with ALLOW_SIGNUP=true. */
  @Public()
  @Post()
  @ApiBody({ schema: openApiSchema(SignUpRequest) })
  @ApiCreatedResponse({ schema: openApiSchema(OrganisationView) })
  signUp(@Body(new JsonSchemaPipe(SignUpRequest)) body: SignUpRequest): Promise<OrganisationView> {
    if (!this.config.allowSignup)
      throw new PeopleException(PeopleErrorCode.SignupClosed, 'Sign-up is closed on this server.');
    return this.people.signUp(body);
  }
}
