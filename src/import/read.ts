// Spreadsheet files → sheets of cell texts: CSV (UTF-8, UTF-8 with BOM, GB18030 or UTF-16, told apart and named) and XLSX
// (merged cells given their master's value). A file that cannot be read is a ToolError: one sentence, exit 2.
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { NOT_A_FILE, readRegularFile } from '../catalogue/source.js';
import { ToolError } from '../i18n/tools.js';
import { unneutralise } from '../tables/values.js';
import { columnLetter } from './header.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-16le-no-bom' | 'utf-16be-no-bom';

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  /** The file as the user named it. */
  file: string;
  /** Sheet name in a workbook; the file's name without extension for a CSV. */
  name: string;
  /** Cell texts, row by row (0-based here; reports say row numbers as the spreadsheet shows them, from 1). */
  rows: string[][];
  /** Merged ranges (0-based, inclusive); every cell of one already holds the master cell's text. */
  merges: Range[];
  /**
   * Workbook cells whose value could not be read (0-based): a formula saved without its result (written by a program,
   * never opened in Excel), or an error value such as #DIV/0! or #N/A. Their text is empty; the import reports them.
   */
  unreadable?: UnreadableCell[];
  /** Workbook cells that link somewhere (0-based): columns that hold an address take the link's target, not its text. */
  links?: CellLink[];
  /** Workbook rows hidden in the sheet (0-based), collapsed groups' rows included: not imported, named in the report. */
  hiddenRows?: number[];
  /** Workbook columns hidden in the sheet (0-based), collapsed groups' columns included: imported, named in the report. */
  hiddenColumns?: number[];
  /** For CSV: the encoding it was read in. */
  encoding?: Encoding;
}

export function decodeCsv(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    if (isUtf8(rest)) return { text: Buffer.from(rest).toString('utf8'), encoding: 'utf-8-bom' };
  } else if (isUtf8(bytes)) {
    return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8' };
  }
  const utf16 = utf16Of(bytes);
  if (utf16) {
    try {
      // The decoder drops the byte-order mark.
      return { text: new TextDecoder(utf16.startsWith('utf-16le') ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      throw new ToolError('import-utf16', { file });
    }
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new ToolError('import-encoding', { file });
  }
}

function readCsv(bytes: Uint8Array, file: string): Sheet {
  const { text, encoding } = decodeCsv(bytes, file);
  const delimiter = path.extname(file).toLowerCase() === '.tsv' ? '\t' : guessDelimiter(text);
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true };
  let records: string[][];
  try {
    records = parse(text, options) as string[][];
  } catch (error) {
    const { lines, code, records: whole } = error as { lines?: number; code?: string; records?: number };
    // An unclosed quote swallows the rest of the file and the parser stops at its end (its line is the last): the
    // line to fix is where the record holding the quote begins, the line after the last record read whole.
    if (code === 'CSV_QUOTE_NOT_CLOSED' && typeof whole === 'number') {
      const read = whole > 0 ? (parse(text, { ...options, to: whole, info: true }) as unknown as Array<{ info: { lines: number } }>) : [];
      throw new ToolError('import-csv-quote', { file, line: (read.at(-1)?.info.lines ?? 0) + 1 });
    }
    throw new ToolError('import-csv-broken', { file, line: lines ?? '?', detail: (error as Error).message.split('\n')[0] ?? '' });
  }
  const rows = records.map((record) => record.map((cell) => unneutralise(cell)));
  return { file, name: path.basename(file).replace(/\.[^.]+$/, ''), rows, merges: [], encoding };
}

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The separator most used in the first lines that have any: a title line above the header ("青山县市场监督管理局权力清单")
 * has none, so the first line alone cannot say. Commas win a tie, being what "CSV" means to most programs.
 */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let sampled = 0;
  for (const line of text.split('\n', 200)) {
    if (!DELIMITERS.some((d) => line.includes(d))) continue;
    for (const d of DELIMITERS) counts.set(d, counts.get(d)! + line.split(d).length - 1);
    if (++sampled === 10) break;
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ',');
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

export interface UnreadableCell {
  row: number;
  column: number;
  /** `digits`: a number longer than the 15 significant digits a spreadsheet keeps (a code typed as a number). */
  kind: 'formula' | 'error' | 'digits';
  /** The formula (with its =), the error value, or the number as read. */
  text: string;
}

export interface CellLink {
  row: number;
  column: number;
  target: string;
}

/** Excel keeps 15 significant digits of a number: any longer whole number has lost its last digits on entry. */
const SPREADSHEET_DIGITS = 15;

