// The mapping file (--map mapping.yaml): what a spreadsheet's own column names, sheet names and values mean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ToolError } from '../i18n/tools.js';
import { TABLES, TABLE_KINDS, type TableKind } from '../tables/columns.js';
import { VALUE_LABELS, type LabelTable } from '../tables/values.js';
import type { TimeUnit } from '../schema/definitions.js';

export interface Mapping {
  /** Sheet name (or CSV file name without extension) → table kind. */
  sheets: Record<string, TableKind>;
  /** 1-based row of the header, when it cannot be found by itself. */
  headerRow?: number;
  /** Column header → field (`time_limit.promised`), `x-name` (kept as is) or `ignore`. */
  columns: Record<string, string>;
  /** Per value table (category, level, …; department and law for references): cell text → slug or id. */
  values: Partial<Record<LabelTable | 'department' | 'law', Record<string, string>>>;
  defaults: { department?: string; level?: string; unit?: TimeUnit; category?: string };
}

export const EMPTY_MAPPING: Mapping = { sheets: {}, columns: {}, values: {}, defaults: {} };

const KNOWN_FIELDS = new Set(TABLE_KINDS.flatMap((kind) => TABLES[kind].columns.map((c) => c.field)));

export function loadMapping(file: string, cwd: string): Mapping {
  let data: unknown;
  try {
    data = parse(readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new ToolError('import-bad-mapping', { file, detail: (error as Error).message.split('\n')[0] ?? '' });
  }
  const fail = (detail: string): never => {
    throw new ToolError('import-bad-mapping', { file, detail });
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('sheets, header_row, columns, values, defaults');
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!['sheets', 'header_row', 'columns', 'values', 'defaults'].includes(key)) fail(`${key}: sheets, header_row, columns, values, defaults`);
  const strings = (value: unknown, where: string): Record<string, string> => {
    if (value === undefined) return {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) fail(`${where}: a mapping of text to text`);
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(value as object)) {
      if (typeof item !== 'string' && typeof item !== 'number') fail(`${where}.${key}`);
      out[key] = String(item);
    }
    return out;
  };
  const sheets = strings(record.sheets, 'sheets');
  for (const [sheet, kind] of Object.entries(sheets)) if (!(TABLE_KINDS as readonly string[]).includes(kind)) fail(`sheets.${sheet}: ${TABLE_KINDS.join(', ')}`);
  const columns = strings(record.columns, 'columns');
  for (const [header, field] of Object.entries(columns)) {
    if (field !== 'ignore' && !field.startsWith('x-') && !KNOWN_FIELDS.has(field)) fail(`columns.${header}: ${field} — ${[...KNOWN_FIELDS].join(', ')}, x-…, ignore`);
  }
  const values: Mapping['values'] = {};
  const rawValues = record.values === undefined ? {} : record.values;
  if (!rawValues || typeof rawValues !== 'object' || Array.isArray(rawValues)) fail('values');
  for (const [table, entries] of Object.entries(rawValues as object)) {
    if (!(table in VALUE_LABELS) && table !== 'department' && table !== 'law') fail(`values.${table}: ${[...Object.keys(VALUE_LABELS), 'department', 'law'].join(', ')}`);
    values[table as LabelTable] = strings(entries, `values.${table}`);
  }
  const defaults = strings(record.defaults, 'defaults');
  for (const key of Object.keys(defaults)) if (!['department', 'level', 'unit', 'category'].includes(key)) fail(`defaults.${key}: department, level, unit, category`);
  const headerRow = record.header_row;
  if (headerRow !== undefined && (typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 1)) fail('header_row: 1, 2, …');
  return { sheets: sheets as Record<string, TableKind>, columns, values, defaults: defaults as Mapping['defaults'], ...(typeof headerRow === 'number' ? { headerRow } : {}) };
}
