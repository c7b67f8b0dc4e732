import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { RequestValidationException } from './app.exception';
import { bodyRuleBreach } from './request-body-rules';

/**
 * Applies the request body rule (`bodyRuleBreach`) to every route's body before any handler sees it: a body
 * the stores behind the API could not hold is a 400 with a path here, never a 500 or a stuck workflow later.
 */
@Injectable()
export class RequestBodyRulesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { body } = context.switchToHttp().getRequest<FastifyRequest>();
    const breach = body === undefined ? null : bodyRuleBreach(body);
    if (breach) throw new RequestValidationException([breach]);
    return next.handle();
  }
}
