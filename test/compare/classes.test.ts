// Every divergence class on the fixtures of test/fixtures/compare (see its README): class, level, office and the
// positions on both sides, found by searching the fixture text rather than written down.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCatalogues, type CompareResult } from '../../src/compare/compare.js';
import type { Divergence } from '../../src/compare/types.js';
import { divergenceClasses } from '../../src/compare/registry.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../cli/run-cli.js';
import { FIXTURES, OFFICES } from './fixtures.js';

const file = (office: string) => path.join(FIXTURES, office, 'powers.yaml');
const display = (office: string) => `test/fixtures/compare/${office}/powers.yaml`;
const codeOf = (office: string, basic: string) => ({ reference: '11330100MB0000001R3', 'county-a': '11339901MB000000114', 'county-b': '11339902MB0000001F4', 'county-c': '11339903MB0000001X4' })[office] + basic;

const FOOD = '000101001000';
const DRUG = '000101002000';
const PENALTY = '000201003000';
const CHANGE = '000701004000';
const STALL = '000101006000';
const WORKSHOP = '001101005000';

let result: CompareResult;

beforeAll(async () => {
  result = await compareCatalogues(OFFICES.map((o) => path.join(FIXTURES, o)), ROOT, { reference: true, locale: 'zh-CN', workers: 0 });
});

function find(classId: string, office: string, basicCode: string, detail?: string): Divergence {
  const index = (OFFICES as readonly string[]).indexOf(office);
  const found = result.divergences.filter((d) => d.classId === classId && d.office === index && d.basicCode === basicCode && (detail === undefined || d.detail === detail));
  expect(found, `${classId} ${office} ${basicCode}`).toHaveLength(1);
  return found[0]!;
}

/** The position of `needle` in an office's powers.yaml, searching from the item's code (and then `key`) on. */
function at(office: string, basic: string, needle: string, key?: string) {
  const text = readFileSync(file(office), 'utf8');
  let from = text.indexOf(codeOf(office, basic));
  if (key) from = text.indexOf(key, from) + key.length;
  const offset = text.indexOf(needle, from);
  expect(offset, `${needle} in ${office}`).toBeGreaterThan(0);
  const before = text.slice(0, offset).split('\n');
  return { file: display(office), line: before.length, column: before.at(-1)!.length + 1 };
}

function expectPlace(actual: Divergence['local'], expected: { file: string; line: number; column: number }) {
  expect(actual && { file: actual.file, line: actual.line, column: actual.column }).toEqual(expected);
}

