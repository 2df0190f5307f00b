// Reference docs generated from the code that defines them: the rule registry and the schemas.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { allRules } from '../rules/index.js';
import { ruleDescription } from '../i18n/index.js';
import * as zh from '../i18n/zh-CN.js';
import * as en from '../i18n/en.js';
import { emitSchemas, sectionSchemaFile } from '../schema/emit.js';
import { SECTION_NAMES } from '../schema/definitions.js';
import { changeClasses } from '../diff/registry.js';
import { changes as zhChanges } from '../i18n/changes-zh-CN.js';
import { changes as enChanges } from '../i18n/changes-en.js';
import { divergenceClasses } from '../compare/registry.js';
import { standards as zhStandards } from '../i18n/standards-zh-CN.js';
import { standards as enStandards } from '../i18n/standards-en.js';
import type { RuleMessages } from '../i18n/types.js';

export const TEMPLATES = new URL('../../templates/', import.meta.url);

function template(name: string): HandlebarsTemplateDelegate {
  return Handlebars.compile(readFileSync(new URL(name, TEMPLATES), 'utf8'), { noEscape: true });
}

const STAGE_TITLES: Record<string, string> = { file: '读取与解析 / Reading and parsing', schema: '格式（JSON Schema）/ Schema', catalogue: '跨文件规则 / Catalogue rules' };

/** Markdown table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

interface ClassDoc {
  id: string;
  level: string;
  messages: readonly string[];
}

/** Change classes (diff) and divergence classes (compare) are documented alike: levels, descriptions, messages. */
function classesDoc(list: readonly ClassDoc[], zhTable: RuleMessages, enTable: RuleMessages, notes: Record<string, string>): Array<Record<string, unknown>> {
  return list.map((c) => ({
    id: c.id,
    anchor: c.id.replace(/[^a-z0-9]+/g, ''),
    level: c.level,
    note: notes[c.id] ?? '',
    zh: cell(zhTable[c.id]?.description ?? ''),
    en: cell(enTable[c.id]?.description ?? ''),
    messages: c.messages.map((id) => ({ id, zh: cell(zhTable[c.id]?.messages[id] ?? ''), en: cell(enTable[c.id]?.messages[id] ?? '') })),
  }));
}

export function renderChangesDoc(): string {
  const classes = classesDoc(changeClasses, zhChanges, enChanges, { 'power/added': 'breaking without `justification`' });
  return template('docs/changes.md.hbs')({ classes, count: classes.length });
}

export function renderStandardsDoc(): string {
  const notes = {
    'standard/name': 'info when only widths, spaces or 《》 differ',
    'standard/material-extra': 'notice for an optional material',
    'standard/time': 'info (better) when shorter',
    'standard/visits': 'info (better) when fewer',
    'standard/fees': 'notice for another standard; info (better) when not charged',
    'standard/online': 'info (better) for steps beyond the reference',
  };
  const classes = classesDoc(divergenceClasses, zhStandards, enStandards, notes);
  return template('docs/standards.md.hbs')({ classes, count: classes.length });
}

export function renderRulesDoc(): string {
  const groups = (['file', 'schema', 'catalogue'] as const).map((stage) => ({
    title: STAGE_TITLES[stage],
    rules: allRules
      .filter((rule) => rule.stage === stage)
      .map((rule) => ({
        id: rule.id,
        anchor: rule.id.replace(/[^a-z0-9]+/g, ''),
        severity: rule.severity,
        zh: ruleDescription('zh-CN', rule.id),
        en: ruleDescription('en', rule.id),
        messages: rule.messages.map((id) => ({ id, zh: cell(zh.rules[rule.id]?.messages[id] ?? ''), en: cell(en.rules[rule.id]?.messages[id] ?? '') })),
      })),
  }));
  return template('docs/rules.md.hbs')({ groups, count: allRules.length });
}

interface FieldRow {
  name: string;
  type: string;
  required: string;
  zh: string;
  en: string;
}

