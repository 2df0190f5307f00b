// Sheets as offices write them (found by a QA pass): sub-item rows that leave 实施主体 to the main item's row, signature
// and total lines under the table, hidden rows, full-width digits, UTF-16 text without a byte-order mark.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderReport } from '../../src/cli/import.js';
import { importTables, type ImportResult } from '../../src/import/index.js';
import { nonItemRows } from '../../src/import/footer.js';
import type { MappedColumn } from '../../src/import/header.js';
import { temporaryFolder } from '../temporary.js';

function workspace(): string {
  return temporaryFolder('qingdan-import-sheets-');
}

/** Powers as written, schema-valid or not. */
function written(root: string, department: string): Array<Record<string, unknown>> {
  return (parse(readFileSync(path.join(root, `powers/${department}.yaml`), 'utf8')) as { powers: Array<Record<string, unknown>> }).powers;
}

function issues(result: ImportResult): string[] {
  return result.issues.map((i) => `${i.level} ${i.messageId} @${i.row ?? '-'}${i.letter ? `:${i.letter}` : ''}`);
}

const DEPARTMENT = '青山县市场监督管理局';
const BASIS = '《中华人民共和国食品安全法》第三十五条';

describe('a sub-item row without its own 实施主体', () => {
  it('is done by its main item\'s department (the row above), with no made-up main item', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        '实施编码,事项名称,子项名称,事项类型,实施主体,设定依据,法定办结时限,承诺办结时限',
        `11339921MB1C4572XQ4010010000000,食品经营许可,,行政许可,${DEPARTMENT},${BASIS},20个工作日,10个工作日`,
        `11339921MB1C4572XQ4010010010000,,食品经营许可（新办）,行政许可,,${BASIS},15个工作日,5个工作日`,
        `11339921MB1C4572XQ4010010020000,食品经营许可,食品经营许可（变更）,行政许可,,${BASIS},15个工作日,5个工作日`,
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(result.written.map((w) => [w.relativePath, w.entries])).toEqual([['departments.yaml', 1], ['laws.yaml', 1], ['powers/scjdglj.yaml', 3]]);
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => [p.code, p.department, p.parent])).toEqual([
      ['11339921MB1C4572XQ4010010000000', 'scjdglj', undefined],
      ['11339921MB1C4572XQ4010010010000', 'scjdglj', '11339921MB1C4572XQ4010010000000'],
      ['11339921MB1C4572XQ4010010020000', 'scjdglj', '11339921MB1C4572XQ4010010000000'],
    ]);
    expect(issues(result)).toEqual([]);
  });

  it('still says 实施主体 is missing when the row above is another item', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        '实施编码,事项名称,子项名称,事项类型,实施主体,设定依据,法定办结时限,承诺办结时限',
        `11339921MB1C4572XQ4010010000000,食品经营许可,,行政许可,${DEPARTMENT},${BASIS},20个工作日,10个工作日`,
        `11339921MB1C4572XQ4010020010000,药品零售许可,药品零售许可（新办）,行政许可,,${BASIS},15个工作日,5个工作日`,
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(issues(result)).toEqual(['fix missing-value @3', 'fix code-missing @3', 'fix main-item-created @3']);
    expect(result.issues[0]!.data).toMatchObject({ field: 'department' });
  });
});

describe('digits typed in full width', () => {
  it('reads time limits, counts, category codes, levels and codes as their ASCII digits, with nothing left to complete', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        '实施编码,事项名称,事项类型,实施主体,实施主体编码,行使层级,设定依据,法定办结时限,承诺办结时限,到办事现场次数,必须现场办理原因说明,特别程序',
        `１１３３９９２１ＭＢ１Ｃ４５７２ＸＱ４０１００１０００００００,食品经营许可,０１,${DEPARTMENT},11339921MB1C4572XQ,４,${BASIS},２０个工作日,１０　日,１次,核验原件,专家评审：１５个工作日（不计入办结时限）`,
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(issues(result)).toEqual(['fix time-units-differ @2:H']);
    const [power] = written(path.join(cwd, 'lists'), 'scjdglj');
    expect(power).toMatchObject({
      code: '11339921MB1C4572XQ4010010000000', category: 'licensing', level: 'county', visits: 1,
      time_limit: { statutory: 20, promised: 10, unit: 'days' },
      special_procedures: [{ name: '专家评审', duration: 15, unit: 'working-days', counted: false }],
    });
    expect(Object.keys(power!).filter((key) => key.startsWith('x-'))).toEqual([]);
  });
});

