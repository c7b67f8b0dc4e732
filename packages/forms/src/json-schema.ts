/** A JSON Schema document or sub-schema, as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

export function isJsonObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `properties` of an object schema (empty when it has none). */
export function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema['properties'];
  if (!isJsonObject(properties)) return {};
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => isJsonObject(value))) as Record<
    string,
    JsonSchema
  >;
}

export function requiredOf(schema: JsonSchema): string[] {
  const required = schema['required'];
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}
