// The one ajv factory: compiles the published schemas, at build time into standalone code, or in process from source.
import { createHash } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { CONFIG_SCHEMA, FILE_SCHEMA, emitSchemas } from './emit.js';

function createAjv(forStandalone: boolean): Ajv2020 {
  // allErrors: every problem of a file in one pass; verbose: the failing schema, to word enum and union errors.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: forStandalone } });
  (addFormats as unknown as (ajv: Ajv2020, formats: string[]) => void)(ajv, ['date', 'uri']);
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  return ajv;
}

function compileAll(forStandalone: boolean): { ajv: Ajv2020; file: ValidateFunction; config: ValidateFunction } {
  const ajv = createAjv(forStandalone);
  for (const [name, schema] of Object.entries(emitSchemas())) ajv.addSchema(schema, name);
  return { ajv, file: ajv.getSchema(FILE_SCHEMA)!, config: ajv.getSchema(CONFIG_SCHEMA)! };
}

export function schemaHash(): string {
  return createHash('sha1').update(JSON.stringify(emitSchemas())).digest('hex');
}

export function compileValidators(): { file: ValidateFunction; config: ValidateFunction; schemaHash: string } {
  const { file, config } = compileAll(false);
  return { file, config, schemaHash: schemaHash() };
}

/** CommonJS source of both validators and the schemas' hash, written at build time next to the compiled code. */
export function standaloneValidators(): string {
  const { ajv } = compileAll(true);
  // A CommonJS module whose default export TypeScript and Node see differently.
  const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv2020, refs: Record<string, string>) => string;
  return `${standaloneCode(ajv, { file: FILE_SCHEMA, config: CONFIG_SCHEMA })}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash())};\n`;
}