interface Table {
  title: string;
  rows: FieldRow[];
}

type Schema = Record<string, unknown>;

function typeOf(schema: Schema): string {
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).map((v) => `\`${v}\``).join(' \\| ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(typeOf).join(' \\| ');
  if ('const' in schema) return `\`${String(schema.const)}\``;
  if (schema.type === 'array') return `list of ${typeOf((schema.items ?? {}) as Schema)}`;
  if (schema.format === 'date') return 'date (YYYY-MM-DD)';
  if (schema.format === 'uri') return 'URL';
  if (schema.type === 'object' && schema.title) return String(schema.title).replace(/^.*\((.*)\)$/, '$1');
  return String(schema.type ?? 'any');
}

function titles(schema: Schema): { zh: string; en: string } {
  const title = String(schema.title ?? '');
  const match = /^(.*) \((.*)\)$/.exec(title);
  const description = String(schema.description ?? '');
  const detail = /：(.*?)\n\n.*: (.*)$/s.exec(description);
  return {
    zh: cell((match?.[1] ?? title) + (detail ? `：${detail[1]}` : '')),
    en: cell((match?.[2] ?? title) + (detail ? `: ${detail[2]}` : '')),
  };
}

/** One table per object in the schema, nested objects and list items getting tables of their own. */
function tablesOf(schema: Schema, title: string, out: Table[]): void {
  const target = (schema.then ?? schema) as Schema;
  if (schema.then && schema.else) {
    tablesOf(schema.then as Schema, `${title} — per power 按事项`, out);
    tablesOf(schema.else as Schema, `${title} — per department 按部门`, out);
    return;
  }
  const properties = (target.properties ?? {}) as Record<string, Schema>;
  const required = new Set((target.required ?? []) as string[]);
  const rows: FieldRow[] = [];
  const nested: Array<[Schema, string]> = [];
  for (const [name, property] of Object.entries(properties)) {
    rows.push({ name, type: typeOf(property), required: required.has(name) ? '✔' : '', ...titles(property) });
    const items = property.type === 'array' ? (property.items as Schema) : undefined;
    if (property.type === 'object' && property.properties) nested.push([property, `${title}.${name}`]);
    else if (items && (items.properties || items.then)) nested.push([items, `${title}.${name}[]`]);
  }
  if ((target.patternProperties as Record<string, unknown> | undefined)?.['^x-']) {
    rows.push({ name: 'x-…', type: 'any', required: '', zh: '扩展字段：保留但不检查，如导入时无法对应的列', en: 'extension field: kept, never checked, e.g. a column an import could not map' });
  }
  out.push({ title, rows });
  for (const [child, childTitle] of nested) tablesOf(child, childTitle, out);
}

export function renderFormatDoc(): string {
  const schemas = emitSchemas();
  const sections = SECTION_NAMES.map((section) => {
    const schema = schemas[sectionSchemaFile(section)]!;
    const tables: Table[] = [];
    tablesOf(schema.items as Schema, `${section}[]`, tables);
    return { name: section, file: sectionSchemaFile(section), ...titles(schema), tables };
  });
  const config: Table[] = [];
  tablesOf(schemas['qingdan-config.schema.json']!, 'qingdan.yaml', config);
  return template('docs/format.md.hbs')({ sections, config });
}

/** The sample report in docs/examples/compare-report.md: qingdan compare on test/fixtures/compare, in English. */
export async function renderCompareExample(root: string): Promise<string> {
  const { compareCatalogues } = await import('../compare/compare.js');
  const { compareFormatters } = await import('../report/compare/index.js');
  const roots = ['reference', 'county-a', 'county-b', 'county-c'].map((office) => `${root}/test/fixtures/compare/${office}`);
  const result = await compareCatalogues(roots, root, { reference: true, locale: 'en', workers: 0 });
  return compareFormatters.markdown!({ ...result, color: false, toolVersion: '', failOn: 'breaking' });
}
