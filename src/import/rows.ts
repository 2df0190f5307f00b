// A sheet's data rows as cells by field, grouped into the things they describe (a power over several rows: merged
// cells, or one material per row), with the issues found on the way tied to a row and a column.
import type { MessageData } from '../findings.js';
import { LINK_FIELDS } from '../tables/columns.js';
import type { HeaderResult, MappedColumn } from './header.js';
import type { Sheet } from './read.js';

export type IssueLevel = 'fix' | 'note';

export interface Issue {
  /** `fix`: the editor must complete or correct something (validate will say so too); `note`: an assumption made. */
  level: IssueLevel;
  messageId: string;
  data: MessageData;
  file: string;
  sheet?: string;
  /** As the spreadsheet numbers rows (from 1). */
  row?: number;
  column?: string;
  letter?: string;
}

export interface Cell {
  text: string;
  row: number;
  column: MappedColumn;
}

export interface Row {
  /** Spreadsheet row number (from 1). */
  number: number;
  fields: Map<string, Cell>;
  extensions: Map<string, Cell>;
}

export interface Group {
  rows: Row[];
}

export class Issues {
  readonly list: Issue[] = [];
  /** The issues added so far, as text: the same issue at the same place is said once. */
  private readonly said = new Set<string>();

  constructor(private readonly sheet: Sheet | undefined) {}

  /**
   * Adds an issue, unless the same one was added at the same place: a sub-item row that takes its main item's cell
   * (build.ts) reads that cell again, and its problem was said once per sub-item, all at the main item's cell.
   */
  add(level: IssueLevel, messageId: string, data: MessageData, at?: Cell | { row: number; column?: MappedColumn }): void {
    const column = at && 'column' in at ? at.column : undefined;
    const issue: Issue = {
      level,
      messageId,
      data,
      file: this.sheet?.file ?? '',
      ...(this.sheet && this.sheet.encoding === undefined ? { sheet: this.sheet.name } : {}),
      ...(at ? { row: at.row } : {}),
      // A column without a header is named by its letter alone.
      ...(column ? { ...(column.header ? { column: column.header } : {}), letter: column.letter } : {}),
    };
    const text = JSON.stringify(issue);
    if (this.said.has(text)) return;
    this.said.add(text);
    this.list.push(issue);
  }
}

/** Rows below the header that are not imported (0-based): hidden in the workbook, lines under the table, subtotals and headings within it. */
export function notImported(sheet: Sheet, header: HeaderResult): Set<number> {
  return new Set([...(sheet.hiddenRows ?? []).filter((row) => row > header.headerRow), ...header.footers.map((footer) => footer.row), ...header.nonItems.map((n) => n.row)]);
}

export function dataRows(sheet: Sheet, header: HeaderResult): Row[] {
  const rows: Row[] = [];
  const links = new Map((sheet.links ?? []).map((link) => [`${link.row}:${link.column}`, link.target]));
  const skipped = notImported(sheet, header);
  for (let index = header.headerRow + 1; index < sheet.rows.length; index++) {
    if (skipped.has(index)) continue;
    const cells = sheet.rows[index] ?? [];
    const row: Row = { number: index + 1, fields: new Map(), extensions: new Map() };
    for (const column of header.columns) {
      const link = column.target.type === 'field' && LINK_FIELDS.has(column.target.field) ? links.get(`${index}:${column.index}`) : undefined;
      const text = (link ?? cells[column.index] ?? '').replace(/\r\n?/g, '\n').trim();
      if (!text) continue;
      const cell = { text, row: index + 1, column };
      if (column.target.type === 'field') row.fields.set(column.target.field, cell);
      else if (column.target.type === 'extension') row.extensions.set(column.target.key, cell);
    }
    if (row.fields.size || row.extensions.size) rows.push(row);
  }
  return rows;
}

/**
 * Groups rows by key. A row without any key field continues the row above (a CSV saved from merged cells leaves them
 * empty); a row with the same key as the one above belongs to it too (merged cells repeat their value in each row).
 */
export function groupRows(rows: Row[], keyFields: string[]): Group[] {
  const groups: Group[] = [];
  let previousKey: string | undefined;
  for (const row of rows) {
    const parts = keyFields.map((field) => row.fields.get(field)?.text ?? '');
    const key = parts.join('\u0000');
    const last = groups.at(-1);
    if (last && (parts.every((p) => !p) || key === previousKey)) {
      last.rows.push(row);
      continue;
    }
    groups.push({ rows: [row] });
    previousKey = key;
  }
  return groups;
}

/** The `x-` key under which a value of this column is kept when import cannot use it: the header, without the / of two rows. */
export function extensionKey(column: MappedColumn): string {
  return `x-${column.header.replace(/\//g, '')}`;
}

/**
 * A field's value over a group: the first non-empty cell. A different value further down is a conflict: it is kept in
 * `entry` under the column's `x-` key, as any value import cannot use, and reported with that key (each value once).
 */
export function single(group: Group, field: string, issues: Issues, entry: Record<string, unknown>): Cell | undefined {
  let first: Cell | undefined;
  for (const row of group.rows) {
    const cell = row.fields.get(field);
    if (!cell) continue;
    if (!first) {
      first = cell;
      continue;
    }
    if (cell.text === first.text) continue;
    const key = extensionKey(cell.column);
    const kept = typeof entry[key] === 'string' ? (entry[key] as string).split('\n') : [];
    if (kept.includes(cell.text)) continue;
    entry[key] = [...kept, cell.text].join('\n');
    issues.add('fix', 'conflict', { column: cell.column.header, first: first.text, other: cell.text, firstRow: first.row, key }, cell);
  }
  return first;
}

/** A list field over a group: every distinct non-empty cell, one after the other (merged cells count once). */
export function joined(group: Group, field: string): Cell | undefined {
  const cells: Cell[] = [];
  for (const row of group.rows) {
    const cell = row.fields.get(field);
    if (cell && !cells.some((c) => c.text === cell.text)) cells.push(cell);
  }
  if (!cells.length) return undefined;
  return { ...cells[0]!, text: cells.map((c) => c.text).join('\n') };
}

/** `x-…` values of a group's unknown columns: distinct texts joined by line. */
export function extensions(group: Group): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of group.rows) {
    for (const [key, cell] of row.extensions) {
      const existing = out[key];
      if (existing === undefined) out[key] = cell.text;
      else if (!existing.split('\n').includes(cell.text)) out[key] = `${existing}\n${cell.text}`;
    }
  }
  return out;
}
