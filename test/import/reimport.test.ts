// Importing again into a catalogue that already holds the sheet's entries (src/import/existing.ts): what is there is
// not written again, is named at its row with the place it is at, and what the sheet says differently is listed.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/cli/import.js';
import { loadCatalogueSync } from '../../src/catalogue/load.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { exportCatalogue } from '../../src/export/index.js';
import { importTables, type ImportResult } from '../../src/import/index.js';
import { validateCatalogue } from '../../src/validate.js';
import { ROOT } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

function workspace(): string {
  return temporaryFolder('qingdan-reimport-');
}

function issues(result: ImportResult): string[] {
  return result.issues.map((i) => `${i.level} ${i.messageId} @${i.row ?? '-'}`);
}

function ruleIds(root: string): string[] {
  return validateCatalogue(new DirectorySource(root, path.dirname(root)), { explicitLocale: 'en' }).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
}

const HEADER = '实施编码,事项名称,事项类型,实施主体,实施主体编码,行使层级,设定依据,法定办结时限,承诺办结时限';
const row = (code: string, name: string, promised = '10个工作日') => `${code},${name},行政许可,青山县市场监督管理局,11339921MB1C4572XQ,县级,《中华人民共和国食品安全法》第三十五条,20个工作日,${promised}`;
const FOOD = '11339921MB1C4572XQ4010010000000';
const DRUG = '11339921MB1C4572XQ4010020000000';
const MAKE = '11339921MB1C4572XQ4010030000000';

describe('import --append of a sheet whose items the catalogue already holds', () => {
  it('writes only the new items; each held one is named at its row with its place, and what the sheet changed is listed', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, '权力清单.csv'), [HEADER, row(FOOD, '食品经营许可'), row(DRUG, '药品零售许可')].join('\n'));
    await importTables({ files: ['权力清单.csv'], out: 'lists', cwd });
    const file = path.join(cwd, 'lists/powers/scjdglj.yaml');
    // The editor's comment, which a rewrite of the entry would lose.
    const edited = readFileSync(file, 'utf8').replace('      promised: 10\n', '      promised: 10 # 2023 年压缩\n');
    writeFileSync(file, edited);

    // The office's updated sheet: the first item's promised limit shortened, the second as it was, a third added.
    writeFileSync(path.join(cwd, '权力清单.csv'), [HEADER, row(FOOD, '食品经营许可', '5个工作日'), row(DRUG, '药品零售许可'), row(MAKE, '食品生产许可')].join('\n'));
    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd, append: true });

    expect(result.held).toEqual({ count: 2, differ: 1 });
    expect(result.written).toEqual([{ relativePath: 'powers/scjdglj.yaml', entries: 1, appended: true }]);
    expect(issues(result)).toEqual(['fix held-power-differs @2', 'note held-power-same @3']);
    expect(result.issues.map((i) => i.data)).toEqual([
      { code: FOOD, name: '食品经营许可', place: 'lists/powers/scjdglj.yaml:4', fields: 'time_limit.promised: 10 → 5' },
      { code: DRUG, name: '药品零售许可', place: 'lists/powers/scjdglj.yaml:17', fields: '' },
    ]);
    // What was there is byte for byte as it was, the comment too; the new item follows it.
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(edited.trimEnd())).toBe(true);
    expect(text.slice(edited.trimEnd().length)).toContain(`\n\n  - code: ${MAKE}\n    name: 食品生产许可\n`);
    expect(text.match(/- code: /g)).toHaveLength(3);
    expect(ruleIds(path.join(cwd, 'lists')).filter((id) => !id.endsWith('responsibility/missing'))).toEqual([]);

    const zh = renderReport(result, 'lists', 'zh-CN');
    expect(zh).toContain('\n追加 1 条到 lists/powers/scjdglj.yaml\n已在清单中的 2 条未重复写入，其中 1 条与表格不同：清单中的条目未改动，请按“需要编辑补充”中逐条列出的字段修改。\n');
    expect(zh).toContain('\n  权力清单.csv 第 2 行: 事项 11339921MB1C4572XQ4010010000000（食品经营许可）已在清单中（lists/powers/scjdglj.yaml:4），未重复写入，该处条目也未改动；此行与之不同：time_limit.promised: 10 → 5。请在该处修改（或删去该条目后再导入）。\n');
    expect(zh).toContain('\n  权力清单.csv 第 3 行: 事项 11339921MB1C4572XQ4010020000000（药品零售许可）已在清单中（lists/powers/scjdglj.yaml:17），与此行一致，未重复写入。\n');
    const en = renderReport(result, 'lists', 'en');
    expect(en).toContain("\n2 entries are already in the catalogue and were not written again; 1 of them differs from the sheet. The catalogue's entries were left as they are: edit the fields listed among the places to complete.\n");
    expect(en).toContain('\n  权力清单.csv row 2: Item 11339921MB1C4572XQ4010010000000 (食品经营许可) is already in the catalogue (lists/powers/scjdglj.yaml:4): not written again, and the entry there was left as it is. This row differs in time_limit.promised: 10 → 5. Edit the entry there (or delete it and import again).\n');
    expect(en).toContain('\n  权力清单.csv row 3: Item 11339921MB1C4572XQ4010020000000 (药品零售许可) is already in the catalogue (lists/powers/scjdglj.yaml:17) as this row has it: not written again.\n');
  });

  it('holds an item in another department\'s file too, without --append; --force replaces the files it writes, whose items are then not held', async () => {
    const cwd = workspace();
    const lists = path.join(cwd, 'lists');
    mkdirSync(path.join(lists, 'powers'), { recursive: true });
    writeFileSync(path.join(lists, 'qingdan.yaml'), 'name: 测试\nprofile: national\n');
    writeFileSync(path.join(lists, 'departments.yaml'), 'departments:\n  - id: scjdglj\n    name: 青山县市场监督管理局\n    credit_code: 11339921MB1C4572XQ\n    level: county\n');
    // The drug licence kept in a file of its own, and the food licence in the department's file.
    writeFileSync(path.join(lists, 'powers/drugs.yaml'), `powers:\n  - code: ${DRUG}\n    name: 药品零售许可\n    category: licensing\n    department: scjdglj\n`);
    writeFileSync(path.join(lists, 'powers/scjdglj.yaml'), `powers:\n  - code: ${FOOD}\n    name: 食品经营许可（旧）\n    category: licensing\n    department: scjdglj\n`);
    writeFileSync(path.join(cwd, '权力清单.csv'), [HEADER, row(FOOD, '食品经营许可'), row(DRUG, '药品零售许可')].join('\n'));

    const result = await importTables({ files: ['权力清单.csv'], out: 'lists', cwd, force: true });
    expect(result.held).toEqual({ count: 1, differ: 1 });
    expect(issues(result)).toEqual(['fix held-power-differs @3']);
    // The entry there has only four fields: the sheet's others are differences, a whole list named by its field.
    expect([result.issues[0]!.data.place, result.issues[0]!.data.fields]).toEqual(['lists/powers/drugs.yaml:2', 'level: — → county; basis; time_limit']);
    expect(result.written.map((w) => [w.relativePath, w.entries, w.appended])).toEqual([['laws.yaml', 1, false], ['powers/scjdglj.yaml', 1, false]]);
    const written = readFileSync(path.join(lists, 'powers/scjdglj.yaml'), 'utf8');
    expect(written.match(/- code: \S+/g)).toEqual([`- code: ${FOOD}`]);
    expect(written).toContain('name: 食品经营许可\n');
    expect(ruleIds(lists).filter((id) => id.includes('duplicate'))).toEqual([]);
  });
});

