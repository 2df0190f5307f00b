// `qingdan export` without the command line: the catalogue in one of the exchange formats, as files to write.
import type { Catalogue } from '../catalogue/model.js';
import { TABLE_KINDS, type TableKind } from '../tables/columns.js';
import { catalogueTables, tableOf } from './tables.js';
import { tableToCsv } from './csv.js';
import { tablesToXlsx } from './xlsx.js';
import { catalogueToJson } from './json.js';
import { catalogueToJsonLd } from './jsonld.js';
import { spreadsheetLosses, type Loss } from './losses.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** For CSV: which table, or every table (one file each). */
  kind: TableKind | 'all';
  bom: boolean;
  baseUrl?: string;
}

export interface ExportedFile {
  /** File name when the export is several files (CSV of every table), else undefined: the one output. */
  name?: string;
  bytes: Buffer;
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isTableKind(value: string): value is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(value);
}

export async function exportCatalogue(catalogue: Catalogue, options: ExportOptions): Promise<ExportedFile[]> {
  switch (options.format) {
    case 'csv':
      if (options.kind === 'all') return catalogueTables(catalogue).map((table) => ({ name: `${table.spec.title}.csv`, bytes: tableToCsv(table, { bom: options.bom }) }));
      return [{ bytes: tableToCsv(tableOf(catalogue, options.kind), { bom: options.bom }) }];
    case 'xlsx':
      return [{ bytes: await tablesToXlsx(catalogueTables(catalogue)) }];
    case 'json':
      return [{ bytes: Buffer.from(catalogueToJson(catalogue)) }];
    case 'jsonld':
      return [{ bytes: Buffer.from(catalogueToJsonLd(catalogue, options.baseUrl)) }];
  }
}

/** What the tables of this export cannot give back on import (none for JSON and JSON-LD, which keep everything). */
export function exportLosses(catalogue: Catalogue, options: Pick<ExportOptions, 'format' | 'kind'>): Loss[] {
  if (options.format !== 'csv' && options.format !== 'xlsx') return [];
  const losses = spreadsheetLosses(catalogue);
  return options.format === 'csv' && options.kind !== 'all' ? losses.filter((loss) => loss.table === options.kind) : losses;
}
