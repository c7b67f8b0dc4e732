import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { registerOversizeBodyDrain } from './infrastructure/http/drain-oversize-body';
import { openApiDocument } from './infrastructure/http/open-api-document';
import { ProblemDetailsFilter } from './infrastructure/http/problem-details.filter';
import { registerHttpHardening } from './infrastructure/http/register-http-hardening';
import { registerRequestBodyRules } from './infrastructure/http/register-request-body-rules';
import { serveWebAppPages } from './infrastructure/http/serve-web-app';

/** The built web app next to the API in this repository (apps/web/dist), unless WEB_DIST_DIR says otherwise. */
const DEFAULT_WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

/** Builds the API application for `config`, ready to `listen`: used by main.ts and by tests alike. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: config.trustProxy });
  // No Nest body parsers: Fastify's own JSON parser is the only one (see registerHttpHardening), so a
  // form or plain-text body, which any page can post cross-site, answers 415 instead of being read.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  await registerHttpHardening(app, config);
  registerOversizeBodyDrain(app);
  registerRequestBodyRules(app);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/openapi.json' });

  const webDist = config.webDistDir ?? DEFAULT_WEB_DIST;
  if (existsSync(join(webDist, 'index.html'))) {
    app.useStaticAssets({ root: webDist, prefix: '/', wildcard: false });
    serveWebAppPages(app.getHttpAdapter().getInstance(), webDist);
  } else {
    app.get(Logger).warn(`no built web app at ${webDist}: serving the API only`);
  }
  return app;
}
