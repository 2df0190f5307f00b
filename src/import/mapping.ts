// The mapping file (--map mapping.yaml): what a spreadsheet's own column names, sheet names and values mean.
import path from 'node:path';
import { parseDocument } from 'yaml';
import { NOT_A_FILE, readRegularFile } from '../catalogue/source.js';
import { SourceMap, withLineFeeds } from '../catalogue/source-map.js';
import { decode } from '../catalogue/parse.js';
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

/** Reads a --map file; what is wrong in it is named at file:line:col, as validate names a catalogue's problems. */
export function loadMapping(file: string, cwd: string): Mapping {
  let bytes: Buffer;
  try {
    // A named pipe would be waited on for ever (process substitution, <(…), is one): only a regular file is read.
    bytes = readRegularFile(path.resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === NOT_A_FILE || code === 'EISDIR') throw new ToolError('import-mapping-not-file', { file });
    throw new ToolError('import-mapping-unreadable', { file, code: code ?? 'EIO' });
  }
  // Decoded as catalogue files are (UTF-8 only, a byte-order mark dropped, UTF-16 refused).
  const decoded = decode(bytes, file);
  if (!decoded.ok) throw new ToolError('import-mapping-encoding', { file });
  const text = decoded.text;
  const map = new SourceMap(text);
  const at = (where: (string | number)[], key = false): string => {
    const span = map.locate(where, key);
    return `${file}:${span.line}:${span.column}`;
  };
  const document = parseDocument(withLineFeeds(text), { prettyErrors: false });
  const [syntax] = document.errors;
  if (syntax) {
    const place = map.position(syntax.pos[0]);
    throw new ToolError('import-mapping-syntax', { file: `${file}:${place.line}:${place.column}`, detail: syntax.message.split('\n')[0] ?? syntax.code });
  }
  const data: unknown = document.toJS();
  const fail = (where: (string | number)[], detail: string): never => {
    throw new ToolError('import-bad-mapping', { file: at(where), detail });
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ToolError('import-mapping-not-mapping', { file: `${file}:1:1` });
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['sheets', 'header_row', 'columns', 'values', 'defaults'].includes(key)) throw new ToolError('import-mapping-unknown-key', { file: at([key], true), key });
  }
  const strings = (value: unknown, name: string): Record<string, string> => {
    if (value === undefined) return {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) fail(name.split('.'), `${name}: a mapping of text to text`);
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(value as object)) {
      if (typeof item !== 'string' && typeof item !== 'number') fail([...name.split('.'), key], `${name}.${key}`);
      out[key] = String(item);
    }
    return out;
  };
  const sheets = strings(record.sheets, 'sheets');
  for (const [sheet, kind] of Object.entries(sheets)) if (!(TABLE_KINDS as readonly string[]).includes(kind)) fail(['sheets', sheet], `sheets.${sheet}: ${TABLE_KINDS.join(', ')}`);
  const columns = strings(record.columns, 'columns');
  for (const [header, field] of Object.entries(columns)) {
    if (field !== 'ignore' && !field.startsWith('x-') && !KNOWN_FIELDS.has(field)) fail(['columns', header], `columns.${header}: ${field} — ${[...KNOWN_FIELDS].join(', ')}, x-…, ignore`);
  }
  const values: Mapping['values'] = {};
  const rawValues = record.values === undefined ? {} : record.values;
  if (!rawValues || typeof rawValues !== 'object' || Array.isArray(rawValues)) fail(['values'], 'values');
  for (const [table, entries] of Object.entries(rawValues as object)) {
    if (!(table in VALUE_LABELS) && table !== 'department' && table !== 'law') fail(['values', table], `values.${table}: ${[...Object.keys(VALUE_LABELS), 'department', 'law'].join(', ')}`);
    values[table as LabelTable] = strings(entries, `values.${table}`);
  }
  const defaults = strings(record.defaults, 'defaults');
  for (const key of Object.keys(defaults)) if (!['department', 'level', 'unit', 'category'].includes(key)) fail(['defaults', key], `defaults.${key}: department, level, unit, category`);
  const headerRow = record.header_row;
  if (headerRow !== undefined && (typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 1)) fail(['header_row'], 'header_row: 1, 2, …');
  return { sheets: sheets as Record<string, TableKind>, columns, values, defaults: defaults as Mapping['defaults'], ...(typeof headerRow === 'number' ? { headerRow } : {}) };
}
