import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestValidationException } from './app.exception';
import { bodyRuleBreach } from './request-body-rules';

/**
 * Applies the request body rule (`bodyRuleBreach`) to every route's body as soon as it is parsed, before
 * any guard, pipe or handler sees it: a body the stores behind the API could not hold is a 400 with a path
 * here (mapped by the problem-details filter, Fastify's error handler), never a 500 or a stuck workflow
 * later. A Fastify hook rather than a Nest interceptor, which would put every request through rxjs.
 */
export function registerRequestBodyRules(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', (request, _reply, done) => {
      const breach = request.body === undefined ? null : bodyRuleBreach(request.body);
      done(breach ? new RequestValidationException([breach]) : undefined);
    });
}
