// Export: national column names, formula cells neutralised in CSV, merged groups in XLSX, links in JSON-LD.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadCatalogueSync } from '../../src/catalogue/load.js';
import { DirectorySource, MemorySource } from '../../src/catalogue/source.js';
import { exportCatalogue } from '../../src/export/index.js';
import { baseFiles } from '../harness.js';
import { ROOT } from '../cli/run-cli.js';

const lists = loadCatalogueSync(new DirectorySource(path.join(ROOT, 'lists'))).catalogue;

async function one(format: 'csv' | 'xlsx' | 'json' | 'jsonld', kind: Parameters<typeof exportCatalogue>[1]['kind'] = 'powers', catalogue = lists): Promise<Buffer> {
  const [file] = await exportCatalogue(catalogue, { format, kind, bom: true });
  return file!.bytes;
}

describe('CSV', () => {
  it('has a BOM, the national column names and one row per power', async () => {
    const bytes = await one('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(rows[0]!.slice(0, 8)).toEqual(['实施编码', '事项名称', '子项名称', '基本编码', '主项编码', '事项类型', '实施主体', '实施主体编码']);
    expect(rows).toHaveLength(84);
    const food = rows.find((row) => row[0] === '11339921MB1C4572XQ4010010010000')!;
    const column = (name: string) => food[rows[0]!.indexOf(name)];
    expect([column('事项名称'), column('子项名称'), column('事项类型'), column('行使层级'), column('承诺办结时限'), column('网上办理深度')]).toEqual([
      '食品经营许可', '食品经营许可（新办）', '行政许可', '县级', '5个工作日', '互联网咨询、网上收件、网上预审、网上受理、网上办理、结果信息反馈、电子证照反馈',
    ]);
    expect(column('设定依据')).toBe('《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。\n《食品经营许可和备案管理办法》');
  });

  it('puts a quote before a cell that a spreadsheet would run as a formula', async () => {
    const files = baseFiles();
    files['powers.yaml'] = files['powers.yaml']!.replace('name: 食品经营许可', 'name: "=HYPERLINK(\\"http://example.invalid\\",\\"点我\\")"').replace('        originals: 1', '        originals: 1\n        note: "+86 570 1234"');
    const catalogue = loadCatalogueSync(new MemorySource(files)).catalogue;
    const powers = parse((await one('csv', 'powers', catalogue)).subarray(3).toString('utf8')) as string[][];
    expect(powers[1]![1]).toBe('\'=HYPERLINK("http://example.invalid","点我")');
    const materials = parse((await one('csv', 'materials', catalogue)).subarray(3).toString('utf8')) as string[][];
    expect(materials[1]![materials[0]!.indexOf('备注')]).toBe("'+86 570 1234");
  });

  it('writes every table as its own file with --kind all', async () => {
    const files = await exportCatalogue(lists, { format: 'csv', kind: 'all', bom: false });
    expect(files.map((f) => f.name)).toEqual(['权力清单.csv', '申请材料.csv', '收费项目.csv', '特别程序.csv', '廉政风险点.csv', '责任清单.csv', '部门职责.csv', '部门.csv', '法律法规.csv', '运行流程.csv']);
    expect(files[0]!.bytes.subarray(0, 12).toString('utf8')).toBe('实施编码');
  });
});

describe('XLSX', () => {
  it('has a sheet per table and merges the cells one power\'s duties share', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await one('xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['权力清单', '申请材料', '收费项目', '特别程序', '廉政风险点', '责任清单', '部门职责', '部门', '法律法规', '运行流程']);
    const duties = workbook.getWorksheet('责任清单')!;
    expect(duties.getRow(1).getCell(5).value).toBe('责任环节');
    // The first power in lists/ (机动车注册登记, 公安局) has six duties: rows 2–7 share its code, names and accountability.
    const merges = (duties.model as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A2:A7', 'B2:B7', 'D2:D7', 'H2:H7', 'I2:I7', 'J2:J7']));
    expect(merges).not.toContain('E2:E7');
    expect(duties.getCell('E3').value).toBe('审查');
  });
});

describe('JSON and JSON-LD', () => {
  it('JSON carries the sections as they are', async () => {
    const data = JSON.parse((await one('json')).toString('utf8'));
    expect(data.format).toBe('qingdan/v1');
    expect(data.powers).toHaveLength(83);
    expect(data.departments[0]).toEqual(lists.sections.departments[0]!.value);
  });

  it('JSON-LD types powers as schema:GovernmentService and links them to their department and laws', async () => {
    const data = JSON.parse((await one('jsonld')).toString('utf8'));
    expect(data['@context']['@vocab']).toBe('urn:qingdan:format:v1#');
    const food = data['@graph'].find((node: { '@id': string }) => node['@id'] === 'power/11339921MB1C4572XQ4010010000000');
    expect(food['@type']).toBe('schema:GovernmentService');
    expect(food['schema:provider']).toEqual({ '@id': 'department/scjgj' });
    expect(food['schema:serviceType']).toBe('行政许可');
    expect(food.basis[0].law).toBe('law/spaqf');
    const department = data['@graph'].find((node: { '@id': string }) => node['@id'] === 'department/scjgj');
    expect(department['@type']).toBe('schema:GovernmentOrganization');
    expect(department.parent).toBe('department/xzf');
  });

  it('JSON-LD keeps the order of steps, conditions and materials, and links departments named in other fields', async () => {
    const data = JSON.parse((await one('jsonld')).toString('utf8'));
    for (const term of ['steps', 'conditions', 'materials', 'duties', 'tasks']) expect(data['@context'][term], term).toEqual({ '@container': '@list' });
    for (const term of ['co_departments', 'delegated_by', 'with']) expect(data['@context'][term], term).toEqual({ '@type': '@id' });
    const duty = data['@graph'].find((node: { '@type': string; department: { '@id': string } }) => node['@type'] === 'DepartmentResponsibility' && node.department['@id'] === 'department/scjgj');
    expect(duty.boundaries.map((b: { with: string }) => b.with)).toEqual(['department/nyncj', 'department/xzspj']);
    expect(duty.boundaries[0].division).toMatch(/^县农业农村局负责/);
    const delegated = lists.sections.powers.find((entry) => entry.value.delegated_by)!.value;
    const node = data['@graph'].find((n: { '@id': string }) => n['@id'] === `power/${delegated.code}`);
    expect(node.delegated_by).toBe(`department/${delegated.delegated_by}`);
  });
});