describe('UTF-16 text', () => {
  const TEXT = `实施编码\t事项名称\t事项类型\t实施主体\t设定依据\t法定办结时限\t承诺办结时限\r\n11339921MB1C4572XQ4010010000000\t食品经营许可\t行政许可\t${DEPARTMENT}\t${BASIS}\t20个工作日\t10个工作日\r\n`;
  const bigEndian = (bytes: Buffer) => Buffer.from(bytes).swap16();

  it('is read with or without a byte-order mark, little- or big-endian, and the report says which', async () => {
    const cwd = workspace();
    const little = Buffer.from(TEXT, 'utf16le');
    const files: Record<string, Buffer> = {
      'le.txt': little,
      'be.txt': bigEndian(little),
      'bom-le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), little]),
      'bom-be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian(little)]),
    };
    const encodings: Record<string, string | undefined> = {};
    for (const [file, bytes] of Object.entries(files)) {
      writeFileSync(path.join(cwd, file), bytes);
      const result = await importTables({ files: [file], out: `lists-${file}`, cwd, kind: 'powers' });
      encodings[file] = result.sheets[0]!.encoding;
      expect(written(path.join(cwd, `lists-${file}`), 'scjdglj')[0]).toMatchObject({ code: '11339921MB1C4572XQ4010010000000', name: '食品经营许可', time_limit: { statutory: 20, promised: 10 } });
      if (file === 'le.txt') {
        expect(renderReport(result, 'lists', 'en')).toContain('le.txt: powers, UTF-16LE without a byte-order mark, header in row 1, 1 data row.');
        expect(renderReport(result, 'lists', 'zh-CN')).toContain('le.txt：权力清单，UTF-16LE（无 BOM）编码，表头在第 1 行，1 行数据。');
      }
    }
    expect(encodings).toEqual({ 'le.txt': 'utf-16le-no-bom', 'be.txt': 'utf-16be-no-bom', 'bom-le.txt': 'utf-16le', 'bom-be.txt': 'utf-16be' });
  });

  it('is not taken for a binary file with NULs on both sides of its pairs, nor a cut UTF-16 file for a table', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'binary.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
    await expect(importTables({ files: ['binary.csv'], out: 'lists', cwd, kind: 'powers' })).rejects.toMatchObject({ key: 'import-not-table' });
    writeFileSync(path.join(cwd, 'cut.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le').subarray(0, 31)]));
    await expect(importTables({ files: ['cut.csv'], out: 'lists', cwd, kind: 'powers' })).rejects.toMatchObject({ key: 'import-utf16', data: { file: 'cut.csv' } });
  });
});

describe('header_row of a mapping file', () => {
  it('skips a sheet that ends above it, saying so, and imports the sheets that reach it', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const long = workbook.addWorksheet('权力清单');
    long.addRow(['青山县权力清单']);
    long.addRow(['（2024年版）']);
    long.addRow(['实施编码', '事项名称', '事项类型', '实施主体', '设定依据', '法定办结时限', '承诺办结时限']);
    long.addRow(['11339921MB1C4572XQ4010010000000', '食品经营许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日']);
    workbook.addWorksheet('申请材料').addRow(['实施编码', '材料名称']);
    await workbook.xlsx.writeFile(path.join(cwd, '清单.xlsx'));
    const result = await importTables({ files: ['清单.xlsx'], out: 'lists', cwd, mapping: { sheets: {}, columns: {}, values: {}, defaults: {}, headerRow: 3 } });
    expect(result.sheets.map((s) => [s.sheet, s.headerRow, s.rows])).toEqual([['权力清单', 3, 1]]);
    expect(result.skipped).toEqual([{ file: '清单.xlsx', sheet: '申请材料', reason: 'header-row-beyond', headerRow: 3, lastRow: 1 }]);
    expect(renderReport(result, 'lists', 'zh-CN')).toContain('清单.xlsx［申请材料］：只到第 1 行，没有映射文件 header_row 指定的第 3 行，已跳过。');
    expect(renderReport(result, 'lists', 'en')).toContain('清单.xlsx［申请材料］: skipped, it ends at row 1, above row 3 that header_row names.');
  });
});

