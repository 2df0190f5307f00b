import { describe, expect, it } from 'vitest';
import { check } from '../harness.js';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { csvRecords } from '../../src/tables/csv.js';
import { catalogueJson, cpsvJsonLd, entryFiles, isoDuration, materialsCsv, openDataCatalogue, powersCsv } from '../../src/guide/opendata.js';
import { neutralise, unneutralise } from '../../src/tables/values.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogue } from '../../src/validate.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE } from '../harness.js';

const powers = readFileSync(path.join(BASE, 'powers.yaml'), 'utf8');

describe('open data', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    for (const start of ['+', '-', '@', '\t', '\r']) expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralise('0570-1234301')).toBe('0570-1234301');
    expect(neutralise('食品经营许可')).toBe('食品经营许可');
  });

  it('writes powers and materials as CSV with a BOM, quoting and neutralised text cells', () => {
    const files = { 'powers.yaml': powers.replace('name: 食品经营许可申请书', 'name: "=cmd|\' /C calc\'!A0"').replace('name: 食品经营许可\n', 'name: "@SUM(1,2), 食品"\n') };
    const { catalogue } = check(files, 'zh-CN');
    const csv = powersCsv(catalogue, 'zh-CN');
    expect(csv.startsWith('\ufeffcode,name,category')).toBe(true);
    expect(csv).toContain('"\'@SUM(1,2), 食品"');
    expect(csv).toContain(',20,5,working-days,0,true,');
    const materials = materialsCsv(catalogue);
    expect(materials).toContain("'=cmd|' /C calc'!A0");
    expect(materials).not.toMatch(/,=cmd/);
  });

  it("neutralises as export does, so that import reads the cells back: text starting '= gets one more apostrophe", () => {
    const { catalogue } = check({ 'powers.yaml': powers.replace('name: 食品经营许可申请书', 'name: "\'=1"') }, 'zh-CN');
    const materials = materialsCsv(catalogue);
    expect(materials).toContain(",''=1,");
    expect(unneutralise("''=1")).toBe("'=1");
  });

  it('writes CSV byte for byte as csv-stringify does with neutralised cells and line breaks quoted', () => {
    // Cells chosen to hit every branch: quotes, commas, each line break, formula starts, numbers that look like
    // formulas, booleans, empty and missing cells, Chinese, and the characters next to the ones that matter.
    const alphabet = ['a', '食', '"', ',', '\r', '\n', '=', '+', '-', '@', '\t', ' ', "'", ';', '\u2028', '，'];
    let seed = 7;
    const next = (n: number) => {
      // mulberry32: every bit of the state moves, so small moduli see every value.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const cell = (): string | number | boolean | undefined => {
      switch (next(8)) {
        case 0:
          return undefined;
        case 1:
          return next(2) === 0;
        case 2:
          return [0, -1, 2.5, -0.25, 1e21, 12345][next(6)];
        case 3:
          return '';
        default:
          return Array.from({ length: 1 + next(6) }, () => alphabet[next(alphabet.length)]).join('');
      }
    };
    const rows = Array.from({ length: 400 }, () => Array.from({ length: 1 + next(6) }, cell));
    const kinds = new Set(rows.flat().map((value) => (typeof value === 'string' ? (/[\r\n]/.test(value) ? 'break' : /[",]/.test(value) ? 'quote' : 'text') : typeof value)));
    expect([...kinds].sort()).toEqual(['boolean', 'break', 'number', 'quote', 'text', 'undefined']);
    // The library quotes a cell with a bare CR or LF only when told to (it does by default only without a
    // record_delimiter): RFC 4180 and spreadsheets read an unquoted line break as the end of the row.
    const library = stringify(rows, { record_delimiter: 'windows', quote_record_delimiter: true, cast: { string: neutralise, boolean: (value: boolean) => (value ? 'true' : 'false') } });
    expect(csvRecords(rows, neutralise)).toBe(library);
    expect(csvRecords([['a"b', '=1', -1, true, undefined, 'x\ny', 'x\ry', '']], neutralise)).toBe('"a""b",\'=1,-1,true,,"x\ny","x\ry",\r\n');
  });

  it('keeps a material note written on several lines in its cell', () => {
    const { catalogue } = check({ 'powers.yaml': powers.replace('name: 食品经营许可申请书', 'name: 食品经营许可申请书\n        note: |\n          第一行\n          第二行') }, 'zh-CN');
    const csv = materialsCsv(catalogue);
    // Quoted, or a spreadsheet ends the row at the line break (csv-parse below would read it either way).
    expect(csv).toContain(',"第一行\n第二行\n"\r\n');
    const rows = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((row) => row.material === '食品经营许可申请书')?.note).toBe('第一行\n第二行\n');
    expect(rows.every((row) => row.code === rows[0]!.code)).toBe(true);
  });

  it('makes the same files from the catalogue\'s JSON as from the catalogue (the worker thread\'s way)', () => {
    const lists = path.join(BASE, '../../../lists');
    for (const locale of ['zh-CN', 'en'] as const) {
      const { catalogue, findings } = validateCatalogue(new DirectorySource(lists, lists), { explicitLocale: locale });
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      const direct = entryFiles(catalogue, locale);
      const viaJson = entryFiles(openDataCatalogue(catalogueJson(catalogue)), locale);
      expect(Object.keys(viaJson)).toEqual(['data/powers.csv', 'data/materials.csv', 'data/responsibilities.csv', 'data/services.jsonld']);
      for (const [file, text] of Object.entries(direct)) expect(viaJson[file as keyof typeof viaJson], file).toBe(text);
      // Not trivially equal: every file has a row or node per item of lists/.
      expect(direct['data/powers.csv'].split('\r\n').length).toBeGreaterThan(80);
    }
  });

  it('writes processing times as valid xsd:durations, fractions below the seconds as smaller units', () => {
    const xsdDuration = /^P(?!$)(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
    const cases: Array<[number, 'working-days' | 'days' | 'hours', string]> = [
      [5, 'working-days', 'P5D'], [0, 'days', 'P0D'], [8, 'hours', 'PT8H'], [0, 'hours', 'PT0H'],
      [2.5, 'working-days', 'P2DT12H'], [0.5, 'days', 'PT12H'], [1.5, 'hours', 'PT1H30M'], [0.25, 'hours', 'PT15M'], [1.0001, 'hours', 'PT1H0M0S'],
      // A number written 1e21 prints as 1e+21: the duration still has only digits.
      [1e21, 'days', 'P1000000000000000000000D'], [1e21, 'hours', 'PT1000000000000000000000H'],
    ];
    for (const [value, unit, expected] of cases) {
      const duration = isoDuration(value, unit);
      expect(duration).toMatch(xsdDuration);
      if (value !== 1.0001) expect(duration).toBe(expected);
    }
  });

  it('describes items in force as CPSV-AP public services', () => {
    const { catalogue } = check({}, 'zh-CN');
    const document = JSON.parse(cpsvJsonLd(catalogue, 'zh-CN'));
    expect(document['@context'].cv).toBe('http://data.europa.eu/m8g/');
    const service = document['@graph'].find((node: { '@type': string }) => node['@type'] === 'PublicService');
    expect(service['dct:identifier']).toBe('11339921MB000000104010010000000');
    expect(service['dct:title']).toEqual({ '@value': '食品经营许可', '@language': 'zh' });
    expect(service['cv:processingTime']).toBe('P5D');
    const halfDay = JSON.parse(cpsvJsonLd(check({ 'powers.yaml': powers.replace('promised: 5', 'promised: 2.5') }, 'zh-CN').catalogue, 'zh-CN'));
    expect(halfDay['@graph'].find((node: { '@type': string }) => node['@type'] === 'PublicService')['cv:processingTime']).toBe('P2DT12H');
    expect(service['cv:hasCompetentAuthority']['@id']).toBe('departments/scjgj.html#organisation');
    expect(service['cv:hasInput']).toEqual([{ '@type': 'Evidence', 'dct:title': { '@value': '食品经营许可申请书', '@language': 'zh' } }]);
  });
});
