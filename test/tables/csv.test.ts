import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { csvRecords } from '../../src/tables/csv.js';
import { neutralise } from '../../src/tables/values.js';
import { catalogueTables } from '../../src/export/tables.js';
import { tableToCsv } from '../../src/export/csv.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogue } from '../../src/validate.js';
import { ROOT } from '../cli/run-cli.js';

describe('csvRecords, the one CSV writer', () => {
  it('writes the export tables of lists/ as csv-stringify did for export (line breaks quoted, cells neutralised)', () => {
    const lists = path.join(ROOT, 'lists');
    const { catalogue } = validateCatalogue(new DirectorySource(lists, lists), {});
    const tables = catalogueTables(catalogue);
    expect(tables.length).toBeGreaterThan(3);
    let breaks = 0;
    for (const table of tables) {
      const rows = [table.headers, ...table.rows].map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : String(cell))));
      breaks += rows.flat().filter((cell) => /[\r\n]/.test(cell)).length;
      const library = stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
      expect(csvRecords([table.headers, ...table.rows], neutralise), table.spec.title).toBe(library);
      expect(tableToCsv(table, { bom: true }).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(library)])), table.spec.title).toBe(true);
    }
    // Cells written on several lines are in these tables, so the quoting of line breaks is exercised.
    expect(breaks).toBeGreaterThan(0);
  });
});
