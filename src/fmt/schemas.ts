// The published JSON Schemas (schemas/*.json), read at run time for their field order; `$ref`s between files resolved.
import { readFileSync } from 'node:fs';
import type { FileKind } from './format.js';

export interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  required?: string[];
  $ref?: string;
  [key: string]: unknown;
}

// Both src/fmt/ (tests) and dist/fmt/ (the binary) are two levels below the package root, where schemas/ is.
const SCHEMAS = new URL('../../schemas/', import.meta.url);
const cache = new Map<string, JsonSchema>();

function load(name: string): JsonSchema {
  let schema = cache.get(name);
  if (!schema) {
    schema = resolve(JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8')) as JsonSchema);
    cache.set(name, schema);
  }
  return schema;
}

/** Replaces `{ $ref: "powers.schema.json" }` by that file's schema, everywhere below. */
function resolve(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string' && !schema.$ref.startsWith('#')) return load(schema.$ref);
  for (const [key, value] of Object.entries(schema)) {
    if (Array.isArray(value)) schema[key] = value.map((item) => (item && typeof item === 'object' ? resolve(item as JsonSchema) : item));
    else if (value && typeof value === 'object') schema[key] = resolve(value as JsonSchema);
  }
  return schema;
}

export function schemaFor(kind: FileKind): JsonSchema {
  return load(kind === 'config' ? 'qingdan-config.schema.json' : 'qingdan-file.schema.json');
}
