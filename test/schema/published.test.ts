import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { emitSchemas, serialiseSchema } from '../../src/schema/emit.js';
import { BASE } from '../harness.js';

const SCHEMAS = path.join(import.meta.dirname, '../../schemas');

describe('published schemas', () => {
  it('are exactly what the definitions emit (run `npm run build && npm run schemas` after changing them)', () => {
    const emitted = emitSchemas();
    expect(readdirSync(SCHEMAS).sort()).toEqual(Object.keys(emitted).sort());
    for (const [name, schema] of Object.entries(emitted)) {
      expect(readFileSync(path.join(SCHEMAS, name), 'utf8'), name).toBe(serialiseSchema(schema));
    }
  });

  it('work on their own, as an editor or another tool loads them from disk', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    for (const name of readdirSync(SCHEMAS)) ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8')), name);
    const file = ajv.getSchema('qingdan-file.schema.json')!;
    for (const name of ['departments.yaml', 'laws.yaml', 'powers.yaml', 'responsibilities.yaml', 'flows.yaml']) {
      expect(file(parse(readFileSync(path.join(BASE, name), 'utf8'))), name).toBe(true);
    }
    expect(file({ powers: [{ code: 'x' }] })).toBe(false);
    expect(ajv.getSchema('qingdan-config.schema.json')!(parse(readFileSync(path.join(BASE, 'qingdan.yaml'), 'utf8')))).toBe(true);
  });

  it('give every field a bilingual title and description for editors', () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.properties) {
        for (const [key, child] of Object.entries(schema.properties as Record<string, Record<string, unknown>>)) {
          const target = child.$ref ? undefined : child;
          if (target && (!target.title || !target.description)) missing.push(`${where}.${key}`);
          walk(child, `${where}.${key}`);
        }
      }
      for (const key of ['items', 'then', 'else', 'additionalProperties']) walk(schema[key], `${where}.${key}`);
      if (Array.isArray(schema.anyOf)) schema.anyOf.forEach((branch, i) => walk(branch, `${where}.anyOf${i}`));
    };
    for (const [name, schema] of Object.entries(emitSchemas())) walk(schema, name);
    // Step ids in `next`/`branches.to` and list items are described by their parent field.
    expect(missing.filter((m) => !/\.(to|with)$/.test(m))).toEqual([]);
  });
});