/** Why a cell's value cannot be read, if it cannot. */
function unreadable(value: ExcelJS.CellValue): Pick<UnreadableCell, 'kind' | 'text'> | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const { result, formula, sharedFormula } = value as { result?: ExcelJS.CellValue; formula?: string; sharedFormula?: string };
    if (result === undefined || result === null) return { kind: 'formula', text: `=${formula ?? sharedFormula ?? ''}` };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { kind: 'error', text: String(result.error) };
  }
  return undefined;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${twoDigits(value.getUTCMonth() + 1)}-${twoDigits(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    // A hyperlink's text may itself be rich text (a link styled in part).
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text ?? (value as { hyperlink?: string }).hyperlink ?? null);
    if ('error' in value) return '';
  }
  return String(value);
}

/** A number as the cell shows it when its format pads with zeros (`000000000000`: 10010000000 shows 010010000000). */
function numberText(value: number, format: string | undefined): string {
  if (format && /^0+$/.test(format) && Number.isInteger(value) && value >= 0) return String(value).padStart(format.length, '0');
  return String(value);
}

/** "B2:D4" → 0-based inclusive range. */
function parseRange(reference: string): Range | undefined {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(reference);
  if (!match) return undefined;
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(match[2]) - 1, left: column(match[1]!), bottom: Number(match[4]) - 1, right: column(match[3]!) };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

async function readXlsx(bytes: Uint8Array, file: string): Promise<Sheet[]> {
  if (startsWith(bytes, OLE)) {
    // Excel saves a password-protected .xlsx as an OLE container holding an EncryptionInfo stream; a legacy .xls is OLE too.
    const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'));
    throw new ToolError(encrypted ? 'import-xlsx-encrypted' : 'import-xls', { file });
  }
  // What exceljs or its ZIP reader says of a damaged file (end of central directory, setting 'sheetNo') means nothing to
  // the office: the file is named as not a readable workbook, with what to do.
  if (!startsWith(bytes, ZIP)) throw new ToolError('import-xlsx-broken', { file });
  // Loaded here, not at start-up: exceljs takes longer to load than most commands take to run.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  capMerges(workbook);
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ToolError('import-xlsx-broken', { file });
  }
  // A ZIP without a workbook in it (another kind of archive renamed .xlsx, a workbook.xml lost) loads with no sheet at all.
  if (!workbook.worksheets.length) throw new ToolError('import-xlsx-broken', { file });
  return workbook.worksheets
    .filter((worksheet) => worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden')
    .map((worksheet) => {
      const rows: string[][] = [];
      const cellsUnread: UnreadableCell[] = [];
      const links: CellLink[] = [];
      const hiddenRows: number[] = [];
      worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        if (row.hidden) hiddenRows.push(rowNumber - 1);
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
          const value = cell.value;
          const at = { row: rowNumber - 1, column: columnNumber - 1 };
          cells[columnNumber - 1] = typeof value === 'number' ? numberText(value, cell.numFmt) : cellText(value);
          const why = unreadable(value);
          if (why) cellsUnread.push({ ...at, ...why });
          if (typeof value === 'number' && Math.abs(value) >= 10 ** SPREADSHEET_DIGITS) cellsUnread.push({ ...at, kind: 'digits', text: cells[columnNumber - 1]! });
          const target = value !== null && typeof value === 'object' && 'hyperlink' in value ? value.hyperlink : undefined;
          if (typeof target === 'string' && /^https?:\/\//i.test(target.trim())) links.push({ ...at, target: target.trim() });
        });
        rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
      });
      const merges = ((worksheet.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((r): r is Range => r !== undefined);
      // Not Math.max(...rows): a sheet whose formatting reaches row 200,000 overflows the call stack as arguments.
      const width = rows.reduce((widest, row) => Math.max(widest, row?.length ?? 0), 0);
      const hiddenColumns = Array.from({ length: width }, (_, index) => index).filter((index) => worksheet.getColumn(index + 1).hidden);
      return {
        file,
        name: worksheet.name,
        rows: Array.from(rows, (row) => row ?? []),
        merges,
        ...(cellsUnread.length ? { unreadable: cellsUnread } : {}),
        ...(links.length ? { links } : {}),
        ...(hiddenRows.length ? { hiddenRows } : {}),
        ...(hiddenColumns.length ? { hiddenColumns } : {}),
      };
    });
}

interface SheetModel {
  rows?: Array<{ number: number; cells?: Array<{ address: string; value?: unknown }> }>;
  mergeCells?: string[];
}