describe('a sub-item row without its own category, level or basis', () => {
  const HEADER = '实施编码,事项名称,子项名称,事项类型,实施主体,行使层级,设定依据,法定办结时限,承诺办结时限';
  const MAIN = '11339921MB1C4572XQ4010010000000';

  it('takes them from its main item\'s row, blank or 同上, with a note naming the columns and the main item\'s row', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        HEADER,
        `${MAIN},食品经营许可,,行政许可,${DEPARTMENT},县级,${BASIS},20个工作日,10个工作日`,
        // A CSV saved from merged cells: empty under the main item.
        '11339921MB1C4572XQ4010010010000,,食品经营许可（新办）,,,,,15个工作日,5个工作日',
        // 同上 for the basis; a category of its own is kept.
        '11339921MB1C4572XQ4010010020000,食品经营许可,食品经营许可（变更）,行政确认,,,同上,15个工作日,5个工作日',
        // Another item without a level: its sub-item has nothing to take for it, and takes the rest.
        `11339921MB1C4572XQ4010020000000,药品零售许可,,行政许可,${DEPARTMENT},,${BASIS},20个工作日,10个工作日`,
        '11339921MB1C4572XQ4010020010000,药品零售许可,药品零售许可（新办）,,,,,15个工作日,5个工作日',
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => [p.code, p.category, p.level, (p.basis as Array<{ law: string; article: string }> | undefined)?.map((c) => `${c.law} ${c.article}`), p.parent, p['x-设定依据']])).toEqual([
      [MAIN, 'licensing', 'county', ['spaqf 第三十五条'], undefined, undefined],
      ['11339921MB1C4572XQ4010010010000', 'licensing', 'county', ['spaqf 第三十五条'], MAIN, undefined],
      ['11339921MB1C4572XQ4010010020000', 'confirmation', 'county', ['spaqf 第三十五条'], MAIN, undefined],
      ['11339921MB1C4572XQ4010020000000', 'licensing', undefined, ['spaqf 第三十五条'], undefined, undefined],
      ['11339921MB1C4572XQ4010020010000', 'licensing', undefined, ['spaqf 第三十五条'], '11339921MB1C4572XQ4010020000000', undefined],
    ]);
    expect(issues(result)).toEqual(['note sub-item-inherited @3', 'note sub-item-inherited @4', 'note sub-item-inherited @6']);
    expect(result.issues.map((i) => i.data)).toEqual([
      { columns: '事项类型、行使层级、设定依据', fields: 'category, level, basis', row: 2 },
      { columns: '行使层级、设定依据', fields: 'level, basis', row: 2 },
      { columns: '事项类型、设定依据', fields: 'category, basis', row: 5 },
    ]);
    expect(renderReport(result, 'lists', 'zh-CN')).toContain('权力清单.csv 第 3 行: 子项此行的事项类型、行使层级、设定依据（category, level, basis）为空或写“同上”，已沿用主项（第 2 行）的值，请核对。');
    expect(renderReport(result, 'lists', 'en')).toContain('权力清单.csv row 4: This sub-item row leaves 行使层级、设定依据 (level, basis) empty or says 同上: the main item\'s values (row 2) are used; check them.');
  });

  it('says once what is wrong with a value its sub-items take, at the main item\'s cell', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        HEADER,
        `${MAIN},食品经营许可,,行政许可,${DEPARTMENT},县乡级,${BASIS},20个工作日,10个工作日`,
        '11339921MB1C4572XQ4010010010000,食品经营许可,食品经营许可（新办）,,,,,15个工作日,5个工作日',
        '11339921MB1C4572XQ4010010020000,食品经营许可,食品经营许可（变更）,,,,,15个工作日,5个工作日',
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    // The level 县乡级 is not one qingdan reads: said once, at the main item's cell, not once per row that takes it.
    expect(issues(result)).toEqual(['note sub-item-inherited @3', 'note sub-item-inherited @4', 'note value-unread @2:F']);
  });

  it('in a workbook, has them already from cells merged over the main item\'s row: the same values, and no note', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([MAIN, '食品经营许可', '', '行政许可', DEPARTMENT, '县级', BASIS, '20个工作日', '10个工作日']);
    sheet.addRow(['11339921MB1C4572XQ4010010010000', '', '食品经营许可（新办）', '', '', '', '', '15个工作日', '5个工作日']);
    for (const column of ['B', 'D', 'E', 'F', 'G']) sheet.mergeCells(`${column}2:${column}3`);
    await workbook.xlsx.writeFile(path.join(cwd, '清单.xlsx'));
    const result = await importTables({ files: ['清单.xlsx'], out: 'lists', cwd });
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => [p.code, p.category, p.level, p.parent])).toEqual([
      [MAIN, 'licensing', 'county', undefined],
      ['11339921MB1C4572XQ4010010010000', 'licensing', 'county', MAIN],
    ]);
    expect(issues(result)).toEqual([]);
  });
});

