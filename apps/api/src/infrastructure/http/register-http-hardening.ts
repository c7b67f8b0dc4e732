import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '#api/config/app-config';

/**
 * Security headers for the API, the docs and the web app alike (one port, one Fastify), CORS only for
 * configured origins, cookies, and the login rate limit. Registered before any route so every route,
 * including static files and Swagger's, gets the headers.
 */
export async function registerHttpHardening(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyHelmet, {
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
        // Scripts only from our own files: the Vite build and Swagger UI both load theirs from files.
        scriptSrc: ["'self'"],
        // Swagger UI and React style attributes need inline styles; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(config.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
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
