// What compare does with imperfect input and with settings: broken files and configs, schema-invalid entries,
// levels from the reference's qingdan.yaml.
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCatalogues, failingDivergences } from '../../src/compare/compare.js';
import { UsageError } from '../../src/errors.js';
import { validateCatalogue } from '../../src/validate.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { edit, positionOf } from '../cli/run-cli.js';
import { FIXTURES, OFFICES } from './fixtures.js';
import { temporaryFolder } from '../temporary.js';

/** A writable copy of the four fixture catalogues; returns the folder that holds them. */
function copy(): string {
  const dir = temporaryFolder('qingdan-compare-');
  for (const office of OFFICES) cpSync(path.join(FIXTURES, office), path.join(dir, office), { recursive: true });
  return dir;
}

const run = (dir: string, reference = true) => compareCatalogues(OFFICES.map((o) => path.join(dir, o)), dir, { reference, locale: 'en', workers: 0 });

describe('compare with imperfect catalogues', () => {
  it('reports a file that does not parse, with its position, and compares the rest', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'county-a/broken.yaml'), 'powers:\n  - code: [unclosed\n');
    const result = await run(dir);
    const office = result.offices[1]!;
    expect(office.usable).toBe(true);
    expect(office.problems.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`)).toEqual(['yaml/syntax county-a/broken.yaml:2:11']);
    expect(result.divergences.filter((d) => d.office === 1).length).toBeGreaterThan(0);
    expect(office.errors).toBeGreaterThan(0);
  });

  // county-b's only powers file not UTF-8 (GB18030): its items cannot be read, so none of them is "missing" (four
  // standard/missing notices and a score of 0 for items that may well be in that file); they are not compared.
  it('does not call items missing when the file that may hold them cannot be read', async () => {
    const dir = copy();
    const file = path.join(dir, 'county-b/powers.yaml');
    // A comment that says 部门 in GB18030 (B2BF C3C5), as an editor saving in the system code page writes it.
    writeFileSync(file, Buffer.concat([Buffer.from('# '), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), Buffer.from('\n'), readFileSync(file)]));
    const result = await run(dir);
    const office = result.offices[2]!;
    expect(office.problems.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['file/encoding county-b/powers.yaml:1']);
    expect(result.divergences.filter((d) => d.office === 2)).toEqual([]);
    expect(result.rows.filter((r) => r.inReference).map((r) => r.cells[2]!.status)).toEqual(['unavailable', 'unavailable', 'unavailable', 'unavailable']);
    expect(office.score).toMatchObject({ total: 4, missing: 0, unavailable: 4, score: 0 });
  });

  it('leaves out an office whose qingdan.yaml is broken, says why, and goes on', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'county-b/qingdan.yaml'), 'name: 乙县\nprofile: [national\n');
    const result = await run(dir);
    const office = result.offices[2]!;
    expect(office).toMatchObject({ usable: false, label: 'county-b', reason: { en: 'qingdan.yaml has errors; fix them first:' } });
    expect(office.score).toBeUndefined();
    expect(office.problems[0]).toMatchObject({ ruleId: 'yaml/syntax', file: 'county-b/qingdan.yaml' });
    expect(result.rows.every((r) => r.cells[2]!.status === 'unavailable')).toBe(true);
    expect(result.divergences.some((d) => d.office === 2)).toBe(false);
    expect(result.offices[1]!.score?.total).toBe(4);
  });

  it('standard/time: a limit too large to round (×100) is no phantom difference; one too large for a number is said in words', async () => {
    const FOOD = '000101001000';
    const times = (result: Awaited<ReturnType<typeof run>>, office: number) =>
      result.divergences.filter((d) => d.classId === 'standard/time' && d.basicCode === FOOD && d.office === office);
    // 1e307 working days here and in the reference: the same promise. Rounded to hundredths it was Infinity, "longer".
    const same = copy();
    edit(path.join(same, 'reference/powers.yaml'), '{statutory: 20, promised: 10, unit: working-days}', '{statutory: 1e307, promised: 1e307, unit: working-days}');
    edit(path.join(same, 'county-c/powers.yaml'), '{statutory: 20, promised: 10, unit: working-days}', '{statutory: 1e307, promised: 1e307, unit: working-days}');
    expect(times(await run(same), 3)).toEqual([]);
    // 1e308 days are more hours than a number holds: compared in the reference's hours, the limit is too large.
    const hours = copy();
    edit(path.join(hours, 'reference/powers.yaml'), '{statutory: 20, promised: 10, unit: working-days}', '{statutory: 160, promised: 80, unit: hours}');
    edit(path.join(hours, 'county-b/powers.yaml'), '{statutory: 20, promised: 20, unit: working-days}', '{statutory: 1e308, promised: 1e308, unit: days}');
    const [longer] = times(await run(hours), 2);
    expect(longer!.messages).toEqual({
      'zh-CN': '“食品经营许可”本地承诺 过大、无法计算的时长，长于参照的 80小时。',
      en: '"食品经营许可" promises a time too large to compute here, longer than the reference\'s 80 hours.',
    });
  });

  it('leaves out an office whose qingdan.yaml names an unknown profile, with the finding validate gives', async () => {
    const dir = copy();
    edit(path.join(dir, 'county-c/qingdan.yaml'), 'profile: national', 'profile: zhejiang');
    const result = await run(dir);
    expect(result.offices[3]).toMatchObject({ usable: false, reason: { en: 'qingdan.yaml has errors; fix them first:' } });
    const { line } = positionOf(path.join(dir, 'county-c/qingdan.yaml'), 'zhejiang');
    expect(result.offices[3]!.problems.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.messages.en}`)).toEqual([`schema/enum county-c/qingdan.yaml:${line}:10 profile must be one of: national, sichuan (is zhejiang).`]);
    expect(result.offices[1]!.usable).toBe(true);
  });

  it('among peers, goes on when the first catalogue is the broken one', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'county-a/qingdan.yaml'), 'name: [\n');
    const result = await compareCatalogues(['county-a', 'county-b', 'county-c'].map((o) => path.join(dir, o)), dir, { reference: false, workers: 0 });
    expect(result.offices.map((o) => o.usable)).toEqual([false, true, true]);
    expect(result.locale).toBe('zh-CN');
    expect(result.rows.every((r) => r.cells[0]!.status === 'unavailable')).toBe(true);
  });

  it('cannot go on without the reference: a broken reference config is a usage error', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'reference/qingdan.yaml'), 'name: [\n');
    await expect(run(dir)).rejects.toSatisfy((error) => error instanceof UsageError && error.key === 'config-invalid' && error.findings[0]!.file === 'reference/qingdan.yaml');
  });

  it('does not call an item missing when its entry fails the schema: it is not compared, and listed', async () => {
    const dir = copy();
    edit(path.join(dir, 'county-a/powers.yaml'), 'time_limit: {statutory: 20, promised: 15, unit: working-days}', 'time_limit: {statutory: 20, promised: 15}');
    const result = await run(dir);
    expect(result.offices[1]!.skipped).toEqual(['11339901MB000000114000101002000']);
    const drug = result.rows.find((r) => r.basicCode === '000101002000')!;
    expect(drug.cells[1]!.status).toBe('unavailable');
    expect(result.divergences.some((d) => d.office === 1 && d.basicCode === '000101002000')).toBe(false);
    expect(result.offices[1]!.score).toMatchObject({ total: 4, unavailable: 1 });
  });

  // A zero-width space pasted after a material's name (and one inside an item's name): the same names, one loose match
  // each, not a breaking standard/material-extra plus a standard/material-missing nobody can see apart.
  it('matches names that differ only in invisible characters, loosely', async () => {
    const dir = copy();
    edit(path.join(dir, 'county-a/powers.yaml'), '- name: 食品经营许可申请书', '- name: "食品经营许可申请书\\u200b"');
    edit(path.join(dir, 'county-a/powers.yaml'), '    name: 药品零售企业经营许可\n', '    name: "药品零售\\u200b企业经营许可"\n');
    const result = await run(dir);
    const food = result.divergences.filter((d) => d.office === 1 && d.basicCode === '000101001000').map((d) => d.classId);
    expect(food).not.toContain('standard/material-extra');
    expect(food).not.toContain('standard/material-missing');
    expect(result.loose.filter((l) => l.office === 1).map((l) => [l.kind, l.reference, l.local])).toEqual([
      ['material', '食品经营许可申请书', '食品经营许可申请书\u200b'],
      ['material', '营业执照复印件', '《营业执照》（复印件）'],
    ]);
    const drug = result.divergences.filter((d) => d.office === 1 && d.basicCode === '000101002000');
    expect(drug.map((d) => [d.classId, d.level])).toEqual([['standard/name', 'info']]);
  });

  it('does not report extras for an item whose reference entry fails the schema', async () => {
    const dir = copy();
    edit(path.join(dir, 'reference/powers.yaml'), 'category: penalty', 'category: fine');
    const result = await run(dir);
    expect(result.offices[0]!.skipped).toEqual(['11330100MB0000001R3000201003000']);
    expect(result.rows.some((r) => r.basicCode === '000201003000')).toBe(false);
  });
});