describe('lines under the table (合计, signatures, notes, a date)', () => {
  const HEADER = '序号,实施编码,事项名称,事项类型,实施主体,设定依据,法定办结时限,承诺办结时限,备注';
  const item = (n: number, code: string, name: string, remark = '') => `${n},${code},${name},行政许可,${DEPARTMENT},${BASIS},20个工作日,10个工作日,${remark}`;

  it('are not imported as items, and each is named in the report by its row', async () => {
    const cwd = workspace();
    const note = '注：本表由县审改办汇总。';
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        HEADER,
        item(1, '11339921MB1C4572XQ4010010000000', '食品经营许可'),
        item(2, '11339921MB1C4572XQ4010020000000', '药品零售许可'),
        '合计,,2项,,,,,,',
        '制 表 人：张三,,审核人：李四,,,,填表日期：2024年5月1日,,',
        '填表说明：1. 实施编码按国家目录填写。,,,,,,,,',
        '2. 事项名称与国家目录一致。,,,,,,,,',
        ',,2024年5月1日,,,,,,',
        Array(9).fill(note).join(','),
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(result.sheets[0]!.rows).toBe(2);
    expect(result.written.map((w) => [w.relativePath, w.entries])).toEqual([['departments.yaml', 1], ['laws.yaml', 1], ['powers/scjdglj.yaml', 2]]);
    expect(result.newDepartments.map((n) => n.department.name)).toEqual([DEPARTMENT]);
    expect(issues(result)).toEqual(['note row-footer @4', 'note row-footer @5', 'note row-footer @6', 'note row-footer @7', 'note row-footer @8', 'note row-footer @9']);
    expect(result.issues.map((i) => i.data.text)).toEqual(['合计 2项', '制 表 人：张三 审核人：李四 填表日期：2024年5月1日', '填表说明：1. 实施编码按国家目录填写。', '2. 事项名称与国家目录一致。', '2024年5月1日', note]);
    expect(renderReport(result, 'lists', 'zh-CN')).toContain('权力清单.csv 第 4 行: 此行是表格下方的合计、签名或说明，不是事项，未导入：“合计 2项”。如果它是事项，请把它移到这些行的上方再导入。');
    expect(renderReport(result, 'lists', 'en')).toContain('权力清单.csv row 5: This row is a total, signature or note under the table, not an item, and was not imported: "制 表 人：张三 审核人：李四 填表日期：2024年5月1日". If it is an item, move it above these lines and import again.');
  });

  it('never takes an item for one: a row with a code, a name, or only a remark of the item above', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        HEADER,
        item(1, '11339921MB1C4572XQ4010010000000', '食品经营许可'),
        // A label in the middle of the table opens nothing: items follow it.
        '备注：以下为新增事项,,,,,,,,',
        item(2, '11339921MB1C4572XQ4010020000000', '注销登记'),
        // The remark column's own value on a row of its own continues the item above.
        ',,,,,,,,注：含延续',
        '合计：2项,,,,,,,,',
        // After a total, a row that names an item (or has a code) is still an item, and the total is not the end.
        item(3, '11339921MB1C4572XQ4010030000000', '食品生产许可'),
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => [p.name, p['x-备注']])).toEqual([
      ['食品经营许可', undefined],
      ['注销登记', '注：含延续'],
      ['食品生产许可', undefined],
    ]);
    expect(issues(result).filter((i) => i.includes('row-footer'))).toEqual([]);
  });

  it('in a workbook: a note merged across the table, and a signature right of the table that does not make a column', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow(['实施编码', '事项名称', '事项类型', '实施主体', '设定依据', '法定办结时限', '承诺办结时限']);
    sheet.addRow(['11339921MB1C4572XQ4010010000000', '食品经营许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日']);
    sheet.addRow(['填报单位（盖章）：青山县市场监督管理局']);
    sheet.mergeCells('A3:G3');
    sheet.addRow(['', '', '', '', '', '', '', '', '审核人：李四']);
    sheet.addRow([new Date(Date.UTC(2024, 4, 1))]);
    await workbook.xlsx.writeFile(path.join(cwd, '清单.xlsx'));
    const result = await importTables({ files: ['清单.xlsx'], out: 'lists', cwd });
    expect(result.sheets[0]!.columns.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(issues(result)).toEqual(['note row-footer @3', 'note row-footer @4', 'note row-footer @5']);
    expect(result.issues.map((i) => i.data.text)).toEqual(['填报单位（盖章）：青山县市场监督管理局', '审核人：李四', '2024-05-01']);
    expect(written(path.join(cwd, 'lists'), 'scjdglj')).toHaveLength(1);
  });
});

