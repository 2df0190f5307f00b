// Cells and columns as offices' spreadsheets hold them: hyperlinks and rich text, codes typed as numbers, columns
// without a header, a two-row header nobody merged, rows of one item that disagree, and files not separated by commas.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogueSync } from '../../src/catalogue/load.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { renderReport } from '../../src/cli/import.js';
import { importTables, type ImportResult } from '../../src/import/index.js';
import { guessDelimiter, readSheets } from '../../src/import/read.js';

function workspace(): string {
  return mkdtempSync(path.join(tmpdir(), 'qingdan-import-cells-'));
}

function powers(root: string): Array<Record<string, unknown>> {
  const { catalogue } = loadCatalogueSync(new DirectorySource(root, root));
  return catalogue.sections.powers.map((entry) => entry.value as unknown as Record<string, unknown>);
}

/** Powers as written, schema-valid or not (the catalogue's sections hold only valid entries). */
function written(root: string, department = 'unassigned'): Array<Record<string, unknown>> {
  return (parse(readFileSync(path.join(root, `powers/${department}.yaml`), 'utf8')) as { powers: Array<Record<string, unknown>> }).powers;
}

function issues(result: ImportResult): string[] {
  return result.issues.map((i) => `${i.level} ${i.messageId} @${i.row ?? '-'}${i.letter ? `:${i.letter}` : ''}`);
}

const HEADER = ['实施编码', '事项名称', '事项类型', '实施主体', '设定依据', '法定办结时限', '承诺办结时限'];
const BASIS = '《中华人民共和国行政许可法》第十二条';
const DEPARTMENT = '青山县市场监督管理局';

describe('rows of one item that disagree', () => {
  it('keeps the other value under the column\'s x- key and names that key in the report', async () => {
    const cwd = workspace();
    const row = (statutory: string, location: string) => `11339921MB1C4572XQ4010010000000,甲,行政许可,${DEPARTMENT},${BASIS},${statutory},10日,${location}`;
    writeFileSync(path.join(cwd, 'c.csv'), [[...HEADER, '办理地点'].join(','), row('90日', '一楼'), row('30日', '二楼'), row('30日', '一楼')].join('\n'));
    const result = await importTables({ files: ['c.csv'], out: 'lists', cwd, kind: 'powers' });
    const [power] = powers(path.join(cwd, 'lists'));
    expect(power).toMatchObject({ time_limit: { statutory: 90, promised: 10, unit: 'days' }, location: '一楼', 'x-法定办结时限': '30日', 'x-办理地点': '二楼' });
    // The same other value twice is one conflict.
    expect(issues(result).filter((i) => i.includes('conflict'))).toEqual(['fix conflict @3:F', 'fix conflict @3:H']);
    expect(renderReport(result, 'lists', 'zh-CN')).toContain('c.csv 第 3 行 法定办结时限（F 列）: 同一事项的多行中此列不一致：“90日”（第 2 行）与“30日”，采用前者，后者保留为 x-法定办结时限。');
    expect(renderReport(result, 'lists', 'en')).toContain('c.csv row 3, 办理地点 (column H): Rows of one item disagree in this column: "一楼" (row 2) and "二楼"; the first is used, the other kept as x-办理地点.');
  });
});

describe('the separator of a text table', () => {
  it('is guessed from the first lines that have one, past a title line that has none', () => {
    expect(guessDelimiter('青山县市场监督管理局权力清单\n实施编码\t事项名称\t事项类型\n1\t甲\t行政许可\n')).toBe('\t');
    expect(guessDelimiter('青山县市场监督管理局权力清单\n实施编码;事项名称;事项类型\n1;甲,乙;行政许可\n')).toBe(';');
    expect(guessDelimiter('标题\n\n实施编码,事项名称\n')).toBe(',');
    expect(guessDelimiter('只有一格\n')).toBe(',');
  });

  it('imports a TSV and a semicolon CSV below a title line, and reads .tsv as tab-separated whatever its lines hold', async () => {
    const cwd = workspace();
    const body = (separator: string) => `青山县市场监督管理局权力清单\n${['实施编码', '事项名称', '事项类型'].join(separator)}\n${['11339921MB1C4572XQ4010010000000', '甲，含乙', '行政许可'].join(separator)}\n`;
    writeFileSync(path.join(cwd, 'tab.tsv'), body('\t'));
    writeFileSync(path.join(cwd, 'semi.csv'), body(';'));
    // More commas than tabs in its lines, yet a .tsv: the commas are text.
    writeFileSync(path.join(cwd, 'commas.tsv'), '实施编码\t事项名称\n11339921MB1C4572XQ4010010000000\t甲,乙,丙,丁\n');
    for (const file of ['tab.tsv', 'semi.csv']) {
      const result = await importTables({ files: [file], out: `${file}-lists`, cwd, kind: 'powers' });
      expect(result.sheets[0]!.headerRow).toBe(2);
      expect(written(path.join(cwd, `${file}-lists`))[0]).toMatchObject({ code: '11339921MB1C4572XQ4010010000000', name: '甲，含乙', category: 'licensing' });
    }
    const [commas] = await readSheets('commas.tsv', cwd);
    expect(commas!.rows[1]).toEqual(['11339921MB1C4572XQ4010010000000', '甲,乙,丙,丁']);
  });
});
