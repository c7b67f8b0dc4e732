import { LoginRequest, LoginResponse } from '@coachflow/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { PeopleService, toUserView } from '#api/modules/people/people.service';
import { PasswordHasher } from './password-hasher';
import { Public } from './public.decorator';
import { TokenService } from './token.service';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly people: PeopleService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(LoginRequest) })
  @ApiOkResponse({ schema: openApiSchema(LoginResponse) })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the answer does not say which).' })
  async login(@Body(new JsonSchemaPipe(LoginRequest)) body: LoginRequest): Promise<LoginResponse> {
    const user = await this.people.findForLogin(body.email);
    const valid = await this.hasher.verify(user?.passwordHash, body.password);
    if (!user || !valid)
      throw new PeopleException(PeopleErrorCode.InvalidCredentials, 'Wrong email or password.');
    const token = await this.tokens.sign({ sub: user.id, org: user.organisationId, role: user.role });
    return { token, user: toUserView(user) };
  }
}