describe('rows within the table that are not items (小计 between blocks, 以下为…部门 headings, a 序号 alone)', () => {
  const HEADER = '序号,实施编码,事项名称,事项类型,实施主体,设定依据,法定办结时限,承诺办结时限,备注';
  const item = (n: number, code: string, name: string, department = DEPARTMENT) => `${n},${code},${name},行政许可,${department},${BASIS},20个工作日,10个工作日,`;
  const TRANSPORT = '青山县交通运输局';

  it('are not imported, and each is named by its row; a row that names an item is still imported', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      [
        HEADER,
        '以下为县市场监督管理局事项,,,,,,,,',
        item(1, '11339921MB1C4572XQ4010010000000', '食品经营许可'),
        ',,县市场监督管理局小计,1项,,,,,',
        // A separator row that kept only its number.
        '2,,,,,,,,',
        ',,（二）县交通运输局,,,,,,',
        item(3, '11330000MB0000000X4010010000000', '道路运输经营许可', TRANSPORT),
        // The remark of the item above, on a row of its own: still that item's.
        ',,,,,,,,注：含延续',
        '小计：1项,,,,,,,,',
        // 小计 in the numbering column, but a name: an item, imported (validate says what it lacks).
        '小计,,出租汽车经营许可,,,,,,',
        item(5, '11330000MB0000000X4010030000000', '道路货物运输经营许可', TRANSPORT),
      ].join('\n'),
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(result.sheets[0]!.rows).toBe(5);
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => p.name)).toEqual(['食品经营许可']);
    expect(written(path.join(cwd, 'lists'), 'jtysj').map((p) => [p.name, p['x-备注']])).toEqual([['道路运输经营许可', '注：含延续'], ['道路货物运输经营许可', undefined]]);
    expect(written(path.join(cwd, 'lists'), 'unassigned').map((p) => p.name)).toEqual(['出租汽车经营许可']);
    expect(result.newDepartments.map((n) => n.department.name)).toEqual([DEPARTMENT, TRANSPORT]);
    expect(result.sheets[0]!.columns.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    const skipped = result.issues.filter((i) => i.messageId.startsWith('row-'));
    expect(skipped.map((i) => [i.messageId, i.row, i.data.text])).toEqual([
      ['row-heading', 2, '以下为县市场监督管理局事项'],
      ['row-total', 4, '县市场监督管理局小计 1项'],
      ['row-number', 5, '2'],
      ['row-heading', 6, '（二）县交通运输局'],
      ['row-total', 9, '小计：1项'],
    ]);
    const zh = renderReport(result, 'lists', 'zh-CN');
    expect(zh).toContain('权力清单.csv 第 2 行: 此行是表中的分组标题或说明（如“以下为…部门事项”），不是事项，未导入：“以下为县市场监督管理局事项”。如果它是事项，请填写其实施编码后再导入。');
    expect(zh).toContain('权力清单.csv 第 4 行: 此行是表中的小计或合计，不是事项，未导入：“县市场监督管理局小计 1项”。如果它是事项，请填写其实施编码后再导入。');
    expect(zh).toContain('权力清单.csv 第 5 行: 此行只有序号“2”，没有其他内容，未导入。如果这里漏填了事项，请补上后再导入。');
    const en = renderReport(result, 'lists', 'en');
    expect(en).toContain('权力清单.csv row 6: This row is a heading or note within the table (such as 以下为…部门事项), not an item, and was not imported: "（二）县交通运输局". If it is an item, fill in its code (实施编码) and import again.');
    expect(en).toContain('权力清单.csv row 9: This row is a subtotal or total within the table, not an item, and was not imported: "小计：1项". If it is an item, fill in its code (实施编码) and import again.');
    expect(en).toContain('权力清单.csv row 5: This row holds nothing but the number "2" and was not imported. If an item is missing here, fill it in and import again.');
  });

  it('under the table too: a row opening with 小计 that names an item is imported, not taken for a line under the table', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '权力清单.csv'), [HEADER, item(1, '11339921MB1C4572XQ4010010000000', '食品经营许可'), '小计,,出租汽车经营许可,,,,,,', '合计,,2项,,,,,,'].join('\n'));
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    expect(written(path.join(cwd, 'lists'), 'unassigned').map((p) => p.name)).toEqual(['出租汽车经营许可']);
    expect(result.issues.filter((i) => i.messageId.startsWith('row-')).map((i) => [i.messageId, i.row, i.data.text])).toEqual([['row-footer', 4, '合计 2项']]);
  });

  it('one text over the item\'s name columns only (事项名称 merged over 子项名称) is an item, over the row a heading', () => {
    const column = (index: number, header: string, target: MappedColumn['target']): MappedColumn => ({ index, header, letter: 'ABCDEFG'[index]!, target });
    const columns = [column(0, '序号', { type: 'ignored' }), column(1, '事项名称', { type: 'field', field: 'name' }), column(2, '子项名称', { type: 'field', field: 'sub_item' }), column(3, '事项类型', { type: 'field', field: 'category' })];
    const rows = [['序号', '事项名称', '子项名称', '事项类型'], ['', '食品经营许可', '食品经营许可', ''], ['以下为县交通运输局', '以下为县交通运输局', '以下为县交通运输局', '以下为县交通运输局'], ['', '行政许可类', '行政许可类', '行政许可类']];
    expect(nonItemRows(rows, 0, columns, () => false)).toEqual([
      { row: 2, text: '以下为县交通运输局', kind: 'heading' },
      { row: 3, text: '行政许可类', kind: 'heading' },
    ]);
  });

  it('in a workbook: a heading merged across the row makes no item and no department', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow(['实施编码', '事项名称', '事项类型', '实施主体', '设定依据', '法定办结时限', '承诺办结时限']);
    sheet.addRow(['一、青山县市场监督管理局（2项）']);
    sheet.mergeCells('A2:G2');
    sheet.addRow(['11339921MB1C4572XQ4010010000000', '食品经营许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日']);
    sheet.addRow(['11339921MB1C4572XQ4010020000000', '药品零售许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日']);
    sheet.addRow(['', '合计', '2项']);
    sheet.addRow(['11339921MB1C4572XQ4010030000000', '食品生产许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日']);
    await workbook.xlsx.writeFile(path.join(cwd, '清单.xlsx'));
    const result = await importTables({ files: ['清单.xlsx'], out: 'lists', cwd });
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => p.name)).toEqual(['食品经营许可', '药品零售许可', '食品生产许可']);
    expect(result.written.map((w) => w.relativePath)).toEqual(['departments.yaml', 'laws.yaml', 'powers/scjdglj.yaml']);
    expect(result.newDepartments.map((n) => n.department.name)).toEqual([DEPARTMENT]);
    expect(result.issues.map((i) => [i.messageId, i.row, i.data.text])).toEqual([
      ['row-heading', 2, '一、青山县市场监督管理局（2项）'],
      ['row-total', 5, '合计 2项'],
    ]);
  });
});

