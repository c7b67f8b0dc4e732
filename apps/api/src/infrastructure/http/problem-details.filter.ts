import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@coachflow/contracts';
import { EventStoreErrorCode, EventStoreException } from '@coachflow/event-store';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppException } from './app.exception';

const TYPE_BASE = 'https://coachflow.dev/problems/';

/** However many errors a check found, an answer names at most this many: its size stays bounded. */
export const MAX_REPORTED_ERRORS = 20;

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Maps every error to `application/problem+json`, in this one place; internals never reach the body. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof AppException) {
      return {
        ...problem(exception.status, exception.slug, exception.message, exception.errors),
        ...exception.extensions,
      };
    }
    if (
      exception instanceof EventStoreException &&
      exception.code === EventStoreErrorCode.WrongExpectedVersion
    ) {
      return problem(409, 'wrong-version', 'The object changed since you read it; reload and try again.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return problem(status, slugOf(status), httpExceptionDetail(exception));
    }
    // Fastify's own errors (body too large, malformed JSON) carry a 4xx statusCode.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(status, slugOf(status), (exception as Error).message);
    }
    return problem(500, 'internal', 'Something went wrong on our side; it has been logged.');
  }
}

function problem(
  status: number,
  slug: string,
  detail: string,
  errors?: ProblemDetails['errors'],
): ProblemDetails {
  const body: ProblemDetails = {
    type: TYPE_BASE + slug,
    title: STATUS_TITLES[status] ?? 'Error',
    status,
    detail,
  };
  if (errors) body.errors = errors.slice(0, MAX_REPORTED_ERRORS);
  return body;
}

function slugOf(status: number): string {
  return (STATUS_TITLES[status] ?? 'error').toLowerCase().replace(/ /g, '-');
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
}
