// The reform yardsticks per department (减材料、减时间、减跑动、全程网办、取消收费) on a hand-checked case.
import { describe, expect, it } from 'vitest';
import { delta } from '../../src/report/diff/types.js';
import { caseFiles, diffCase, diffCaseWith } from './harness.js';

describe('reform summary', () => {
  // reform-summary, by hand:
  //   scjgj (食品经营许可): materials 2 → 1, promised 5 → 4 working days, visits 1 → 0, now fully online, 邮寄费 dropped.
  //   spj: 食品小摊贩登记 promised 3 working days → 16 hours (= 2 working days); a new item with 1 material,
  //   1 working day, 1 visit, not online: materials 1 → 2, promised 3 → 2 + 1 = 3, visits 0 → 1.
  it('counts materials, promised working days, visits, fully online items and fees per department', async () => {
    const result = await diffCase('reform-summary');
    expect(result.departments.map((d) => [d.department, d.name])).toEqual([
      ['scjgj', '测试县市场监督管理局'],
      ['spj', '测试县行政审批服务局'],
    ]);
    const [scjgj, spj] = result.departments;
    expect(scjgj).toMatchObject({
      added: 0,
      cancelled: 0,
      feesRemoved: 1,
      base: { items: 1, materials: 2, promisedDays: 5, visits: 1, fullOnline: 0, fees: 2 },
      head: { items: 1, materials: 1, promisedDays: 4, visits: 0, fullOnline: 1, fees: 1 },
    });
    expect(spj).toMatchObject({
      added: 1,
      cancelled: 0,
      feesRemoved: 0,
      base: { items: 1, materials: 1, promisedDays: 3, visits: 0, fullOnline: 1, fees: 0 },
      head: { items: 2, materials: 2, promisedDays: 3, visits: 1, fullOnline: 1, fees: 0 },
    });
    expect(result.total).toMatchObject({
      added: 1,
      cancelled: 0,
      feesRemoved: 1,
      base: { items: 2, materials: 3, promisedDays: 8, visits: 1, fullOnline: 1, fees: 2 },
      head: { items: 3, materials: 3, promisedDays: 7, visits: 1, fullOnline: 2, fees: 1 },
    });
  });

  it('shows each yardstick as before → after (change), with a percentage for promised time', async () => {
    const result = await diffCase('reform-summary');
    const [scjgj, spj] = result.departments;
    expect(delta(scjgj!, 'materials', 'en')).toBe('2 → 1 (−1)');
    expect(delta(scjgj!, 'promisedDays', 'en', true)).toBe('5 → 4 (−1, −20%)');
    expect(delta(scjgj!, 'visits', 'en')).toBe('1 → 0 (−1)');
    expect(delta(scjgj!, 'fullOnline', 'en')).toBe('0 → 1 (+1)');
    expect(delta(spj!, 'materials', 'en')).toBe('1 → 2 (+1)');
    expect(delta(spj!, 'promisedDays', 'en', true)).toBe('3');
    expect(delta(result.total, 'promisedDays', 'en', true)).toBe('8 → 7 (−1, −12.5%)');
    expect(delta(result.total, 'materials', 'en')).toBe('3');
  });

  it('says a sum too large for a number in words, with no difference computed, never Infinity or NaN', async () => {
    // Two promises of 1e308 working days, in two departments: each is a number, their sum is not.
    const base = caseFiles('time-promised-shortened', 'base')['powers.yaml']!.replace('promised: 5,', 'promised: 1e308,').replace('promised: 3,', 'promised: 1e308,');
    const result = await diffCaseWith('time-promised-shortened', { base: { 'powers.yaml': base } });
    expect(result.departments.map((d) => delta(d, 'promisedDays', 'en', true))).toEqual(['1e+308 → 5 (−1e+308, −100%)', '1e+308 → 1 (−1e+308, −100%)']);
    expect(delta(result.total, 'promisedDays', 'en', true)).toBe('too large to compute → 6');
    expect(delta(result.total, 'promisedDays', 'zh-CN', true)).toBe('过大，无法计算 → 6');
  });

  it('counts a cancelled and a deleted item as cancelled, and leaves them out of the after-side totals', async () => {
    for (const name of ['power-cancelled', 'power-removed']) {
      const { departments } = await diffCase(name);
      expect(departments).toHaveLength(1);
      expect(departments[0]).toMatchObject({ department: 'spj', added: 0, cancelled: 1, base: { items: 1, materials: 1, promisedDays: 3 }, head: { items: 0, materials: 0, promisedDays: 0 } });
    }
  });

  it('lists only departments with changes, but totals every department', async () => {
    const result = await diffCase('time-promised-shortened');
    expect(result.departments.map((d) => d.department)).toEqual(['spj']);
    expect(result.total.base).toMatchObject({ items: 2, promisedDays: 8 });
    expect(result.total.head).toMatchObject({ items: 2, promisedDays: 6 });
  });

  // An entry that fails the schema on one side is not compared, so it must not count on the other side either: else
  // a typo reads as "materials −1, fully online −1".
  it('leaves items that are not compared out of the totals of both sides', async () => {
    const result = await diffCase('schema-invalid');
    expect(result.total.base).toEqual({ items: 1, materials: 2, promisedDays: 5, visits: 1, fullOnline: 0, fees: 2 });
    expect(result.total.head).toEqual({ items: 1, materials: 2, promisedDays: 4, visits: 1, fullOnline: 0, fees: 2 });
  });
  // The department's id edited (spj → shenpi, same credit code) and, in the same revision, its item's promised limit
  // shortened: one row for the body, counted from its base figures, not "0 → 1 item" under the new id.
  it('counts a department whose id was edited under its new id, from its base figures', async () => {
    const files = caseFiles('department-id-renamed', 'revision');
    const powers = files['powers.yaml']!.replace('{statutory: 10, promised: 3, unit: working-days}', '{statutory: 10, promised: 2, unit: working-days}');
    expect(powers).not.toBe(files['powers.yaml']);
    const result = await diffCaseWith('department-id-renamed', { revision: { 'powers.yaml': powers } });
    expect(result.changes.map((c) => [c.classId, c.department])).toEqual([['time/promised-shortened', 'shenpi']]);
    expect(result.departments).toHaveLength(1);
    expect(result.departments[0]).toMatchObject({ department: 'shenpi', name: '测试县行政审批服务局', base: { items: 1, promisedDays: 3 }, head: { items: 1, promisedDays: 2 } });
  });

  // …and an item of it removed in that revision: the removal is the renamed body's too (its change carried the base's
  // old id, spj, and the summary split into an spj row holding the removal and a shenpi row without it).
  it('files a removal in a department whose id was edited under the new id', async () => {
    const files = caseFiles('department-id-renamed', 'revision');
    const start = files['powers.yaml']!.indexOf('  - code: 11339921MB000000234070010000000');
    expect(start).toBeGreaterThan(0);
    const powers = files['powers.yaml']!.slice(0, start);
    const result = await diffCaseWith('department-id-renamed', { revision: { 'powers.yaml': powers } });
    expect(result.changes.filter((c) => c.classId === 'power/removed').map((c) => [c.code, c.department])).toEqual([['11339921MB000000234070010000000', 'shenpi']]);
    expect(result.departments.map((d) => d.department)).toEqual(['shenpi']);
  });
});
