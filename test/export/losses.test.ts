// The values a CSV/XLSX export cannot give back on import are named before they are lost, and nothing else is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCatalogue, exportLosses } from '../../src/export/index.js';
import { spreadsheetLosses } from '../../src/export/losses.js';
import { BASE, check } from '../harness.js';

const base = (name: string) => readFileSync(path.join(BASE, name), 'utf8');

function odd() {
  return check({
    'powers.yaml': base('powers.yaml')
      .replace('    visits: 0\n', '    visits: 0\n    conditions: ["1. 以数字开头", "第一行\\n第二行", "（一）汉字编号不会被去掉"]\n    x-年办件量: 1200\n    x-办件类型: 承诺件\n')
      .replace('        originals: 1\n', '        originals: 1\n        x-页数: 12\n'),
    'responsibilities.yaml': base('responsibilities.yaml')
      .replace('        text: 依法受理或不予受理申请。\n', '        text: 依法受理或不予受理申请。\n        x-序号: 1\n')
      .replace('subjects: [直接负责的主管人员]', 'subjects: [直接负责的主管人员、其他直接责任人员]'),
    'flows.yaml': base('flows.yaml').replace('    name: 食品经营许可流程\n', '    name: 食品经营许可流程\n    x-版本: "2"\n'),
  }).catalogue;
}

describe('export: what a spreadsheet cannot give back', () => {
  it('names x- fields without a column, x- values that are not text, list entries with line breaks, numbering or separators', () => {
    const code = '11339921MB000000104010010000000';
    expect(spreadsheetLosses(odd()).map((loss) => `${loss.table} ${loss.kind} ${loss.path}`)).toEqual([
      `powers extension-as-text powers[${code}].x-年办件量`,
      `powers numbering powers[${code}].conditions[0]`,
      `powers line-break powers[${code}].conditions[1]`,
      `materials extension-as-text powers[${code}].materials[0].x-页数`,
      `responsibilities extension-not-written responsibilities[${code}].duties[0].x-序号`,
      `responsibilities separator responsibilities[${code}].accountability.subjects[0]`,
      `flows extension-not-written flows[spjy].x-版本`,
    ]);
  });

  it('is what the export really loses: the x- fields it names are not in the tables, the others are', async () => {
    const catalogue = odd();
    const [file] = await exportCatalogue(catalogue, { format: 'csv', kind: 'flows', bom: false });
    expect(file!.bytes.toString('utf8').split('\r\n')[0]).not.toContain('x-版本');
    const [powers] = await exportCatalogue(catalogue, { format: 'csv', kind: 'powers', bom: false });
    expect(powers!.bytes.toString('utf8').split('\r\n')[0]).toContain('x-办件类型');
  });

  it('is about the tables written: one CSV table its own, XLSX all, JSON and JSON-LD none', () => {
    const catalogue = odd();
    expect(exportLosses(catalogue, { format: 'csv', kind: 'materials' }).map((loss) => loss.path)).toEqual(['powers[11339921MB000000104010010000000].materials[0].x-页数']);
    expect(exportLosses(catalogue, { format: 'xlsx', kind: 'powers' })).toHaveLength(7);
    expect(exportLosses(catalogue, { format: 'json', kind: 'all' })).toEqual([]);
    expect(exportLosses(catalogue, { format: 'jsonld', kind: 'all' })).toEqual([]);
  });

  it('finds nothing in the base fixtures', () => {
    expect(spreadsheetLosses(check({}).catalogue)).toEqual([]);
  });
});
