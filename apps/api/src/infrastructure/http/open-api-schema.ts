import type { ApiBodyOptions } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';

// @nestjs/swagger does not export its SchemaObject type from the package root.
type SchemaObject = NonNullable<Extract<ApiBodyOptions, { schema?: unknown }>['schema']>;

/**
 * A contracts (TypeBox) schema as an OpenAPI schema object for @nestjs/swagger's decorators. The JSON
 * round trip drops TypeBox's symbol keys; the cast bridges OpenAPI 3.0's typing of a few keywords.
 */
export function openApiSchema(schema: TSchema): SchemaObject {
  return JSON.parse(JSON.stringify(schema)) as SchemaObject;
}