describe('levels from compare.levels in the reference', () => {
  it('raises or lowers a class, switches one off, and never makes a better divergence fail', async () => {
    const dir = copy();
    appendFileSync(path.join(dir, 'reference/qingdan.yaml'), 'compare:\n  levels:\n    standard/time: notice\n    standard/fees: off\n    standard/material-missing: breaking\n');
    const result = await run(dir);
    const levels = (classId: string) => result.divergences.filter((d) => d.classId === classId).map((d) => `${d.office} ${d.level}`);
    expect(levels('standard/time')).toEqual(['1 info', '2 notice']);
    expect(levels('standard/fees')).toEqual([]);
    expect(levels('standard/material-missing')).toEqual(['2 breaking']);
    expect(failingDivergences(result, 'breaking').map((d) => d.classId).sort()).toEqual(['standard/category', 'standard/extra', 'standard/extra', 'standard/material-extra', 'standard/material-missing', 'standard/visits']);
    // The cells follow: 乙县's drug licence differed only in its fee, which is now off.
    expect(result.rows.find((r) => r.basicCode === '000101002000')!.cells[2]!.status).toBe('agree');
  });

  it('validate warns about a misspelt class in compare.levels', () => {
    const dir = copy();
    appendFileSync(path.join(dir, 'reference/qingdan.yaml'), 'compare:\n  levels:\n    standard/tim: notice\n');
    const { findings } = validateCatalogue(new DirectorySource(path.join(dir, 'reference'), dir), { explicitLocale: 'en' });
    expect(findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`)).toEqual(['config/unknown-rule 9:5 There is no divergence class standard/tim for compare.levels; did you mean standard/time?']);
  });
});
