import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../harness.js';
import { runCli } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

const IMPORT = path.join(FIXTURES, 'import');

function workspace(): string {
  return temporaryFolder('qingdan-import-cli-');
}

describe('qingdan import (the real binary)', () => {
  it('says which encoding it read, what each column became, and exits 0 when the output validates', async () => {
    const cwd = workspace();
    const result = await runCli(['import', path.join(IMPORT, 'legacy-2015.gb18030.csv'), '--kind', 'powers', '--out', 'lists'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('legacy-2015.gb18030.csv：权力清单，GB18030 编码，表头在第 2 行，3 行数据。');
    expect(result.stdout).toContain('未识别的列（原样保留为 x- 字段）：承办机构（I） → x-承办机构，备注（R） → x-备注');
    expect(result.stdout).toContain('第 5 行 行使层级（J 列）: “省、市、县”无法对应到清单的取值，已保留为 x-行使层级');
    expect(result.stdout).toContain('导入结果已通过 qingdan validate 检查。');
    expect((await runCli(['validate', 'lists'], { cwd })).code).toBe(0);
    expect((await runCli(['fmt', '--check', 'lists'], { cwd })).code).toBe(0);
  });

  it('names UTF-8 with a BOM, and exits 1 with validate\'s findings while the responsibilities are missing', async () => {
    const cwd = workspace();
    const result = await runCli(['import', path.join(IMPORT, 'national.utf8-bom.csv'), '--kind', 'powers', '--lang', 'en'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('national.utf8-bom.csv: powers, UTF-8 with BOM, header in row 1, 1 data row.');
    expect(result.stdout).toContain('qingdan validate lists: 1 error, 0 warnings, one by one:');
    expect(result.stdout).toContain('lists/powers/scjdglj.yaml:4:11  error  Item 11339921MB1C4572XQ4010030000000 (药品零售企业经营许可) has no responsibility entry');
    const duties = await runCli(['import', path.join(IMPORT, 'national-duties.utf8-bom.csv'), '--kind', 'responsibilities', '--lang', 'en'], { cwd });
    expect(duties.code).toBe(0);
    expect(duties.stdout).toContain('Appended 1 entry to lists/laws.yaml');
  });

  it('imported again with --append, writes none of the items and responsibility entries it holds and names each (exit 0)', async () => {
    const cwd = workspace();
    const args = ['import', path.join(IMPORT, 'legacy-2015.gb18030.csv'), '--kind', 'powers', '--out', 'lists'];
    expect((await runCli(args, { cwd })).code).toBe(0);
    const files = ['lists/powers/scjdglj.yaml', 'lists/responsibilities/scjdglj.yaml', 'lists/laws.yaml', 'lists/departments.yaml'];
    const before = files.map((file) => readFileSync(path.join(cwd, file), 'utf8'));
    const again = await runCli([...args, '--append'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('\n\n已在清单中的 5 条与表格一致，未重复写入（逐条见“导入时的推定”）。\n\n');
    expect(again.stdout).not.toContain('追加');
    const at = `${path.join(IMPORT, 'legacy-2015.gb18030.csv')} 第`;
    expect(again.stdout).toContain(`  ${at} 3 行: 事项 11339921MB1C4572XQ4010010000000（食品经营许可）已在清单中（lists/powers/scjdglj.yaml:4），与此行一致，未重复写入。\n`);
    expect(again.stdout).toContain(`  ${at} 5 行: 事项 11339921MB1C4572XQ4020010000000 的责任清单条目已在清单中（lists/responsibilities/scjdglj.yaml:28），与此行一致，未重复写入。\n`);
    expect(again.stdout).toContain('导入结果已通过 qingdan validate 检查。');
    expect(files.map((file) => readFileSync(path.join(cwd, file), 'utf8'))).toEqual(before);
  });

  it('names a formula saved without its result and an error value at their cells, not only as missing values', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow(['实施编码', '事项名称', '事项类型', '实施主体', '法定办结时限', '承诺办结时限', '到办事现场次数']);
    // A program wrote the formula without calculating it; Excel left #N/A and #DIV/0! in the others.
    sheet.addRow(['11339921MB1C4572XQ4010010000000', '食品经营许可', '行政许可', '青山县市场监督管理局', { formula: '10+10' }, 10, { error: '#N/A' }]);
    sheet.addRow(['11339921MB1C4572XQ4010020000000', '药品零售许可', '行政许可', '青山县市场监督管理局', 20, { formula: '1/0', result: { error: '#DIV/0!' } }, 1]);
    await workbook.xlsx.writeFile(path.join(cwd, 'cells.xlsx'));
    const result = await runCli(['import', 'cells.xlsx', '--kind', 'powers', '--out', 'lists', '--lang', 'en'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('cells.xlsx［权力清单］ row 2, 法定办结时限 (column E): The cell holds the formula =10+10 but no result was saved with it');
    expect(result.stdout).toContain('cells.xlsx［权力清单］ row 2, 到办事现场次数 (column G): The cell holds the error value #N/A: read as empty.');
    expect(result.stdout).toContain('cells.xlsx［权力清单］ row 3, 承诺办结时限 (column F): The cell holds the error value #DIV/0!: read as empty.');
    expect(result.stdout).toContain('row 3, 法定办结时限 (column E): The time limit has no unit; recorded in working days.');
    const zh = await runCli(['import', 'cells.xlsx', '--kind', 'powers', '--out', 'lists2'], { cwd });
    expect(zh.stdout).toContain('cells.xlsx［权力清单］ 第 2 行 法定办结时限（E 列）: 此格是公式 =10+10，但文件中没有保存计算结果');
  });

  it('lists the columns of a sheet it does not know, and every row and column the editor must complete', async () => {
    const cwd = workspace();
    const result = await runCli(['import', path.join(IMPORT, 'unknown-headers.csv'), '--kind', 'powers', '--lang', 'en'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Columns understood: 事项名称 (B) → name');
    expect(result.stdout).toContain('Columns not understood (kept as x- fields): 主管科室 (C) → x-主管科室, 办理窗口 (D) → x-办理窗口, 年办件量 (E) → x-年办件量');
    expect(result.stdout).toContain('Columns not imported: 编号 (A)');
    expect(result.stdout).toMatch(/unknown-headers\.csv row 2: 事项类型 \(category\) is missing; fill it in\./);
    expect(result.stdout).toMatch(/unknown-headers\.csv row 2: No implementation code: placeholder TODO-[0-9a-f]{8} written/);
    expect(existsSync(path.join(cwd, 'lists/powers/unassigned.yaml'))).toBe(true);
  });

  it('refuses a named pipe or a folder given as the table (exit 2) instead of waiting on it', async () => {
    const cwd = workspace();
    execFileSync('mkfifo', [path.join(cwd, 'p.csv')]);
    mkdirSync(path.join(cwd, 'dir.xlsx'));
    const pipe = await runCli(['import', 'p.csv', '--kind', 'powers'], { cwd, timeout: 20_000 });
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toBe('qingdan: p.csv 不是普通文件（而是命名管道、目录或设备），无法导入。请给出 .xlsx 或 .csv 文件的路径。\n');
    const folder = await runCli(['import', 'dir.xlsx', '--lang', 'en'], { cwd, timeout: 20_000 });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('qingdan: dir.xlsx is not a regular file (it is a named pipe, a folder or a device) and cannot be imported. Give the path of an .xlsx or .csv file.\n');
    expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
  });

  it('refuses a named pipe or a folder given as the mapping file (exit 2, naming it) instead of waiting on it', async () => {
    const cwd = workspace();
    execFileSync('mkfifo', [path.join(cwd, 'map.yaml')]);
    mkdirSync(path.join(cwd, 'maps'));
    const pipe = await runCli(['import', path.join(IMPORT, 'custom.csv'), '--map', 'map.yaml'], { cwd, timeout: 20_000 });
    expect([pipe.code, pipe.stderr]).toEqual([2, 'qingdan: 映射文件 map.yaml 不是普通文件（而是命名管道、目录或设备），无法读取。请用 --map 给出一个 .yaml 文件的路径。\n']);
    const folder = await runCli(['import', path.join(IMPORT, 'custom.csv'), '--map', 'maps', '--lang', 'en'], { cwd, timeout: 20_000 });
    expect([folder.code, folder.stderr]).toEqual([2, 'qingdan: The mapping file maps is not a regular file (it is a named pipe, a folder or a device) and cannot be read. Give --map the path of a .yaml file.\n']);
    expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
  });

  it('reads a sheet with a merge over a whole column (J1:J1048576) in seconds, the merge cut to the rows that hold data', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权力清单');
    sheet.addRow(['实施编码', '事项名称', '事项类型', '实施主体', '设定依据', '法定办结时限', '承诺办结时限', '办理地点', '办理时间', '咨询方式']);
    for (const [code, name] of [['11339921MB1C4572XQ4010010000000', '食品经营许可'], ['11339921MB1C4572XQ4010020000000', '药品零售许可']]) {
      sheet.addRow([code, name, '行政许可', '青山县市场监督管理局', '《中华人民共和国行政许可法》第十二条', '20个工作日', '10个工作日', '政务服务中心', '工作日', '0571-1234567']);
    }
    sheet.mergeCells('J2:J3');
    await workbook.xlsx.writeFile(path.join(cwd, 'column.xlsx'));
    // Written through exceljs the merge would be expanded as it is written: the whole column is set in the XML itself.
    const zip = await JSZip.loadAsync(readFileSync(path.join(cwd, 'column.xlsx')));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<mergeCell ref="J2:J3"/>');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('<mergeCell ref="J2:J3"/>', '<mergeCell ref="J1:J1048576"/>'));
    writeFileSync(path.join(cwd, 'column.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));

    const result = await runCli(['import', 'column.xlsx', '--lang', 'en'], { cwd, timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('column.xlsx［权力清单］: powers, header in row 1, 2 data rows.');
    // The merge's master is the header cell J1: every row below it repeats it, up to the last row with data and no further.
    const written = readFileSync(path.join(cwd, 'lists/powers/scjdglj.yaml'), 'utf8');
    expect(written.match(/consult: 咨询方式/g)).toHaveLength(2);
  });

  it('names a code typed as a number, longer than a spreadsheet keeps, at its sheet, row and column', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('部门');
    sheet.addRow(['部门名称', '统一社会信用代码', '层级']);
    sheet.addRow(['青山县交通运输局', 113399210025412733, '县级']);
    await workbook.xlsx.writeFile(path.join(cwd, 'departments.xlsx'));
    const result = await runCli(['import', 'departments.xlsx'], { cwd });
    expect(result.stdout).toContain('departments.xlsx［部门］ 第 2 行 统一社会信用代码（B 列）: 此格是数字 113399210025412740，位数超过表格中数字能保存的 15 位有效数字，末尾几位在录入时已经丢失。请把这一列设为“文本”格式，再重新输入这些编码。');
  });

  it('refuses a password-protected workbook with a sentence (exit 2)', async () => {
    const result = await runCli(['import', path.join(IMPORT, 'password.xlsx'), '--lang', 'en'], { cwd: workspace() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`qingdan: ${path.join(IMPORT, 'password.xlsx')} is password-protected and cannot be read. Remove the password in Excel or WPS (File → Info → Protect Workbook), save, and import again.\n`);
  });

  it('refuses a truncated workbook with a sentence (exit 2), writing nothing', async () => {
    const cwd = workspace();
    const result = await runCli(['import', path.join(IMPORT, 'truncated.xlsx')], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`qingdan: ${path.join(IMPORT, 'truncated.xlsx')} 不是可读取的 XLSX 工作簿，可能已损坏或未下载完整。请用 Excel 或 WPS 打开后“另存为”.xlsx 文件（或重新导出、下载），再导入。\n`);
    expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
  });

  it('names a damaged workbook as not a readable XLSX workbook, in its own words and not exceljs\'s (exit 2)', async () => {
    const cwd = workspace();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('权力清单').addRow(['实施编码', '事项名称']);
    await workbook.xlsx.writeFile(path.join(cwd, 'good.xlsx'));
    const good = await JSZip.loadAsync(readFileSync(path.join(cwd, 'good.xlsx')));
    // A sheet's XML cut off (exceljs: "Cannot set properties of undefined (setting 'sheetNo')"), and a ZIP with no workbook in it.
    good.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row');
    writeFileSync(path.join(cwd, 'broken.xlsx'), await good.generateAsync({ type: 'nodebuffer' }));
    const other = new JSZip();
    other.file('readme.txt', '说明');
    writeFileSync(path.join(cwd, 'other.xlsx'), await other.generateAsync({ type: 'nodebuffer' }));
    for (const file of ['broken.xlsx', 'other.xlsx']) {
      const result = await runCli(['import', file, '--lang', 'en'], { cwd });
      expect([result.code, result.stderr]).toEqual([2, `qingdan: ${file} is not a readable XLSX workbook; it may be damaged or not completely downloaded. Open it in Excel or WPS and save it again as .xlsx (or export or download it again), then import that.\n`]);
    }
    expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
  });

  it('will not overwrite department files without --append or --force (exit 2)', async () => {
    const cwd = workspace();
    const file = path.join(IMPORT, 'merged-2015.xlsx');
    expect((await runCli(['import', file], { cwd })).code).toBe(0);
    const before = readFileSync(path.join(cwd, 'lists/powers/jtysj.yaml'), 'utf8');
    const again = await runCli(['import', file, '--lang', 'en'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('qingdan: lists/powers/jtysj.yaml already exists (2 department files exist). Add --append to add to them, --force to replace them, or choose another --out folder.\n');
    expect(readFileSync(path.join(cwd, 'lists/powers/jtysj.yaml'), 'utf8')).toBe(before);
    expect((await runCli(['import', file, '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(path.join(cwd, 'lists/powers/jtysj.yaml'), 'utf8')).toBe(before);
  });

  it('reads a file by what it holds when its name says otherwise: a workbook named .csv, a CSV named .xlsx', async () => {
    const cwd = workspace();
    copyFileSync(path.join(IMPORT, 'merged-2015.xlsx'), path.join(cwd, '权力清单.csv'));
    const workbook = await runCli(['import', '权力清单.csv', '--out', 'a', '--lang', 'en'], { cwd });
    // Was: "权力清单.csv is neither UTF-8 nor GB18030 … save it as CSV UTF-8".
    expect(workbook.stdout).toContain('权力清单.csv［行政许可］: powers, header in row 3, 3 data rows.');
    expect(workbook.code).toBeLessThan(2);
    copyFileSync(path.join(IMPORT, 'national.utf8-bom.csv'), path.join(cwd, '权力清单.xlsx'));
    const text = await runCli(['import', '权力清单.xlsx', '--kind', 'powers', '--out', 'b', '--lang', 'en'], { cwd });
    // Was: "权力清单.xlsx is not a complete XLSX file … (not a ZIP archive)".
    expect(text.stdout).toContain('权力清单.xlsx: powers, UTF-8 with BOM, header in row 1, 1 data row.');
    expect(text.code).toBe(1);
  });

  it('says a binary file named .csv is not a table, instead of decoding it as GB18030 (exit 2)', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '清单.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const result = await runCli(['import', '清单.csv', '--kind', 'powers'], { cwd });
    expect([result.code, result.stderr]).toEqual([2, 'qingdan: 清单.csv 不是 CSV 或 XLSX 文件。请另存为 .xlsx 或 .csv 后导入。\n']);
  });

  it('says a sheet has a header but no rows (exit 2), creating nothing', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '权力清单.csv'), '实施编码,事项名称,事项类型\r\n');
    const result = await runCli(['import', '权力清单.csv', '--lang', 'en'], { cwd });
    expect([result.code, result.stderr]).toEqual([2, 'qingdan: There are no data rows below the header in 权力清单.csv: nothing was imported, and no file was created or changed. Check that this is the right file or sheet.\n']);
    expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
  });

  it('refuses to add departments to a GB18030 departments.yaml (exit 2) instead of garbling it, and writes nothing', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'lists'));
    writeFileSync(path.join(cwd, 'lists/qingdan.yaml'), 'name: 测试\n');
    const departments = path.join(cwd, 'lists/departments.yaml');
    const gb18030 = Uint8Array.from([...Buffer.from('departments:\n  - id: old\n    name: '), 0xb2, 0xbf, 0xc3, 0xc5, 0x0a]);
    writeFileSync(departments, gb18030);
    const result = await runCli(['import', path.join(IMPORT, 'legacy-2015.gb18030.csv'), '--kind', 'powers', '--lang', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qingdan: lists\/departments\.yaml is not UTF-8, so adding the new departments entries would garble its text\. Convert it to UTF-8 first/);
    expect(Buffer.compare(readFileSync(departments), Buffer.from(gb18030))).toBe(0);
    expect(existsSync(path.join(cwd, 'lists/powers'))).toBe(false);
  });

  it('counts every entry in the summary, duplicates included (an import --append of rows already there wrote them; now it does not)', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '权力清单.csv'), [
      '实施编码,事项名称,事项类型,实施主体,设定依据,法定办结时限,承诺办结时限',
      '11339921MB1C4572XQ4010010000000,食品经营许可,行政许可,青山县市场监督管理局,《中华人民共和国食品安全法》第三十五条,20个工作日,10个工作日',
      '11339921MB1C4572XQ4010020000000,药品零售许可,行政许可,青山县市场监督管理局,《中华人民共和国食品安全法》第三十五条,20个工作日,10个工作日',
    ].join('\n'));
    expect((await runCli(['import', '权力清单.csv'], { cwd })).stdout).toContain('权力清单：4 个文件，1 个部门，2 项权力，0 条责任，0 个流程\n');
    // The two entries written twice, by hand now that import --append does not write them again.
    const file = path.join(cwd, 'lists/powers/scjdglj.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n${text.slice(text.indexOf('  - code: '))}`);
    const again = await runCli(['validate', 'lists', '--lang', 'en'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('code/duplicate');
    // Was "2 powers": codes were counted, not the entries the file holds.
    expect(again.stdout).toContain('权力清单: 4 files, 1 department, 4 powers, 0 responsibilities, 0 flows\n');
  });

  it('imports again into a catalogue that holds every row already: a normal import that writes nothing (exit 0)', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '部门.csv'), '部门标识,部门名称,层级\r\nscjgj,示例县市场监督管理局,县级\r\n');
    expect((await runCli(['import', '部门.csv'], { cwd })).code).toBe(0);
    const again = await runCli(['import', '部门.csv', '--lang', 'en'], { cwd });
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toContain('部门.csv: departments, UTF-8, header in row 1, 1 data row.');
  });

  it('names the line where an unclosed quote opens in a CSV, not the end of the file (exit 2)', async () => {
    const cwd = workspace();
    // Line 3 holds a cell over two lines (closed), line 5 opens a quote that never closes; the file ends at line 7.
    writeFileSync(path.join(cwd, '权力清单.csv'), '实施编码,事项名称\nA1,甲\nA2,"乙\n（续）"\nA3,"丙\nA4,丁\nA5,戊\n');
    const result = await runCli(['import', '权力清单.csv', '--lang', 'en'], { cwd });
    expect([result.code, result.stderr]).toEqual([2, 'qingdan: A quote opened in line 5 of 权力清单.csv is never closed, so everything after it would read as one cell. Close it in that line (a quote inside a cell is written twice: "").\n']);
    expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
  });

  it('says what is wrong with a mapping file and an unknown --kind (exit 2)', async () => {
    const cwd = workspace();
    const kind = await runCli(['import', path.join(IMPORT, 'custom.csv'), '--kind', 'items', '--lang', 'en'], { cwd });
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^qingdan: --kind items is not a table: use one of powers, materials/);
    const missing = await runCli(['import', path.join(IMPORT, 'custom.csv'), '--map', 'nowhere.yaml'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('qingdan: 无法读取映射文件 nowhere.yaml（ENOENT）。请检查 --map 给出的路径。\n');
  });

  it('says a header_row below the sheet\'s last row, or on a row without column names, is the setting to change (exit 2)', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '权力清单.csv'), '青山县权力清单\n实施编码,事项名称\nA1,甲\n\n');
    writeFileSync(path.join(cwd, 'far.yaml'), 'header_row: 30\n');
    writeFileSync(path.join(cwd, 'title.yaml'), 'header_row: 1\n');
    const far = await runCli(['import', '权力清单.csv', '--map', 'far.yaml', '--lang', 'en'], { cwd });
    expect([far.code, far.stderr]).toEqual([2, 'qingdan: The mapping file sets header_row to 30, but 权力清单.csv ends at row 3. Set header_row to the row that holds the column names (from 1), or remove it to let import find the header.\n']);
    const farZh = await runCli(['import', '权力清单.csv', '--map', 'far.yaml'], { cwd });
    expect(farZh.stderr).toBe('qingdan: 映射文件中的 header_row 是 30，但 权力清单.csv 只到第 3 行。请把 header_row 改为列名所在的行号（从 1 起），或删去这一项，让导入自动查找表头。\n');
    const title = await runCli(['import', '权力清单.csv', '--map', 'title.yaml', '--lang', 'en'], { cwd });
    expect([title.code, title.stderr]).toEqual([2, 'qingdan: Row 1 of 权力清单.csv (header_row in the mapping file) is "青山县权力清单", and no column is a catalogue field (such as 实施编码、事项名称、子项名称、基本编码、主项编码、事项类型、实施主体、实施主体编码). Set header_row to the row that holds the column names, or name these columns in the mapping file (columns).\n']);
    expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
  });

  it('names the place in a mapping file that is wrong, and what it should hold, in both languages (exit 2)', async () => {
    const cwd = workspace();
    const run = async (text: string | Buffer, lang = 'zh-CN') => {
      writeFileSync(path.join(cwd, 'map.yaml'), text);
      const result = await runCli(['import', path.join(IMPORT, 'custom.csv'), '--map', 'map.yaml', '--out', 'lists', '--lang', lang], { cwd });
      expect(result.code).toBe(2);
      expect(existsSync(path.join(cwd, 'lists'))).toBe(false);
      return result.stderr;
    };
    expect(await run('columns:\n  职权编号: code\n  权力名称: [name\n')).toMatch(/^qingdan: 映射文件 map\.yaml:4:1 有 YAML 语法错误：/);
    expect(await run('- columns\n')).toBe('qingdan: 映射文件 map.yaml:1:1 应为 YAML 映射，写 sheets、header_row、columns、values、defaults 中用到的几项，如 columns: 下写“表头: 字段”（见 docs/import-export.md）。\n');
    expect(await run('')).toContain('映射文件 map.yaml:1:1 应为 YAML 映射');
    expect(await run('columns:\n  职权编号: code\ncolumn:\n  权力名称: name\n')).toBe('qingdan: 映射文件 map.yaml:3:1：没有 column 这一项。可用的有：sheets、header_row、columns、values、defaults。\n');
    expect(await run('columns:\n  职权编号: code\n  权力名称: titel\n')).toMatch(/^qingdan: 映射文件 map\.yaml:3:9 有误：columns\.权力名称: titel — code, name, /);
    expect(await run(Buffer.from([0xff, 0xfe, 0x63, 0x00]))).toBe('qingdan: 映射文件 map.yaml 不是 UTF-8 编码。请用编辑器“另存为 UTF-8”后重试。\n');
    expect(await run('column:\n  a: name\n', 'en')).toBe('qingdan: Mapping file map.yaml:1:1: column is not a section of a mapping file. It may hold: sheets, header_row, columns, values, defaults.\n');
    expect(await run('- a\n', 'en')).toBe('qingdan: Mapping file map.yaml:1:1 must be a YAML mapping of those of sheets, header_row, columns, values, defaults it needs, e.g. "header: field" under columns: (see docs/import-export.md).\n');
  });
});
