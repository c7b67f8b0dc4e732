import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#api/config/app-config';
import { postgresRateLimitStore } from './postgres-rate-limit-store';
import { securityHeaders } from './security-headers';

/**
 * Security headers for the API, the docs and the web app alike (one port, one Fastify), JSON as the only
 * request body, CORS only for configured origins, cookies, and the login rate limit. Registered before any
 * route so every route, including static files and Swagger's, gets the headers.
 */
export async function registerHttpHardening(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // Fastify parses JSON and plain text out of the box (Nest's parsers are off, see createApp). Without the
  // plain-text parser every body that is not JSON is a 415, and no cross-site form can post one: a form
  // can send only urlencoded, multipart or plain text.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  const headers = Object.entries(
    await securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          // Scripts only from our own files: the Vite build and Swagger UI both load theirs from files. Forms are
          // JSON Schemas known only at run time, and ajv (rjsf's validator and packages/forms, the same checks
          // the API runs) validates by compiling each schema to a function: that needs 'unsafe-eval'.
          scriptSrc: ["'self'", "'unsafe-eval'"],
          // Swagger UI and React style attributes need inline styles; styles cannot run code.
          styleSrc: ["'self'", "'unsafe-inline'"],
          ...(config.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      hsts: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  // On the raw response, as helmet sets them: they stay on error answers and on hijacked streams.
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(fastifyCookie);
  // Closed by default: without CORS_ORIGINS no browser on another origin may read an answer.
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true, maxAge: 600 });
  }
  await app.register(fastifyRateLimit, {
    global: false,
    max: config.loginAttemptsPerMinute,
    timeWindow: 60_000,
    // Counted in Postgres, so the limit holds across every API process, not per process.
    store: postgresRateLimitStore(app.get(DataSource)),
    // After the body is parsed, so the limit counts per email and address: one attacker cannot lock
    // everyone out of one address (an office behind NAT), nor try one account from many requests.
    hook: 'preHandler',
    keyGenerator: loginKey,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many sign-in attempts; try again in ${context.after}.`), {
        statusCode: 429,
      }),
  });
}

function loginKey(request: FastifyRequest): string {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return `${request.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
}
