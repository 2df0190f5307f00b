// One table as CSV: the header row, then one line per row; cells a spreadsheet would run as formulas are neutralised.
import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../tables/values.js';
import type { Table } from './tables.js';

export interface CsvOptions {
  /** A byte-order mark, so that Excel opens the file as UTF-8 (on by default). */
  bom: boolean;
}

export function tableToCsv(table: Table, options: CsvOptions): Buffer {
  const rows = [table.headers, ...table.rows].map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : String(cell))));
  const text = stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  return Buffer.concat([options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}