describe('hidden rows of a workbook', () => {
  it('are not imported, and each is named in the report with what it holds', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow(['实施编码', '事项名称', '事项类型', '实施主体', '设定依据', '法定办结时限', '承诺办结时限']);
    sheet.addRow(['11339921MB1C4572XQ4010010000000', '食品经营许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日']);
    // An item cancelled in 2019, hidden rather than deleted; its formula was never calculated.
    sheet.addRow(['11339921MB1C4572XQ4010090000000', '食品摊贩登记', '行政许可', DEPARTMENT, BASIS, { formula: '10+10' }, '10个工作日']);
    sheet.addRow(['11339921MB1C4572XQ4010020000000', '药品零售许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日']);
    sheet.getRow(3).hidden = true;
    await workbook.xlsx.writeFile(path.join(cwd, '清单.xlsx'));
    const result = await importTables({ files: ['清单.xlsx'], out: 'lists', cwd });
    expect(result.sheets[0]!.rows).toBe(2);
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => p.name)).toEqual(['食品经营许可', '药品零售许可']);
    expect(issues(result)).toEqual(['note row-hidden @3']);
    const text = '11339921MB1C4572XQ4010090000000 食品摊贩登记';
    expect(result.issues[0]!.data).toEqual({ text });
    expect(renderReport(result, 'lists', 'zh-CN')).toContain(`清单.xlsx［权力清单］ 第 3 行: 此行在工作簿中被隐藏，未导入：“${text}”。如果是现行事项，请在 Excel 或 WPS 中取消隐藏（或展开其分组）后再导入。`);
    expect(renderReport(result, 'lists', 'en')).toContain(`清单.xlsx［权力清单］ row 3: This row is hidden in the workbook and was not imported: "${text}". If it is a current item, unhide it (or expand its group) in Excel or WPS and import again.`);
  });
});

