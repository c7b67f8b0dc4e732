import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The API's OpenAPI document, read from the controllers' decorators: served at /api/openapi.json and
 *  written by `cli/write-openapi` for the web app's generated client. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Coachflow API')
      .setDescription('Sales coaching as durable, auditable workflows.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}
