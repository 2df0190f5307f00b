// Every table as a sheet of one workbook: bold frozen header, wrapped text, and each group's shared cells merged.
import type ExcelJS from 'exceljs';
import type { Table } from './tables.js';

/** Width in characters: Chinese text is twice as wide as ASCII; capped so long texts wrap instead. */
function width(value: string | number): number {
  let total = 0;
  for (const char of String(value).split('\n')[0] ?? '') total += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return total;
}

export async function tablesToXlsx(tables: Table[]): Promise<Buffer> {
  // Loaded here, not at start-up: exceljs takes longer to load than most commands take to run.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'qingdan';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.headers);
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)));
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(width(table.headers[index] ?? ''), ...table.rows.map((row) => width(row[index] ?? '')));
      column.width = Math.min(Math.max(widest + 2, 8), 60);
      column.alignment = { vertical: 'top', wrapText: true };
    });
    const groupColumns = (table.spec.group ?? []).map((field) => table.spec.columns.findIndex((c) => c.field === field)).filter((i) => i >= 0);
    for (const [start, end] of table.groups) {
      if (end <= start) continue;
      // Data row i is sheet row i + 2 (row 1 is the header).
      for (const column of groupColumns) sheet.mergeCells(start + 2, column + 1, end + 2, column + 1);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
