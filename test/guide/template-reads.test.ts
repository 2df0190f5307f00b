// serve keeps a page when what its template reads of the context is the same (template-reads.ts). It must never keep
// a page that would come out different: every change that changes a page must be seen.
import { describe, expect, it } from 'vitest';
import Handlebars from 'handlebars';
import { sameThrough, templateReads, type ReadTree } from '../../src/guide/template-reads.js';
import { sameValue } from '../../src/guide/memo.js';
import { PAGE_TEMPLATES, SiteTemplates, type PageTemplate } from '../../src/guide/templates.js';
import { planSite } from '../../src/guide/site.js';
import { validateCatalogueAsync } from '../../src/validate.js';
import { DirectorySource } from '../../src/catalogue/source.js';

const HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing', 'json', 'eq', 'join', 'add']);

function reads(page: string, partials: Record<string, string> = {}): ReadTree | undefined {
  return templateReads(Handlebars.parse(page), new Map(Object.entries(partials).map(([name, text]) => [name, Handlebars.parse(text)])), HELPERS);
}

describe('what a template reads', () => {
  it('follows paths, each, with, if, ../, @root, partials with and without a context, and partial blocks', () => {
    const tree = reads('{{#> layout}}{{#each items}}{{name}}{{../unit}}{{@root.site}}{{/each}}{{#with who}}{{first}}{{/with}}{{#if flag}}y{{/if}}{{> card info}}{{/layout}}', {
      layout: '<h1>{{title}}</h1>{{> @partial-block}}',
      card: '{{#each tags}}{{this}}{{/each}}',
    });
    expect(tree).toEqual({
      props: {
        title: { whole: true },
        items: { truthy: true, each: { props: { name: { whole: true } } } },
        unit: { whole: true },
        site: { whole: true },
        who: { truthy: true, props: { first: { whole: true } } },
        flag: { truthy: true },
        info: { props: { tags: { truthy: true, each: { whole: true } } } },
      },
    });
  });

  it('counts whole what a helper is given, a subexpression’s arguments included', () => {
    expect(reads('{{json words}}{{#if (eq a.kind "x")}}{{join list}}{{/if}}{{add n 1}}')).toEqual({
      props: { words: { whole: true }, a: { props: { kind: { whole: true } } }, list: { whole: true }, n: { whole: true } },
    });
  });

  it('gives up on what it does not follow: block parameters, another block helper, a partial named at run time or with a hash, ../ out of a partial', () => {
    expect(reads('{{#each items as |item|}}{{item}}{{/each}}')).toBeUndefined();
    expect(reads('{{#custom items}}x{{/custom}}')).toBeUndefined();
    expect(reads('{{> (lookup . "name")}}')).toBeUndefined();
    expect(reads('{{> card name=title}}', { card: '{{name}}' })).toBeUndefined();
    expect(reads('{{#each items}}{{> card}}{{/each}}', { card: '{{../title}}' })).toBeUndefined();
    expect(reads('{{> loop}}', { loop: '{{#if more}}{{> loop}}{{/if}}' })).toBeUndefined();
    expect(reads('{{> missing}}')).toBeUndefined();
  });
});

