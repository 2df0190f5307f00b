// Finds a sheet's header row (below any title rows; two rows when a merged group header stands over sub-headers) and
// says, column by column, which field it holds, which unknown column is kept as an `x-` field, and which is ignored.
import { IGNORED_HEADERS, type Column, type TableSpec } from '../tables/columns.js';
import { slugOf } from '../tables/values.js';
import type { TimeUnit } from '../schema/definitions.js';
import type { Mapping } from './mapping.js';
import type { Sheet } from './read.js';
import { footerRows, nonItemRows, type FooterRow, type NonItemRow } from './footer.js';

export type ColumnTarget = { type: 'field'; field: string } | { type: 'extension'; key: string } | { type: 'ignored' };

export interface MappedColumn {
  index: number;
  /** As written in the sheet (two header rows joined by /). */
  header: string;
  /** A, B, … AA: how a spreadsheet names the column. */
  letter: string;
  target: ColumnTarget;
  /** 法定办结时限（工作日）: the unit a header gives its bare numbers. */
  unit?: TimeUnit;
}

export interface HeaderResult {
  /** 0-based index of the last header row; data starts below it. */
  headerRow: number;
  /** 1 or 2 rows of header. */
  headerRows: number;
  columns: MappedColumn[];
  /** Lines under the table that are not entries (合计, 制表人：…, 备注：…): not imported, named in the report. */
  footers: FooterRow[];
  /** Rows within the table that are not entries (小计 between blocks, 以下为…部门 headings, a 序号 alone): not imported, named. */
  nonItems: NonItemRow[];
}

export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 法定办结时限（工作日）* → 法定办结时限, and the unit in brackets. */
export function normaliseHeader(text: string): { name: string; unit?: TimeUnit } {
  let name = text.replace(/[\s\u3000]+/g, '').replace(/^[*＊]+|[*＊]+$/g, '');
  let unit: TimeUnit | undefined;
  const bracket = /[（(]([^）)]*)[）)]$/.exec(name);
  if (bracket) {
    const found = slugOf('unit', bracket[1]!);
    if (found) unit = found as TimeUnit;
    name = name.slice(0, bracket.index);
  }
  return unit ? { name, unit } : { name };
}

function matches(column: Column, name: string): boolean {
  return [column.header, ...(column.aliases ?? [])].some((candidate) => normaliseHeader(candidate).name === name);
}

function target(spec: TableSpec, raw: string, mapping: Mapping): ColumnTarget | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  const mapped = mapping.columns[trimmed] ?? mapping.columns[normaliseHeader(trimmed).name];
  if (mapped === 'ignore') return { type: 'ignored' };
  if (mapped?.startsWith('x-')) return { type: 'extension', key: mapped };
  if (mapped) return { type: 'field', field: mapped };
  if (trimmed.startsWith('x-')) return { type: 'extension', key: trimmed };
  const { name } = normaliseHeader(trimmed);
  const column = spec.columns.find((c) => matches(c, name));
  if (column) return { type: 'field', field: column.field };
  if (IGNORED_HEADERS.includes(name)) return { type: 'ignored' };
  return undefined;
}

function mergedLeft(sheet: Sheet, row: number, column: number): boolean {
  return sheet.merges.some((m) => m.top <= row && m.bottom >= row && m.left <= column && m.right >= column && m.right > m.left);
}

/**
 * The group header over each column of a two-row header, and whether it stands over more than one column. A group
 * cell that is not merged (a CSV, or a sheet nobody merged) is written over its first column only: it also covers the
 * columns to its right that have a sub-header and nothing above.
 */
function groupHeaders(sheet: Sheet, upper: number, cells: string[], width: number): Array<{ text: string; spans: boolean }> {
  const above = sheet.rows[upper] ?? [];
  const groups: Array<{ text: string; spans: boolean }> = [];
  for (let index = 0; index < width; index++) {
    const own = (above[index] ?? '').trim();
    const lower = (cells[index] ?? '').trim();
    const left = groups[index - 1];
    if (!own && lower && left?.text && (cells[index - 1] ?? '').trim()) {
      groups.push({ text: left.text, spans: true });
      left.spans = true;
    } else groups.push({ text: own, spans: own !== '' && mergedLeft(sheet, upper, index) });
  }
  return groups;
}

