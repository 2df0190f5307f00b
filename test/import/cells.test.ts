// Cells and columns as offices' spreadsheets hold them: hyperlinks and rich text, codes typed as numbers, columns
// without a header, a two-row header nobody merged, rows of one item that disagree, and files not separated by commas.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogueSync } from '../../src/catalogue/load.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { renderReport } from '../../src/cli/import.js';
import { importTables, type ImportResult } from '../../src/import/index.js';
import { guessDelimiter, readSheets } from '../../src/import/read.js';
import { temporaryFolder } from '../temporary.js';

function workspace(): string {
  return temporaryFolder('qingdan-import-cells-');
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

describe('hyperlink and rich-text cells', () => {
  it('reads rich text as its text everywhere, and takes a link\'s target in a column that holds an address', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow([...HEADER, '网上办理地址']);
    sheet.addRow(['11339921MB1C4572XQ4010010000000', { richText: [{ text: '食品' }, { text: '经营许可', font: { bold: true } }] }, '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日', { text: { richText: [{ text: '办事入口' }] }, hyperlink: 'https://zwfw.example.gov.cn/a' }]);
    // A link in a column of text keeps its text: 事项名称 is the name, not the page it links to.
    sheet.addRow(['11339921MB1C4572XQ4010020000000', { text: '药品零售许可', hyperlink: 'https://zwfw.example.gov.cn/guide' }, '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日', { text: '办事链接', hyperlink: 'https://zwfw.example.gov.cn/b' }]);
    const materials = workbook.addWorksheet('申请材料');
    materials.addRow(['实施编码', '材料名称', '空白表格', '示例样表']);
    materials.addRow(['11339921MB1C4572XQ4010010000000', '申请书', { text: '下载', hyperlink: 'https://zwfw.example.gov.cn/form.docx' }, { text: { richText: [{ text: '样表' }] }, hyperlink: 'https://zwfw.example.gov.cn/sample.pdf' }]);
    await workbook.xlsx.writeFile(path.join(cwd, 'links.xlsx'));

    await importTables({ files: ['links.xlsx'], out: 'lists', cwd });
    const [food, drugs] = powers(path.join(cwd, 'lists'));
    expect(food).toMatchObject({ name: '食品经营许可', online: { depth: [], url: 'https://zwfw.example.gov.cn/a' } });
    expect(food!.materials).toEqual([{ name: '申请书', required: true, source: 'applicant', medium: 'paper', blank_form: 'https://zwfw.example.gov.cn/form.docx', sample: 'https://zwfw.example.gov.cn/sample.pdf' }]);
    expect(drugs).toMatchObject({ name: '药品零售许可', online: { depth: [], url: 'https://zwfw.example.gov.cn/b' } });
  });
});

describe('codes typed as numbers', () => {
  it('reports a number longer than a spreadsheet keeps at its sheet, row and column, and reads zero-padded formats as shown', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow([...HEADER, '实施主体编码', '基本编码']);
    sheet.addRow(['11339921MB1C4572XQ4010010000000', '食品经营许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日', 113399210025412733, 10010000000]);
    sheet.getCell('I2').numFmt = '000000000000';
    await workbook.xlsx.writeFile(path.join(cwd, 'numbers.xlsx'));

    const [read] = await readSheets('numbers.xlsx', cwd);
    expect(read!.rows[1]!.slice(7)).toEqual(['113399210025412740', '010010000000']);
    const result = await importTables({ files: ['numbers.xlsx'], out: 'lists', cwd });
    expect(issues(result)).toContain('fix cell-digits @2:H');
    const report = renderReport(result, 'lists', 'zh-CN');
    expect(report).toContain('numbers.xlsx［权力清单］ 第 2 行 实施主体编码（H 列）: 此格是数字 113399210025412740，位数超过表格中数字能保存的 15 位有效数字，末尾几位在录入时已经丢失。请把这一列设为“文本”格式，再重新输入这些编码。');
    expect(renderReport(result, 'lists', 'en')).toContain('numbers.xlsx［权力清单］ row 2, 实施主体编码 (column H): The cell holds the number 113399210025412740, longer than the 15 significant digits a spreadsheet keeps of a number');
    // The padded basic code is the end of the implementation code: it is recognised as such and not kept aside.
    expect(powers(path.join(cwd, 'lists'))[0]!['x-基本编码']).toBeUndefined();
  });
});

describe('columns without a header', () => {
  it('keeps the values of a column with a blank header as x-<letter> and names the column by its letter', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'b.csv'), '实施编码,事项名称,,事项类型\n11339921MB1C4572XQ4019990000000,甲,重要数据,行政许可\n');
    const result = await importTables({ files: ['b.csv'], out: 'ob', cwd, kind: 'powers' });
    expect(result.sheets[0]!.columns.map((c) => [c.letter, c.header, c.target.type === 'field' ? c.target.field : c.target.type === 'extension' ? c.target.key : 'ignored'])).toEqual([
      ['A', '实施编码', 'code'],
      ['B', '事项名称', 'name'],
      ['C', '', 'x-C'],
      ['D', '事项类型', 'category'],
    ]);
    expect(written(path.join(cwd, 'ob'))[0]).toMatchObject({ code: '11339921MB1C4572XQ4019990000000', name: '甲', 'x-C': '重要数据' });
    expect(issues(result)).toContain('fix column-no-header @1:C');
    expect(renderReport(result, 'ob', 'zh-CN')).toContain('b.csv 第 1 行 C 列: 此列没有表头，其中的值保留为 x-C。请在表头行补上列名（或在映射文件 columns 中说明），再导入。');
    expect(renderReport(result, 'ob', 'en')).toContain('b.csv row 1, column C: This column has no header; its values are kept as x-C.');
  });

  it('reads a two-row header whose group cell is not merged as group/sub-header, not the sub-headers as an item', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'two.csv'), `实施编码,事项名称,办结时限（工作日）,,事项类型,实施主体,设定依据\n,,法定,承诺,,,\n11339921MB1C4572XQ4010010000000,甲,20,10,行政许可,${DEPARTMENT},${BASIS}\n`);
    const result = await importTables({ files: ['two.csv'], out: 'lists', cwd, kind: 'powers' });
    expect(result.sheets[0]!.headerRow).toBe(2);
    expect(result.sheets[0]!.rows).toBe(1);
    const limits = result.sheets[0]!.columns.filter((c) => c.target.type === 'field' && c.target.field.startsWith('time_limit'));
    expect(limits.map((c) => [c.letter, c.header, c.unit])).toEqual([['C', '办结时限（工作日）/法定', 'working-days'], ['D', '办结时限（工作日）/承诺', 'working-days']]);
    const all = powers(path.join(cwd, 'lists'));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: '甲', time_limit: { statutory: 20, promised: 10, unit: 'working-days' } });
    expect(issues(result).filter((i) => i.includes('time-unit-assumed'))).toEqual([]);
  });
});

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