describe('hidden columns of a workbook', () => {
  it('are imported like the others, and each imported one is named in the report', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow(['实施编码', '事项名称', '事项类型', '实施主体', '设定依据', '法定办结时限', '承诺办结时限', '内部编号', '序号', '实施主体编码']);
    sheet.addRow(['11339921MB1C4572XQ4010010000000', '食品经营许可', '行政许可', DEPARTMENT, BASIS, '20个工作日', '10个工作日', 'NB-001', 1, '11339921MB1C4572XQ']);
    // A working column, a numbering column (not imported anyway) and a national column the office does not print.
    for (const letter of ['H', 'I', 'J']) sheet.getColumn(letter).hidden = true;
    await workbook.xlsx.writeFile(path.join(cwd, '清单.xlsx'));
    const result = await importTables({ files: ['清单.xlsx'], out: 'lists', cwd });
    expect(result.sheets[0]!.hiddenColumns!.map((c) => c.letter)).toEqual(['H', 'J']);
    expect(written(path.join(cwd, 'lists'), 'scjdglj').map((p) => [p.code, p['x-内部编号']])).toEqual([['11339921MB1C4572XQ4010010000000', 'NB-001']]);
    expect(result.newDepartments.map((n) => n.department.credit_code)).toEqual(['11339921MB1C4572XQ']);
    expect(renderReport(result, 'lists', 'zh-CN')).toContain(
      '\n  工作簿中隐藏的列（照常导入）：内部编号（H），实施主体编码（J）。隐藏的多是工作用的列：如果不属于清单，请在映射文件 columns 中设为 ignore，或删去该列，再导入。\n',
    );
    expect(renderReport(result, 'lists', 'en')).toContain(
      '\n  Columns hidden in the workbook (imported like the others): 内部编号 (H), 实施主体编码 (J). A hidden column is often a working column: if it is not part of the list, set it to ignore in a mapping file (columns) or delete it, and import again.\n',
    );
  });
});

describe('import --append into a catalogue that keeps departments and laws in one file', () => {
  it('adds both the new department and the new law to it, and counts both in one line', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'lists'));
    writeFileSync(path.join(cwd, 'lists/qingdan.yaml'), 'name: 测试\n');
    writeFileSync(path.join(cwd, 'lists/all.yaml'), 'departments:\n  - id: old\n    name: 青山县旧局\n    level: county\nlaws:\n  - id: oldlaw\n    title: 旧法\n    kind: law\n');
    writeFileSync(
      path.join(cwd, '权力清单.csv'),
      `实施编码,事项名称,事项类型,实施主体,设定依据,法定办结时限,承诺办结时限\n11339921MB1C4572XQ4010010000000,食品经营许可,行政许可,${DEPARTMENT},${BASIS},20个工作日,10个工作日\n`,
    );
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd, append: true });
    expect(result.written).toEqual([{ relativePath: 'all.yaml', entries: 2, appended: true }, { relativePath: 'powers/scjdglj.yaml', entries: 1, appended: false }]);
    const all = parse(readFileSync(path.join(cwd, 'lists/all.yaml'), 'utf8')) as { departments: Array<{ id: string }>; laws: Array<{ id: string }> };
    expect([all.departments.map((d) => d.id), all.laws.map((l) => l.id)]).toEqual([['old', 'scjdglj'], ['oldlaw', 'spaqf']]);
    const report = renderReport(result, 'lists', 'en');
    expect(report).toContain('Appended 2 entries to lists/all.yaml\nWrote lists/powers/scjdglj.yaml: 1 entry\n');
    expect(report).toContain('lists/all.yaml: New department scjdglj (青山县市场监督管理局) has no credit code: add it.');
  });
});