describe('divergence classes on the fixtures', () => {
  it('finds exactly the divergences the fixtures were written to have', () => {
    const found = result.divergences.map((d) => `${OFFICES[d.office]} ${d.basicCode} ${d.classId} ${d.level}${d.better ? ' better' : ''}`).sort();
    expect(found).toEqual(
      [
        `county-a ${FOOD} standard/time info better`,
        `county-a ${FOOD} standard/online info better`,
        `county-a ${PENALTY} standard/visits breaking`,
        `county-a ${CHANGE} standard/missing notice`,
        `county-a ${STALL} standard/extra breaking`,
        `county-b ${FOOD} standard/name notice`,
        `county-b ${FOOD} standard/category breaking`,
        `county-b ${FOOD} standard/basis notice`,
        `county-b ${FOOD} standard/material-extra breaking`,
        `county-b ${FOOD} standard/material-missing notice`,
        `county-b ${FOOD} standard/time breaking`,
        `county-b ${FOOD} standard/fees breaking`,
        `county-b ${DRUG} standard/fees notice`,
        `county-b ${PENALTY} standard/online notice`,
        `county-b ${WORKSHOP} standard/extra breaking`,
        `county-c ${FOOD} standard/name info`,
        `county-c ${DRUG} standard/fees info better`,
        `county-c ${PENALTY} standard/visits info better`,
        `county-c ${CHANGE} standard/material-extra notice`,
      ].sort(),
    );
  });

  it('exercises every class of the registry', () => {
    const seen = new Set(result.divergences.map((d) => d.classId));
    for (const c of divergenceClasses) expect(seen.has(c.id), c.id).toBe(true);
  });

  it('standard/name: another name (notice) at both names; a difference of spaces only is info', () => {
    const d = find('standard/name', 'county-b', FOOD);
    expect(d.message).toBe('“食品经营许可”在本地名为“食品经营许可证核发”。');
    expectPlace(d.local, at('county-b', FOOD, '食品经营许可证核发'));
    expectPlace(d.reference, at('reference', FOOD, '食品经营许可'));
    const trivial = find('standard/name', 'county-c', FOOD);
    expect(trivial.level).toBe('info');
    expect(trivial.messages.en).toBe('"食品经营许可" is written "食品经营 许可" here: only punctuation, width or spaces differ.');
  });

  it('standard/category: at both categories, labelled in the message', () => {
    const d = find('standard/category', 'county-b', FOOD);
    expect(d.message).toBe('“食品经营许可”事项类型为行政确认，参照为行政许可。');
    expectPlace(d.local, at('county-b', FOOD, 'confirmation'));
    expectPlace(d.reference, at('reference', FOOD, 'licensing'));
  });

  it('standard/basis: compared by law title and article, each side listed', () => {
    const d = find('standard/basis', 'county-b', FOOD);
    expect(d.message).toBe('“食品经营许可”设定依据与参照不同：参照有而本地无 《中华人民共和国食品安全法》第三十五条；本地多出 《中华人民共和国行政许可法》第二十九条。');
    expectPlace(d.local, at('county-b', FOOD, '- law: xzxkf'));
  });

  it('standard/material-extra: at the extra material; an optional one is a notice', () => {
    const d = find('standard/material-extra', 'county-b', FOOD);
    expect(d).toMatchObject({ level: 'breaking', detail: '场所平面图' });
    expectPlace(d.local, at('county-b', FOOD, '场所平面图'));
    const optional = find('standard/material-extra', 'county-c', CHANGE);
    expect(optional).toMatchObject({ level: 'notice', detail: '委托书', message: '“食品经营许可变更”本地多列非必需材料“委托书”，参照没有。' });
  });

  it('standard/material-missing: at the reference material and the office\'s materials list', () => {
    const d = find('standard/material-missing', 'county-b', FOOD);
    expect(d.detail).toBe('食品安全管理制度');
    expectPlace(d.reference, at('reference', FOOD, '食品安全管理制度'));
    // The office's list of materials (its value starts at the first item's dash).
    expectPlace(d.local, at('county-b', FOOD, '- name', 'materials:'));
  });

  it('standard/time: longer is breaking, shorter is better; a change of unit alone is none', () => {
    const longer = find('standard/time', 'county-b', FOOD);
    expect(longer.messages.en).toBe('"食品经营许可" promises 20 working days here, longer than the reference\'s 10 working days.');
    expectPlace(longer.local, at('county-b', FOOD, '20, unit'));
    expectPlace(longer.reference, at('reference', FOOD, '10, unit'));
    expect(find('standard/time', 'county-a', FOOD)).toMatchObject({ level: 'info', better: true });
    // 40 hours at 8 a working day are the reference's 5 working days.
    expect(result.divergences.some((d) => d.classId === 'standard/time' && d.basicCode === CHANGE)).toBe(false);
  });

  it('standard/visits: more is breaking at both visits fields; fewer is better', () => {
    const more = find('standard/visits', 'county-a', PENALTY);
    expect(more.message).toBe('“对未取得食品经营许可从事食品经营活动的处罚”本地需到现场 2 次，参照为 1 次。');
    expectPlace(more.local, at('county-a', PENALTY, '2', 'visits: '));
    expectPlace(more.reference, at('reference', PENALTY, '1', 'visits: '));
    expect(find('standard/visits', 'county-c', PENALTY)).toMatchObject({ level: 'info', better: true });
  });

  it('standard/fees: an extra fee, another standard, a fee not charged', () => {
    const extra = find('standard/fees', 'county-b', FOOD);
    expect(extra).toMatchObject({ level: 'breaking', detail: '审查费' });
    expectPlace(extra.local, at('county-b', FOOD, '审查费'));
    const standard = find('standard/fees', 'county-b', DRUG);
    expect(standard.message).toBe('“药品零售企业经营许可”的收费“药品经营许可证工本费”本地标准为“每证20元”，参照为“每证10元”。');
    expectPlace(standard.local, at('county-b', DRUG, '每证20元'));
    expectPlace(standard.reference, at('reference', DRUG, '每证10元'));
    expect(find('standard/fees', 'county-c', DRUG)).toMatchObject({ level: 'info', better: true });
  });

  it('standard/online: steps of the reference not offered, labelled', () => {
    const less = find('standard/online', 'county-b', PENALTY);
    expect(less.message).toBe('“对未取得食品经营许可从事食品经营活动的处罚”本地不支持参照的网上办理环节：互联网咨询。');
    expectPlace(less.reference, at('reference', PENALTY, '{depth: [consult]}'));
    expect(find('standard/online', 'county-a', FOOD).messages.en).toBe('"食品经营许可" also offers e-licence here (better).');
  });

  it('standard/missing: at the reference item\'s code; no local position', () => {
    const d = find('standard/missing', 'county-a', CHANGE);
    expectPlace(d.reference, at('reference', CHANGE, codeOf('reference', CHANGE)));
    expect(d.local).toBeUndefined();
    expect(d.code).toBeUndefined();
  });

  it('standard/extra: at the office\'s code; a reference-cancelled item points at its status', () => {
    const d = find('standard/extra', 'county-a', STALL);
    expect(d.code).toBe(codeOf('county-a', STALL));
    expectPlace(d.local, at('county-a', STALL, codeOf('county-a', STALL)));
    const cancelled = find('standard/extra', 'county-b', WORKSHOP);
    expect(cancelled.message).toBe('本地事项“食品小作坊登记”（基本编码 001101005000）在参照清单中已取消，本地仍在用。');
    expectPlace(cancelled.reference, at('reference', WORKSHOP, 'cancelled'));
  });

  it('says which material names matched only loosely, and where', () => {
    expect(result.loose).toEqual([
      { office: 1, row: 0, basicCode: FOOD, kind: 'material', reference: '营业执照复印件', local: '《营业执照》（复印件）', position: expect.objectContaining(at('county-a', FOOD, '《营业执照》')) },
    ]);
  });
});

