// Regression: fixed Chinese queries against the index built from the example catalogue, run by the site's own search.js.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogueAsync } from '../../src/validate.js';
import { planSite } from '../../src/guide/site.js';
import { SiteTemplates } from '../../src/guide/templates.js';
import { buildSearchIndex, parseSearchIndexScript, searchApi, searchEntry, searchIndexScript, type SearchEntry, type SearchIndex } from '../../src/guide/search.js';
import { SiteModelBuilder } from '../../src/guide/model.js';
import { SiteMemo } from '../../src/guide/memo.js';
import { shortForms } from '../../src/guide/abbreviations.js';
import { ROOT } from '../cli/run-cli.js';

let index: SearchIndex;
const names = (query: string) => searchApi().search(index, query).map((result) => result.name);

beforeAll(async () => {
  const { catalogue } = await validateCatalogueAsync(new DirectorySource(path.join(ROOT, 'lists')), {});
  const plan = planSite(catalogue, 'zh-CN', new SiteTemplates('zh-CN'));
  const script = plan.files.find((file) => file.path === 'search-index.js')!;
  index = parseSearchIndexScript(String(script.make()));
});

describe('search over the example catalogue (lists/)', () => {
  it('施工许可 finds the construction permit first, then its sub-items and the other items that contain it', () => {
    expect(names('施工许可')).toEqual([
      '建筑工程施工许可证核发',
      '建筑工程施工许可证核发（新办）',
      '建筑工程施工许可证核发（延期）',
      '建筑工程施工许可证核发（变更）',
      '对未取得施工许可证擅自施工的处罚',
      '公路涉路施工许可（占用、挖掘公路或者使公路改线）',
      expect.any(String),
    ]);
  });

  it('食品经营 finds the food business licence and its sub-items before items that only mention it', () => {
    const found = names('食品经营');
    expect(found.slice(0, 4)).toEqual(['食品经营许可', '食品经营许可（新办）', '食品经营许可（变更）', '食品经营许可（延续）']);
    expect(found).toContain('对食品经营者进货时未查验许可证和相关证明文件等行为的处罚');
  });

  it('营业执照 finds the items that ask for a business licence among their materials', () => {
    const found = names('营业执照');
    expect(found).toContain('食品经营许可');
    expect(found).toContain('药品零售企业经营许可');
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it('a department name finds that department\'s items', () => {
    const results = searchApi().search(index, '青山县住房和城乡建设局');
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.department))).toEqual(new Set(['青山县住房和城乡建设局']));
  });

  it('the short forms people type for a department find its items (住建局, 市场监管局, 人社局, 卫健委)', () => {
    for (const [query, department] of [
      ['住建局', '青山县住房和城乡建设局'],
      ['市场监管', '青山县市场监督管理局'],
      ['人社局', '青山县人力资源和社会保障局'],
      ['卫健委', '青山县卫生健康委员会'],
    ] as const) {
      const results = searchApi().search(index, query);
      expect(results.length, query).toBeGreaterThan(0);
      expect(results.map((r) => r.department), query).toContain(department);
    }
  });

  it('several words must all match; a code matches whole; nonsense matches nothing', () => {
    expect(names('食品 新办')).toEqual(['食品经营许可（新办）']);
    expect(names('11339921MB1D3961134010010000000')).toEqual(['建筑工程施工许可证核发']);
    expect(names('xyz')).toEqual([]);
    expect(names('  ，。 ')).toEqual([]);
  });

  it('a query is normalised like the index (full-width and case)', () => {
    expect(names('ＭＢ1Ｄ3961134010010000000')).toEqual(names('mb1d3961134010010000000'));
  });

  it('ships as a classic script so search works from file:// too', () => {
    const script = readFileSync(path.join(ROOT, 'templates/site/assets/search.js'), 'utf8');
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('the search index of a resident build (serve)', () => {
  it('updated after edits equals the index made from scratch, grams that come and go included', async () => {
    const { catalogue } = await validateCatalogueAsync(new DirectorySource(path.join(ROOT, 'lists')), {});
    const builder = new SiteModelBuilder(catalogue, 'zh-CN');
    const guides = builder.guidePowers().map((power) => builder.guide(power, undefined));
    const memo = new SiteMemo();
    expect(buildSearchIndex(guides, memo)).toEqual(buildSearchIndex(guides));
    // Three items edited: one gains words no item had (new grams), one loses all its text, one only changes case.
    const edited = guides.map((guide, i) =>
      i === 0 ? { ...guide, name: `${guide.name}（鳕鱼罐头试点）` } : i === 5 ? { ...guide, name: '甲', searchText: '' } : i === 9 ? { ...guide } : guide,
    );
    const updated = buildSearchIndex(edited, memo);
    expect(updated).toEqual(buildSearchIndex(edited));
    expect(updated.grams['鳕鱼']).toBe('0');
    expect(JSON.stringify(Object.keys(updated.grams))).toBe(JSON.stringify(Object.keys(buildSearchIndex(edited).grams)));
    // And back: the grams only that edit brought are gone again.
    expect(buildSearchIndex(guides, memo)).toEqual(buildSearchIndex(guides));
    expect(buildSearchIndex(guides, memo).grams['鳕鱼']).toBeUndefined();
  });
});

describe('the search index made by the drawing worker', () => {
  it('is the same script from the guides\' search entries sent as JSON as from the guide models', async () => {
    const { catalogue } = await validateCatalogueAsync(new DirectorySource(path.join(ROOT, 'lists')), {});
    for (const locale of ['zh-CN', 'en'] as const) {
      const builder = new SiteModelBuilder(catalogue, locale);
      const guides = builder.guidePowers().map((power) => builder.guide(power, undefined));
      const sent = JSON.parse(JSON.stringify(guides.map(searchEntry))) as SearchEntry[];
      const fromModels = searchIndexScript(buildSearchIndex(guides));
      expect(searchIndexScript(buildSearchIndex(sent))).toBe(fromModels);
      // Co-departments and departments' short forms are in it too (住建局 finds 住房和城乡建设局's items).
      expect(guides.some((guide) => guide.coDepartments.length > 0)).toBe(true);
      expect(parseSearchIndexScript(fromModels).docs).toHaveLength(guides.length);
    }
  });
});

describe('the grams of the index', () => {
  it('are those the browser\'s grams() gives each item', async () => {
    const { catalogue } = await validateCatalogueAsync(new DirectorySource(path.join(ROOT, 'lists')), {});
    const builder = new SiteModelBuilder(catalogue, 'zh-CN');
    const guides = builder.guidePowers().map((power) => searchEntry(builder.guide(power, undefined)));
    // One more item, with a run of a single character.
    const entries: SearchEntry[] = [...guides, { ...guides[0]!, name: '甲', searchText: `${guides[0]!.searchText} 乙 申请人` }];
    // The index as search.js's grams() makes it from each item's texts: per gram, its items as base-36 deltas.
    const { grams } = searchApi();
    const postings = new Map<string, number[]>();
    entries.forEach((entry, i) => {
      const departments = [entry.department.name, ...entry.coDepartments.map((d) => d.name)];
      const short = grams([entry.name, entry.category.name, ...departments, ...departments.flatMap(shortForms)].join('\n'), true);
      for (const gram of new Set([...short, ...grams(entry.searchText, false)])) postings.set(gram, [...(postings.get(gram) ?? []), i]);
    });
    const expected = [...postings.keys()].sort().map((gram) => [gram, postings.get(gram)!.map((n, k, list) => (n - (k ? list[k - 1]! : 0)).toString(36)).join(',')]);
    const made = buildSearchIndex(entries).grams;
    // (An object lists integer-like keys such as "4" first: compared in the grams' order.)
    expect(Object.entries(made).sort(([a], [b]) => (a < b ? -1 : 1))).toEqual(expected);
    expect(made['乙']).toBe((entries.length - 1).toString(36));
    expect(made['住建']).toBeDefined();
  });
});
