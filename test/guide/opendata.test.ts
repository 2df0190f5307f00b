import { describe, expect, it } from 'vitest';
import { check } from '../harness.js';
import { cpsvJsonLd, isoDuration, materialsCsv, neutraliseCell, powersCsv } from '../../src/guide/opendata.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE } from '../harness.js';

const powers = readFileSync(path.join(BASE, 'powers.yaml'), 'utf8');

describe('open data', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    for (const start of ['+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell('0570-1234301')).toBe('0570-1234301');
    expect(neutraliseCell('食品经营许可')).toBe('食品经营许可');
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

  it('writes processing times as valid xsd:durations, fractions below the seconds as smaller units', () => {
    const xsdDuration = /^P(?!$)(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
    const cases: Array<[number, 'working-days' | 'days' | 'hours', string]> = [
      [5, 'working-days', 'P5D'], [0, 'days', 'P0D'], [8, 'hours', 'PT8H'], [0, 'hours', 'PT0H'],
      [2.5, 'working-days', 'P2DT12H'], [0.5, 'days', 'PT12H'], [1.5, 'hours', 'PT1H30M'], [0.25, 'hours', 'PT15M'], [1.0001, 'hours', 'PT1H0M0S'],
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
