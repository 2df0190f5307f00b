// One table as CSV: the header row, then one line per row; cells a spreadsheet would run as formulas are neutralised.
import { csvRecords } from '../tables/csv.js';
import { neutralise } from '../tables/values.js';
import type { Table } from './tables.js';

export interface CsvOptions {
  /** A byte-order mark, so that Excel opens the file as UTF-8 (on by default). */
  bom: boolean;
}

export function tableToCsv(table: Table, options: CsvOptions): Buffer {
  const text = csvRecords([table.headers, ...table.rows], neutralise);
  return Buffer.concat([options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}
