// Builds the published JSON Schema documents (schemas/*.json) from the definitions, one per section plus whole-file and config.
import { Config, SECTION_NAMES, sectionSchemas, type SectionName } from './definitions.js';

export const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
export const FILE_SCHEMA = 'qingdan-file.schema.json';
export const CONFIG_SCHEMA = 'qingdan-config.schema.json';

export function sectionSchemaFile(section: SectionName): string {
  return `${section}.schema.json`;
}

/** A plain JSON copy: drops TypeBox's symbol keys so the result is exactly what is written to disk. */
function plain(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * Every published schema by file name. Files refer to each other by relative name and carry no `$id`,
 * so the YAML language server resolves them next to each other on disk and never tries the network.
 */
export function emitSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const section of SECTION_NAMES) {
    out[sectionSchemaFile(section)] = { $schema: DRAFT, ...plain(sectionSchemas[section]) };
  }
  const sectionRefs: Record<string, unknown> = {};
  for (const section of SECTION_NAMES) sectionRefs[section] = { $ref: sectionSchemaFile(section) };
  out[FILE_SCHEMA] = {
    $schema: DRAFT,
    title: 'qingdan 清单文件 (catalogue file)',
    description:
      '一个清单文件可包含 departments、laws、powers、responsibilities、flows 中的一个或多个部分。\n\nA catalogue file holds one or more of the sections departments, laws, powers, responsibilities, flows.',
    type: 'object',
    properties: sectionRefs,
    additionalProperties: false,
  };
  out[CONFIG_SCHEMA] = { $schema: DRAFT, ...plain(Config) };
  return out;
}

/** Serialised the way the files in schemas/ are written, so a test can compare bytes. */
export function serialiseSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