describe('the matrix and the scores', () => {
  it('has a row per reference item in the reference\'s order, then the extra items', () => {
    expect(result.rows.map((r) => [r.basicCode, r.inReference])).toEqual([
      [FOOD, true], [DRUG, true], [PENALTY, true], [CHANGE, true], [STALL, false], [WORKSHOP, false],
    ]);
  });

  it('marks each cell: agree, better, differs (with its highest level), missing, extra, absent', () => {
    const status = (basic: string) => result.rows.find((r) => r.basicCode === basic)!.cells.map((c) => c.status + (c.status === 'differs' ? `:${c.level}` : ''));
    expect(status(FOOD)).toEqual(['reference', 'better', 'differs:breaking', 'agree']);
    expect(status(DRUG)).toEqual(['reference', 'agree', 'differs:notice', 'better']);
    expect(status(CHANGE)).toEqual(['reference', 'missing', 'agree', 'differs:notice']);
    expect(status(STALL)).toEqual(['reference', 'extra', 'absent', 'absent']);
    expect(result.rows[0]!.cells[2]!.classes).toEqual(['standard/name', 'standard/category', 'standard/basis', 'standard/material-extra', 'standard/material-missing', 'standard/time', 'standard/fees']);
    expect(result.rows[0]!.cells[1]!.loose).toBe(1);
  });

  it('scores each office: items implemented exactly or better over the reference\'s items in force', () => {
    expect(result.offices.map((o) => o.score)).toEqual([
      undefined,
      { total: 4, agree: 1, better: 1, differs: 1, missing: 1, unavailable: 0, extra: 1, score: 0.5 },
      { total: 4, agree: 1, better: 0, differs: 3, missing: 0, unavailable: 0, extra: 1, score: 0.25 },
      { total: 4, agree: 1, better: 2, differs: 1, missing: 0, unavailable: 0, extra: 0, score: 0.75 },
    ]);
    expect(result.offices.map((o) => o.label)).toEqual(['示范市', '甲县', '乙县', '丙县']);
  });
});