function mapRow(sheet: Sheet, spec: TableSpec, row: number, mapping: Mapping, upper?: number): { columns: MappedColumn[]; score: number } {
  const cells = sheet.rows[row] ?? [];
  const above = upper === undefined ? [] : (sheet.rows[upper] ?? []);
  const width = Math.max(cells.length, above.length);
  const groups = upper === undefined ? [] : groupHeaders(sheet, upper, cells, width);
  const columns: MappedColumn[] = [];
  let score = 0;
  const seen = new Set<string>();
  for (let index = 0; index < width; index++) {
    const lower = (cells[index] ?? '').trim();
    const group = groups[index]?.text ?? '';
    const spans = groups[index]?.spans === true;
    // Under a group header (办结时限 over 法定 | 承诺) the sub-header alone may not say enough: try both joined.
    const candidates = upper !== undefined && group && group !== lower && spans ? [`${lower}${group}`, `${group}${lower}`, lower] : [lower || group];
    let found: ColumnTarget | undefined;
    let header = lower || group;
    for (const candidate of candidates) {
      found = target(spec, candidate, mapping);
      if (found) {
        header = upper !== undefined && group && group !== lower ? `${group}/${lower}` : candidate;
        break;
      }
    }
    if (!header) continue;
    // 办结时限（工作日） over 法定 | 承诺: the group's unit is each sub-header's.
    const unit = normaliseHeader(lower || group).unit ?? (spans ? normaliseHeader(group).unit : undefined) ?? mapping.defaults.unit;
    if (!found) found = { type: 'extension', key: `x-${normaliseHeader(header.replace('/', '')).name}` };
    else if (found.type === 'field') {
      // The same field twice (设定依据 and 实施依据): the first is the field, the second is kept aside.
      if (seen.has(found.field)) found = { type: 'extension', key: `x-${normaliseHeader(header).name}` };
      else {
        seen.add(found.field);
        score++;
      }
    }
    columns.push({ index, header, letter: columnLetter(index), target: found, ...(unit ? { unit } : {}) });
  }
  return { columns, score };
}

/** The header among the first rows: the row (or pair of rows) in which most cells are known column names. */
export function findHeader(sheet: Sheet, spec: TableSpec, mapping: Mapping): HeaderResult | undefined {
  let best: Omit<HeaderResult, 'footers' | 'nonItems'> | undefined;
  let bestScore = 0;
  const fixed = mapping.headerRow !== undefined ? [mapping.headerRow - 1] : undefined;
  const rows = fixed ?? Array.from({ length: Math.min(12, sheet.rows.length) }, (_, i) => i);
  for (const row of rows) {
    const single = mapRow(sheet, spec, row, mapping);
    if (single.score > bestScore) {
      best = { headerRow: row, headerRows: 1, columns: single.columns };
      bestScore = single.score;
    }
    if (row > 0 && fixed === undefined) {
      const double = mapRow(sheet, spec, row, mapping, row - 1);
      if (double.score > bestScore) {
        best = { headerRow: row, headerRows: 2, columns: double.columns };
        bestScore = double.score;
      }
    }
  }
  if (bestScore < 1 || !best) return undefined;
  const hidden = new Set(sheet.hiddenRows ?? []);
  const footers = footerRows(sheet.rows, best.headerRow, best.columns, (row) => hidden.has(row));
  const footer = new Set(footers.map((f) => f.row));
  const nonItems = nonItemRows(sheet.rows, best.headerRow, best.columns, (row) => hidden.has(row) || footer.has(row));
  const nonItem = new Set(nonItems.map((n) => n.row));
  return { ...best, columns: withUnnamed(sheet, best, (row) => hidden.has(row) || footer.has(row) || nonItem.has(row)), footers, nonItems };
}

/**
 * A column with values but no header (a blank header cell, or a row longer than the header) is kept under its
 * letter, `x-C`, so that nothing is lost; the import reports it for the editor to name. Rows that are not imported
 * (hidden, footer lines such as a signature written to the right of the table) do not make one.
 */
function withUnnamed(sheet: Sheet, header: Omit<HeaderResult, 'footers' | 'nonItems'>, skip: (row: number) => boolean): MappedColumn[] {
  const named = new Set(header.columns.map((c) => c.index));
  const unnamed = new Set<number>();
  for (let row = header.headerRow + 1; row < sheet.rows.length; row++) {
    if (skip(row)) continue;
    const cells = sheet.rows[row] ?? [];
    for (let index = 0; index < cells.length; index++) if (!named.has(index) && (cells[index] ?? '').trim()) unnamed.add(index);
  }
  if (!unnamed.size) return header.columns;
  const added = [...unnamed].map((index): MappedColumn => ({ index, header: '', letter: columnLetter(index), target: { type: 'extension', key: `x-${columnLetter(index)}` } }));
  return [...header.columns, ...added].sort((a, b) => a.index - b.index);
}
