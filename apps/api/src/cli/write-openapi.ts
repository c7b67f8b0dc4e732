import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '#api/app.module';
import { loadAppConfig } from '#api/config/app-config';
import { openApiDocument } from '#api/infrastructure/http/open-api-document';

/**
 * Prints the OpenAPI document without a database or Temporal: Nest's preview mode reads the module graph
 * and the controllers' decorators but instantiates no provider, so nothing connects anywhere.
 */
async function main(): Promise<void> {
  const config = loadAppConfig({ DATABASE_URL: 'postgres://preview.invalid/none', SEED_DEMO: 'false' });
  const app = await NestFactory.create(AppModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  process.stdout.write(`${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