/**
 * exceljs copies a merged cell into every cell it covers as it loads, and a merge over a whole column (J1:J1048576, as
 * a format painter leaves it) would make a million rows and hang. Merges are cut, once the sheets are read and before
 * they are applied, to the last row and column holding a value: nothing below or to the right of them is read anyway.
 * This wraps the one step of this workbook's loader that hands the sheets over, so other workbooks are untouched.
 */
function capMerges(workbook: ExcelJS.Workbook): void {
  const loader = workbook.xlsx as unknown as { reconcile?: (model: { worksheets?: SheetModel[] }, options: unknown) => void };
  const reconcile = loader.reconcile;
  if (typeof reconcile !== 'function') return;
  loader.reconcile = function (model, options) {
    reconcile.call(this, model, options);
    for (const sheet of model.worksheets ?? []) {
      if (!sheet.mergeCells?.length) continue;
      let lastRow = 0;
      let lastColumn = 0;
      for (const row of sheet.rows ?? []) {
        for (const cell of row.cells ?? []) {
          if (cell.value === undefined || cell.value === null || cell.value === '') continue;
          const range = parseRange(`${cell.address}:${cell.address}`);
          if (!range) continue;
          lastRow = Math.max(lastRow, range.bottom + 1);
          lastColumn = Math.max(lastColumn, range.right + 1);
        }
      }
      sheet.mergeCells = sheet.mergeCells.flatMap((reference) => {
        const range = parseRange(reference);
        if (!range) return [reference];
        const bottom = Math.min(range.bottom, lastRow - 1);
        const right = Math.min(range.right, lastColumn - 1);
        if (bottom === range.bottom && right === range.right) return [reference];
        // Cut to one cell, it merges nothing; cut away whole, it covers nothing that is read.
        if (bottom < range.top || right < range.left || (bottom === range.top && right === range.left)) return [];
        return [`${columnLetter(range.left)}${range.top + 1}:${columnLetter(right)}${bottom + 1}`];
      });
    }
  };
}


export async function readSheets(file: string, cwd: string): Promise<Sheet[]> {
  let bytes: Buffer;
  try {
    // A named pipe would be read until its writer closes it (for ever, when there is none), a device for ever: only a
    // regular file is a spreadsheet.
    bytes = readRegularFile(path.resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === NOT_A_FILE || code === 'EISDIR') throw new ToolError('import-not-file', { file });
    throw new ToolError('import-unreadable', { file, code: code ?? 'EIO' });
  }
  const extension = path.extname(file).toLowerCase();
  const textual = extension === '.csv' || extension === '.tsv' || extension === '.txt';
  const workbook = extension === '.xlsx' || extension === '.xlsm';
  // What the bytes are wins over the name: a workbook saved or renamed as .csv (or with no extension), a CSV renamed .xlsx.
  if ((textual || workbook || extension === '') && (startsWith(bytes, ZIP) || startsWith(bytes, OLE))) return readXlsx(bytes, file);
  if (workbook && looksLikeText(bytes)) return [readCsv(bytes, file)];
  if (textual) {
    if (!looksLikeText(bytes)) throw new ToolError('import-not-table', { file });
    return [readCsv(bytes, file)];
  }
  if (workbook) return readXlsx(bytes, file);
  if (extension === '.xls') throw new ToolError('import-xls', { file });
  throw new ToolError('import-not-table', { file });
}

/** No NUL byte in the first 8 KiB, as git tells text from binary; or UTF-16, whose NULs are the high bytes of ASCII. */
function looksLikeText(bytes: Uint8Array): boolean {
  return utf16Of(bytes) !== undefined || !bytes.subarray(0, 8192).includes(0);
}

/**
 * UTF-16, with a byte-order mark (Excel's "Unicode text") or without one (what some programs export): without, it is
 * told by its NUL bytes, which in a table's text are the high bytes of ASCII characters (digits, separators, line
 * ends) and so fall all on one side of each pair (the second in little-endian), never on the other, as they do in a
 * binary file; and the first 8 KiB must decode to text without control characters other than tab and line ends.
 */
function utf16Of(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length < 2 || bytes.length % 2) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let even = 0;
  let odd = 0;
  for (let index = 0; index < sample.length; index++) if (sample[index] === 0) index % 2 ? odd++ : even++;
  if ((even && odd) || (!even && !odd)) return undefined;
  const endian = odd ? 'utf-16le' : 'utf-16be';
  let text: string;
  try {
    text = new TextDecoder(endian, { fatal: true }).decode(sample);
  } catch {
    return undefined;
  }
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text) || !/[\n,;\t]/.test(text)) return undefined;
  return `${endian}-no-bom`;
}