describe('comparing two contexts through what is read', () => {
  const tree = reads('{{#each guides}}<a href="{{href}}">{{name}}</a>{{/each}}{{#if note}}!{{/if}}')!;
  const guide = (name: string, materials: string[]) => ({ name, href: `items/${name}.html`, materials });

  it('sees a change in what is read, and not in what is not', () => {
    const before = { guides: [guide('甲', ['申请书']), guide('乙', [])], note: '' };
    expect(sameThrough(before, { guides: [guide('甲', ['申请书（样本）']), guide('乙', [])], note: '' }, tree, sameValue)).toBe(true);
    expect(sameThrough(before, { guides: [guide('甲', ['申请书']), guide('丙', [])], note: '' }, tree, sameValue)).toBe(false);
    // One more guide, one fewer, in another order, a note that now shows.
    expect(sameThrough(before, { guides: [...before.guides, guide('丁', [])], note: '' }, tree, sameValue)).toBe(false);
    expect(sameThrough(before, { guides: [before.guides[0]], note: '' }, tree, sameValue)).toBe(false);
    expect(sameThrough(before, { guides: [...before.guides].reverse(), note: '' }, tree, sameValue)).toBe(false);
    expect(sameThrough(before, { guides: before.guides, note: '注' }, tree, sameValue)).toBe(false);
    // An object iterated by each: its keys count, and each value through what is read of it.
    expect(sameThrough({ guides: { a: guide('甲', []) } }, { guides: { a: guide('甲', ['x']) } }, tree, sameValue)).toBe(true);
    expect(sameThrough({ guides: { a: guide('甲', []) } }, { guides: { b: guide('甲', []) } }, tree, sameValue)).toBe(false);
    // A value of another kind; a Map is handed whole to the comparison given.
    expect(sameThrough({ guides: [] }, { guides: '' }, tree, sameValue)).toBe(false);
    const handed: unknown[] = [];
    const identical = (x: unknown, y: unknown) => (handed.push(x), x === y);
    const map = new Map([['a', guide('甲', [])]]);
    expect(sameThrough({ guides: map }, { guides: new Map(map) }, tree, identical)).toBe(false);
    expect(handed).toEqual([map]);
  });

  it('reads only own properties, as Handlebars does', () => {
    const inherited = Object.create({ name: '继承的' }) as object;
    expect(sameThrough({ guides: [inherited] }, { guides: [{}] }, tree, sameValue)).toBe(true);
  });
});

/** Every leaf of a value (string, number, boolean) with its path. */
function leaves(value: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(at);
  else if (Array.isArray(value)) value.forEach((item, i) => leaves(item, [...at, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) leaves(item, [...at, key], out);
  return out;
}

/** A deep copy with the leaf at `at` changed, or (`drop`) the list item or key holding it removed. */
function changed(value: unknown, at: Array<string | number>, drop: boolean): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = at.at(-1)!;
  if (drop) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const leaf = parent[last];
    parent[last] = typeof leaf === 'string' ? `${leaf}变` : typeof leaf === 'number' ? leaf + 1 : !leaf;
  }
  return copy;
}

describe('our page templates on the example catalogue', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`never take a page that changes for one that does not (${locale})`, async () => {
      const validated = await validateCatalogueAsync(new DirectorySource(new URL('../../lists/', import.meta.url).pathname, process.cwd()), { environment: {} });
      const templates = new SiteTemplates(locale, [], undefined, 'compile');
      // The context each page is rendered with, as the build gives it.
      const contexts: Array<{ page: PageTemplate; context: object }> = [];
      const render = templates.render.bind(templates);
      templates.render = (page, context) => {
        contexts.push({ page, context });
        return render(page, context);
      };
      const plan = planSite(validated.catalogue, locale, templates, () => '<svg></svg>');
      for (const file of plan.files) if (!file.guide) file.make();
      const pages = new Set(contexts.map(({ page }) => page));
      expect([...pages].sort()).toEqual(PAGE_TEMPLATES.filter((page) => page !== 'guide').sort());
      let kept = 0;
      let seen = 0;
      for (const { page, context } of contexts) {
        const tree = templates.readsOf(page);
        expect(tree, page).toBeDefined();
        const paths = leaves(context);
        // Up to 120 places in each context, spread over it.
        const step = Math.max(1, Math.floor(paths.length / 120));
        for (let i = 0; i < paths.length; i += step) {
          for (const drop of [false, true]) {
            const other = changed(context, paths[i]!, drop) as object;
            const same = render(page, context) === render(page, other);
            const through = sameThrough(context, other, tree!, sameValue);
            if (!same) {
              expect(through, `${page}: ${drop ? 'without' : 'a change at'} ${paths[i]!.join('.')}`).toBe(false);
              seen++;
            } else if (through) kept++;
          }
        }
      }
      // Both happen: changes seen, and pages kept through changes they do not show (a guide's materials in a list).
      expect(seen).toBeGreaterThan(100);
      expect(kept).toBeGreaterThan(100);
    }, 60_000);
  }
});