describe('the catalogue\'s own export imported back into it', () => {
  it('writes nothing: every item, responsibility entry, duty list and flow is held, as the sheets have it', async () => {
    const cwd = workspace();
    const lists = path.join(cwd, 'lists');
    cpSync(path.join(ROOT, 'lists'), lists, { recursive: true });
    const { catalogue } = loadCatalogueSync(new DirectorySource(lists, cwd));
    const names: string[] = [];
    for (const file of await exportCatalogue(catalogue, { format: 'csv', kind: 'all', bom: true })) {
      writeFileSync(path.join(cwd, file.name!), file.bytes);
      names.push(file.name!);
    }
    const before = new Map(readdirSync(lists, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(lists, f), 'utf8')]));
    const result = await importTables({ files: names, out: 'lists', cwd, append: true });
    const counted = (prefix: string) => result.issues.filter((i) => i.messageId === prefix).length;
    expect([counted('held-power-same'), counted('held-responsibility-same'), counted('held-duty-same'), counted('held-flow-same')]).toEqual([
      catalogue.sections.powers.length,
      catalogue.sections.responsibilities.filter((e) => 'power' in e.value).length,
      catalogue.sections.responsibilities.filter((e) => !('power' in e.value)).length,
      catalogue.sections.flows.length,
    ]);
    expect(result.held).toEqual({ count: 180, differ: 0 });
    expect(result.issues.filter((i) => i.level === 'fix')).toEqual([]);
    expect(result.written).toEqual([]);
    for (const [file, text] of before) expect(readFileSync(path.join(lists, file), 'utf8'), file).toBe(text);
  });
});
