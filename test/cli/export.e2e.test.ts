import { chmodSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AS_ROOT, CAN_DROP_ROOT, copyCatalogue, edit, ROOT, runCli, runUnprivileged } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

describe('qingdan export (the real binary)', () => {
  it('writes the powers table as CSV with a BOM to standard output by default', async () => {
    const result = await runCli(['export', 'lists']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFF实施编码,事项名称,子项名称,基本编码')).toBe(true);
    const rows = parse(result.stdout.slice(1)) as string[][];
    expect(rows).toHaveLength(84);
    expect(rows[1]!.slice(0, 2)).toEqual(['11339921002541353N4010010000000', '机动车驾驶证核发（期满换证、补证）']);
  });

  it('writes every table into a folder, and an XLSX and JSON-LD to files', async () => {
    const dir = temporaryFolder('qingdan-export-');
    const csv = await runCli(['export', 'lists', '--kind', 'all', '--out', path.join(dir, 'csv'), '--no-bom']);
    expect(csv.code).toBe(0);
    expect(readdirSync(path.join(dir, 'csv'))).toHaveLength(10);
    expect(readFileSync(path.join(dir, 'csv/责任清单.csv'), 'utf8').split('\r\n')[0]).toBe('实施编码,事项名称,子项名称,实施主体,责任环节,责任事项,责任事项依据,追责情形,追责依据,追责对象范围');
    const xlsx = await runCli(['export', 'lists', '-f', 'xlsx', '-o', path.join(dir, 'lists.xlsx')]);
    expect(xlsx.code).toBe(0);
    expect(readFileSync(path.join(dir, 'lists.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const jsonld = await runCli(['export', 'lists', '-f', 'jsonld', '--base-url', 'https://qingdan.example.gov.cn/']);
    expect(JSON.parse(jsonld.stdout)['@context']['@base']).toBe('https://qingdan.example.gov.cn/');
  });

  it('names, in both languages, what a spreadsheet cannot give back to import, and still exports (exit 0)', async () => {
    const lists = copyCatalogue(path.join(ROOT, 'lists'));
    edit(path.join(lists, 'flows/zjj.yaml'), '    name: 建筑工程施工许可证核发流程\n', '    name: 建筑工程施工许可证核发流程\n    x-版本: 2\n');
    const dir = temporaryFolder('qingdan-export-');
    const zh = await runCli(['export', lists, '-f', 'xlsx', '-o', path.join(dir, 'lists.xlsx')]);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('注意：以下 1 处内容在表格中不能原样保存');
    expect(zh.stderr).toContain('  flows[construction-permit].x-版本：表格中没有这一层的列，未导出\n');
    const en = await runCli(['export', lists, '--kind', 'flows', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe([
      'Note: 1 value cannot be kept as it is in a spreadsheet and would be lost or changed by qingdan import; use -f json to keep everything:',
      '  flows[construction-permit].x-版本: the tables have no column at this level; not exported',
      '',
    ].join('\n'));
    // JSON keeps it, and says nothing.
    const json = await runCli(['export', lists, '-f', 'json']);
    expect([json.code, json.stderr]).toEqual([0, '']);
    expect(JSON.parse(json.stdout).flows.find((flow: { id: string }) => flow.id === 'construction-permit')['x-版本']).toBe(2);
    // The example catalogue loses nothing.
    expect((await runCli(['export', 'lists', '-f', 'xlsx', '-o', path.join(dir, 'clean.xlsx')])).stderr).toBe('已导出到 ' + path.join(dir, 'clean.xlsx') + '。\n');
  });

  it('says in words why it cannot write: a folder given as the file, a file in the way of a folder (exit 2)', async () => {
    const dir = temporaryFolder('qingdan-export-');
    writeFileSync(path.join(dir, 'notes'), 'keep');
    const folder = await runCli(['export', 'lists', '-o', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`qingdan: 无法写入 ${dir}（EISDIR）：这是一个文件夹，不是文件。请给出文件的路径，或移走该文件夹。\n`);
    const under = await runCli(['export', path.join(ROOT, 'lists'), '-o', 'notes/清单.csv', '--lang', 'en'], { cwd: dir });
    expect(under.code).toBe(2);
    // Node says "EEXIST: file already exists, mkdir", which reads as if the export would not overwrite 清单.csv.
    expect(under.stderr).toBe(`qingdan: Cannot write ${path.join(dir, 'notes/清单.csv')} (EEXIST): part of the path is a file, not a folder. Choose another place, or rename that file.\n`);
    expect(readFileSync(path.join(dir, 'notes'), 'utf8')).toBe('keep');
  });

  it.skipIf(AS_ROOT && !CAN_DROP_ROOT)('names a folder it may not list and exits 1, as validate does (it said an entry failed the format check)', async () => {
    const catalogue = copyCatalogue(path.join(ROOT, 'lists'));
    const dir = path.dirname(catalogue);
    chmodSync(dir, 0o777);
    chmodSync(path.join(catalogue, 'flows'), 0o000);
    const json = await runUnprivileged(['export', 'lists', '-f', 'json', '--lang', 'en'], dir);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe(
      "1 file or folder could not be read, so what it holds was not exported. Fix it and export again:\n  lists/flows:1:1  Cannot read this folder (EACCES); the files in it were not checked. Check the folder's permissions.  file/unreadable\n",
    );
    expect(JSON.parse(json.stdout).flows).toEqual([]);
    const zh = await runUnprivileged(['export', 'lists', '--kind', 'flows', '--lang', 'zh-CN'], dir);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe('有 1 个文件或文件夹无法读取，其中的内容未导出。请修正后再导出：\n  lists/flows:1:1  无法读取此文件夹（EACCES），其中的文件未检查。请检查文件夹的权限。  file/unreadable\n');
  });

  it('names a file it cannot parse, at file:line:col, and exits 1', async () => {
    const catalogue = copyCatalogue(path.join(ROOT, 'lists'));
    writeFileSync(path.join(catalogue, 'powers/broken.yaml'), 'powers:\n  - code: "unclosed\n    name: 未闭合\n');
    const result = await runCli(['export', 'lists', '-f', 'json', '--lang', 'en'], { cwd: path.dirname(catalogue) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '1 file or folder could not be read, so what it holds was not exported. Fix it and export again:\n  lists/powers/broken.yaml:2:11  YAML syntax error: a character is missing, e.g. an unclosed quote or bracket. (Missing closing "quote)  yaml/syntax\n',
    );
  });

  it('names a key written twice as the earlier value lost, not as a place outside any entry (exit 1)', async () => {
    const catalogue = copyCatalogue(path.join(ROOT, 'lists'));
    edit(path.join(catalogue, 'powers/jyj.yaml'), '    name: 教师资格认定\n', '    name: 教师资格认定\n    name: 重复的名称\n');
    const out = path.join(path.dirname(catalogue), 'powers.json');
    const result = await runCli(['export', 'lists', '-f', 'json', '--kind', 'powers', '--out', out, '--lang', 'en'], { cwd: path.dirname(catalogue) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `Exported to ${out}.\n` +
        '1 key is written twice in one mapping: the later value was exported and the earlier one was not. Keep one of each and export again:\n' +
        '  lists/powers/jyj.yaml:8:5  Key name occurs twice; the later one would silently win. Remove or merge one of them.  yaml/duplicate-key\n',
    );
    const exported = JSON.parse(readFileSync(out, 'utf8')) as Array<{ name: string }> | { powers: Array<{ name: string }> };
    const names = (Array.isArray(exported) ? exported : exported.powers).map((power) => power.name);
    expect(names).toContain('重复的名称');
    expect(names).not.toContain('教师资格认定');
    const zh = await runCli(['export', 'lists', '-f', 'json', '--kind', 'powers', '--out', out, '--lang', 'zh-CN'], { cwd: path.dirname(catalogue) });
    expect(zh.stderr).toContain('以下 1 个键在同一映射中重复出现：已导出后一个值，前一个值未导出。请只保留一个后再导出：\n');
  });

  it('counts the entries that fail the format check, not their findings, and names a failing place outside any entry (exit 1)', async () => {
    const dir = temporaryFolder('qingdan-export-');
    const lists = path.join(dir, 'lists');
    cpSync(path.join(ROOT, 'lists/qingdan.yaml'), path.join(lists, 'qingdan.yaml'));
    cpSync(path.join(ROOT, 'lists/departments.yaml'), path.join(lists, 'departments.yaml'));
    cpSync(path.join(ROOT, 'lists/laws.yaml'), path.join(lists, 'laws.yaml'));
    // Four findings in the first entry (basis missing too), one in the second: two entries are left out.
    writeFileSync(
      path.join(lists, 'broken.yaml'),
      [
        'powers:',
        '  - code: X1',
        '    name: 坏条目一',
        '    category: nonsense',
        '    department: scjgj',
        '    time_limit: {statutory: -1, promised: 1, unit: weeks}',
        '  - code: X2',
        '    name: 坏条目二',
        '    category: licensing',
        '    department: scjgj',
        '    time_limit: {statutory: 1, promised: 1, unit: days}',
        'flows: 5',
        '',
      ].join('\n'),
    );
    const validate = await runCli(['validate', 'lists', '-f', 'json'], { cwd: dir });
    const schema = (JSON.parse(validate.stdout) as { findings: Array<{ ruleId: string; path: Array<string | number> }> }).findings.filter((f) => f.ruleId.startsWith('schema/'));
    expect(schema.map((f) => f.path.slice(0, 2).join('/'))).toEqual(['powers/0', 'powers/0', 'powers/0', 'powers/0', 'powers/1', 'flows']);
    const en = await runCli(['export', 'lists', '-f', 'json', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      '2 entries fail the format check and were not exported. Run qingdan validate, fix, and export again.\n' +
        '1 place fails the format check outside any entry (such as a section that is not a list), so what it holds was not exported. Fix it and export again:\n' +
        '  lists/broken.yaml:12:8  flows must be a list (items start with "- ").  schema/type\n',
    );
    expect((JSON.parse(en.stdout) as { powers: unknown[] }).powers).toEqual([]);
    const zh = await runCli(['export', 'lists', '-f', 'json', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.stderr.split('\n').slice(0, 2)).toEqual([
      '有 2 个条目未通过格式检查，未导出。运行 qingdan validate 查看并修正后再导出。',
      '以下 1 处不在任何条目之内，未通过格式检查（如某一节不是列表），其中的内容未导出。请修正后再导出：',
    ]);
    // With the schema rules at warning the entries are still left out of the catalogue: still counted, still exit 1.
    edit(path.join(lists, 'broken.yaml'), 'flows: 5\n', '');
    edit(path.join(lists, 'qingdan.yaml'), 'rules: {}', "rules: {'schema/*': warning}");
    const warned = await runCli(['export', 'lists', '-f', 'json', '--lang', 'en'], { cwd: dir });
    expect([warned.code, warned.stderr]).toEqual([1, '2 entries fail the format check and were not exported. Run qingdan validate, fix, and export again.\n']);
  });

  it('exits 2 with a sentence for an unknown format or table, or every table without a folder', async () => {
    const base = await runCli(['export', 'lists', '-f', 'jsonld', '--base-url', 'not a url', '--lang', 'en']);
    expect([base.code, base.stdout, base.stderr]).toEqual([2, '', 'qingdan: Invalid value "not a url" for --base-url: http(s)://…\n']);
    const format = await runCli(['export', 'lists', '-f', 'pdf', '--lang', 'en']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/pdf/);
    const kind = await runCli(['export', 'lists', '--kind', 'items', '--lang', 'en']);
    expect(kind).toMatchObject({ code: 2, stderr: 'qingdan: --kind items is not a table: use one of powers, materials, fees, special-procedures, risk-points, responsibilities, department-duties, departments, laws, flows, all.\n' });
    const all = await runCli(['export', 'lists', '--kind', 'all', '--lang', 'en']);
    expect(all).toMatchObject({ code: 2, stderr: 'qingdan: Every table (--kind all) makes several CSV files: name a folder with --out.\n' });
  });
});

