// --no-reference: every catalogue a peer, each item held to the version most offices share.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCatalogues, type CompareResult } from '../../src/compare/compare.js';
import { ROOT } from '../cli/run-cli.js';
import { FIXTURES } from './fixtures.js';

let result: CompareResult;

beforeAll(async () => {
  result = await compareCatalogues(['county-a', 'county-b', 'county-c'].map((o) => path.join(FIXTURES, o)), ROOT, { reference: false, locale: 'en', workers: 0 });
});

describe('peers', () => {
  it('takes as the norm the office that agrees most with the others, the first on a tie', () => {
    const norm = Object.fromEntries(result.rows.map((r) => [r.basicCode, r.normOffice]));
    // 食品经营许可: 丙县 shares materials, basis, category, time and fees with 甲县 or 乙县 more than either does.
    expect(norm['000101001000']).toBe(2);
    // 药品零售: 甲县 and 乙县 tie with 丙县 on everything but fees; 甲县 comes first.
    expect(norm['000101002000']).toBe(0);
    expect(result.mode).toBe('peers');
    expect(result.offices.every((o) => !o.isReference)).toBe(true);
  });

  it('names, for each divergence, the offices that hold the norm', () => {
    const category = result.divergences.find((d) => d.classId === 'standard/category')!;
    expect(category).toMatchObject({ office: 1, normOffices: [0, 2], level: 'breaking' });
    expect(category.message).toBe('"食品经营 许可" is filed as confirmation here; the norm has licensing.');
    expect(category.reference?.file).toBe('test/fixtures/compare/county-c/powers.yaml');
  });

  it('an item at least half the offices list is expected of all; one fewer list is extra where it is', () => {
    const change = result.rows.find((r) => r.basicCode === '000701004000')!;
    expect(change.inReference).toBe(true);
    expect(change.cells.map((c) => c.status)).toEqual(['missing', 'agree', 'differs']);
    const missing = result.divergences.find((d) => d.classId === 'standard/missing')!;
    expect(missing.message).toBe('Most offices list "食品经营许可变更" (basic code 000701004000); this office does not.');
    const stall = result.rows.find((r) => r.basicCode === '000101006000')!;
    expect(stall.inReference).toBe(false);
    expect(stall.cells.map((c) => c.status)).toEqual(['extra', 'absent', 'absent']);
    const extra = result.divergences.find((d) => d.classId === 'standard/extra' && d.basicCode === '000101006000')!;
    expect(extra).toMatchObject({ office: 0, normOffices: [1, 2] });
    expect(extra.message).toBe('This office\'s item "食品摊贩备案" (basic code 000101006000) is not listed by most offices.');
  });

  it('scores against the norm items only', () => {
    expect(result.offices.map((o) => o.score?.total)).toEqual([4, 4, 4]);
    expect(result.offices.map((o) => o.score?.extra)).toEqual([1, 1, 0]);
  });
});
