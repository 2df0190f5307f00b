// A resident build keeps catalogue.json and services.jsonld per chunk of entries: whatever changed, the bytes must be
// those a one-off build makes.
import { describe, expect, it } from 'vitest';
import { catalogueJson, cpsvJsonLd, openDataCatalogue, type OpenDataCatalogue } from '../../src/guide/opendata.js';
import { SiteMemo } from '../../src/guide/memo.js';

/** A catalogue of `count` items (more than two chunks), each a new object, with departments and a law. */
function catalogueOf(count: number): OpenDataCatalogue {
  const power = (n: number) => ({
    code: `11339921MB0000001040${String(n).padStart(11, '0')}`,
    name: `许可${n}`,
    category: 'licensing',
    department: `d${n % 3}`,
    basis: [{ law: 'xzxkf', article: '第三十八条' }],
    time_limit: { statutory: 20, promised: 5, unit: 'working-days' },
    // Every third item is cancelled: it has no guide, so no JSON-LD node (a chunk may lose members).
    ...(n % 3 === 0 ? { status: 'cancelled', status_since: '2026-01-01' } : {}),
    materials: [{ name: `申请书${n}`, required: true, source: 'applicant', medium: 'both', originals: 1 }],
  });
  return openDataCatalogue(
    JSON.stringify({
      name: '测试',
      departments: [0, 1, 2].map((n) => ({ id: `d${n}`, name: `部门${n}`, level: 'county' })),
      laws: [{ id: 'xzxkf', title: '中华人民共和国行政许可法', kind: 'law' }],
      powers: Array.from({ length: count }, (_, n) => power(n)),
      responsibilities: [],
      flows: [],
    }),
  );
}

/** The same catalogue with `powers` in place of its items (the other sections the same objects). */
function withPowers(catalogue: OpenDataCatalogue, powers: OpenDataCatalogue['sections']['powers']): OpenDataCatalogue {
  return { ...catalogue, sections: { ...catalogue.sections, powers }, powerByCode: new Map(powers.map((entry) => [entry.value.code, entry])) };
}

function expectSameAsOneOff(catalogue: OpenDataCatalogue, memo: SiteMemo): void {
  expect(Buffer.concat(catalogueJson(catalogue, memo) as Buffer[]).toString()).toBe(catalogueJson(catalogue));
  expect(Buffer.concat(cpsvJsonLd(catalogue, 'zh-CN', '', memo) as Buffer[]).toString()).toBe(cpsvJsonLd(catalogue, 'zh-CN'));
}

describe('open data kept per chunk of entries', () => {
  it('is the one-off bytes after an item is edited, added, removed, and its guide taken away', () => {
    const memo = new SiteMemo();
    memo.begin('zh-CN');
    let catalogue = catalogueOf(150);
    expectSameAsOneOff(catalogue, memo);
    const powers = [...catalogue.sections.powers];
    // Item 100 edited (a new object, as a re-parsed file gives), in the second chunk.
    powers[100] = { value: { ...powers[100]!.value, name: '改过的许可' } };
    catalogue = withPowers(catalogue, [...powers]);
    expectSameAsOneOff(catalogue, memo);
    // One added in the first chunk: every later chunk moves by one.
    powers.splice(10, 0, { value: { ...powers[10]!.value, code: '11339921MB000000104099999999999', name: '新增许可' } });
    catalogue = withPowers(catalogue, [...powers]);
    expectSameAsOneOff(catalogue, memo);
    // The last one removed, and the first one's guide taken away (cancelled: no JSON-LD node).
    powers.pop();
    powers[1] = { value: { ...powers[1]!.value, status: 'cancelled', status_since: '2026-02-01' } };
    catalogue = withPowers(catalogue, [...powers]);
    expectSameAsOneOff(catalogue, memo);
    // Every item cancelled but one: the graph's first member comes from a later chunk.
    catalogue = withPowers(catalogue, powers.map((entry, n) => (n === 140 ? entry : { value: { ...entry.value, status: 'cancelled', status_since: '2026-03-01' } })));
    expectSameAsOneOff(catalogue, memo);
  });
});
