import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Handlebars from 'handlebars';
import { compileDirect } from '../../src/guide/direct.js';
import { SiteTemplates } from '../../src/guide/templates.js';
import { GuidePages } from '../../src/guide/site.js';
import { validateCatalogueAsync } from '../../src/validate.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { temporaryFolder } from '../temporary.js';

// Each case renders with Handlebars (as the site used it: preventIndent, our helpers) and with the direct templates;
// the bytes must be the same.
function environment() {
  const hb = Handlebars.create();
  const builtins = Object.keys(hb.helpers);
  hb.registerHelper('shout', (value: unknown) => `${String(value)}!`);
  hb.registerHelper('pair', (a: unknown, b: unknown, options: Handlebars.HelperOptions) => `${String(a)}/${String(b)}/${JSON.stringify(options.hash)}/${String((options.data?.root as { tag?: string } | undefined)?.tag)}`);
  hb.registerHelper('safe', (value: unknown) => new hb.SafeString(`<b>${String(value)}</b>`));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('self', function (this: unknown) {
    return JSON.stringify(this);
  });
  const ours = Object.fromEntries(Object.entries(hb.helpers).filter(([name]) => !builtins.includes(name)));
  return { hb, builtins, ours };
}

function render(pages: Record<string, string>, partials: Record<string, string>, context: unknown): { handlebars: string; direct: string | undefined } {
  const { hb, builtins, ours } = environment();
  const partialPrograms = new Map(Object.entries(partials).map(([name, text]) => [name, hb.parse(text)]));
  for (const [name, program] of partialPrograms) hb.registerPartial(name, hb.compile(program, { preventIndent: true }));
  const pagePrograms = new Map(Object.entries(pages).map(([name, text]) => [name, hb.parse(text)]));
  const direct = compileDirect(pagePrograms, partialPrograms, ours, builtins);
  const handlebars = hb.compile(pagePrograms.get('page')!, { strict: false, preventIndent: true })(context);
  return { handlebars, direct: direct?.get('page')?.(context) };
}

const context = {
  tag: 'root<tag>',
  name: '食品经营许可<script>alert(1)</script>',
  empty: '',
  zero: 0,
  no: false,
  nothing: null,
  list: ['甲 & 乙', 'plain', 0, false, null],
  none: [],
  people: [
    { name: '张三', roles: ['a', 'b'], boss: { name: '李四' } },
    { name: '王五', roles: [], boss: null },
  ],
  object: { first: 1, second: '二', third: { deep: 'x' } },
  map: new Map([
    ['k1', 'v1'],
    ['k2', 'v2'],
  ]),
  fn: () => 'called',
  html: '<i>raw</i>',
  'odd-name': 'dash',
  constructor: 'an own constructor',
  nested: { list: [{ value: 1 }, { value: 2 }] },
};

describe('direct templates make what Handlebars makes', () => {
  const cases: Array<[string, string, Record<string, string>?]> = [
    ['text and values', '<p>{{name}}</p>{{{html}}}{{html}}{{empty}}{{zero}}{{no}}{{nothing}}{{missing}}{{missing.deeper}}'],
    ['paths', '{{object.first}}{{object.third.deep}}{{object.missing.deep}}{{this.name}}{{./name}}{{[odd-name]}}{{people.0.name}}{{people.length}}'],
    ['inherited names are not read', '{{constructor}}{{object.constructor}}{{object.toString}}{{object.hasOwnProperty}}{{list.map}}{{name.length}}'],
    ['functions are called', '{{fn}}|{{this.fn}}|{{#if fn}}yes{{/if}}'],
    ['helpers', '{{shout name}}{{pair name zero a=1 b=object.first}}{{{safe name}}}{{safe name}}{{shout (shout "x")}}{{shout}}{{self}}'],
    ['if, else if, else', '{{#if name}}A{{else if zero}}B{{else}}C{{/if}}{{#if zero includeZero=true}}zero{{/if}}{{#if none}}x{{else}}none empty{{/if}}{{#if nothing}}{{else}}{{this.tag}}{{/if}}'],
    ['unless', '{{#unless no}}not {{no}}{{else}}never{{/unless}}{{#unless list}}x{{else}}{{list.length}}{{/unless}}'],
    ['each over arrays', '{{#each list}}[{{@index}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}:{{this}}:{{../tag}}:{{@root.tag}}]{{/each}}{{#each none}}x{{else}}empty{{/each}}'],
    ['each over objects and maps', '{{#each object}}{{@key}}={{this}}{{#unless @last}},{{/unless}}{{/each}}|{{#each map}}{{@index}}{{this}}{{/each}}'],
    ['nested each and ../', '{{#each people}}{{name}}:{{#each roles}}{{this}}@{{../name}}@{{../../tag}}@{{@../index}}{{else}}no roles of {{name}}{{/each}};{{/each}}'],
    ['with', '{{#with object}}{{first}}{{second}}{{../name}}{{/with}}{{#with nothing}}x{{else}}none:{{tag}}{{/with}}{{#with people.0.boss}}{{name}}{{/with}}'],
    ['blocks inside blocks', '{{#each nested.list}}{{#if value}}{{#with ../tag}}{{this}}{{/with}}{{value}}{{/if}}{{/each}}'],
    ['null contexts', '{{#each list}}{{#if this}}{{this}}{{else}}[{{this}}]{{/if}}{{/each}}'],
    ['comments and whitespace control', '{{! a comment }}{{!-- another --}}  {{~name~}}  \n{{#if name}}\n  line\n{{/if}}\n'],
    ['partials', '{{> part}}{{> part object}}{{> part tag="hash"}}{{> part people.[0] tag="both"}}{{#each people}}{{> part}}{{/each}}', { part: '<{{tag}}|{{name}}|{{first}}|{{@root.tag}}|{{@index}}>' }],
    [
      'partial blocks',
      '{{#> layout}}body {{name}} {{@root.tag}}{{/layout}}{{#each people}}{{#> layout}}in each {{name}} {{@index}}{{/layout}}{{/each}}',
      { layout: '<main>{{#each list}}{{#if @first}}{{> @partial-block}}{{/if}}{{/each}}{{> @partial-block}}</main>' },
    ],
    ['values of every kind printed', '{{list}}|{{object}}|{{people.0.roles}}|{{{list}}}|{{zero}}|{{no}}|{{{nothing}}}|{{{missing}}}|{{fn.length}}'],
    ['primitives as contexts', '{{#with name}}{{length}}:{{this}}{{/with}}{{#each name}}x{{else}}a string is not iterated{{/each}}{{#with zero}}x{{else}}zero is empty{{/with}}'],
    ['unless with includeZero, each without a list', '{{#unless zero includeZero=true}}never{{else}}zero counts{{/unless}}{{#each missing}}x{{else}}no list{{/each}}'],
    ['frames two levels up', '{{#each people}}{{#each roles}}{{@index}}/{{@../index}}/{{@../../root.tag}}{{#if @last}}|{{/if}}{{/each}}{{/each}}'],
    ['partials in blocks, and ../ inside a partial', '{{#each people}}{{#with boss}}{{> part}}{{/with}}{{/each}}', { part: '[{{name}}|{{../name}}|{{@index}}]' }],
    ['helpers given null and undefined', '{{shout nothing}}{{shout missing}}{{pair nothing missing}}{{#if (eq nothing missing)}}eq{{else}}not eq{{/if}}'],
    ['standalone lines', '<ul>\n  {{#each list}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n  {{> part}}\n', { part: '  <p>{{tag}}</p>\n' }],
  ];
  for (const [name, page, partials] of cases) {
    it(name, () => {
      const { handlebars, direct } = render({ page }, partials ?? {}, context);
      expect(direct).toBe(handlebars);
    });
  }

  it('a page with nothing in it, and an undefined context', () => {
    expect(render({ page: '' }, {}, context).direct).toBe('');
    const { handlebars, direct } = render({ page: 'a{{name}}{{#each list}}x{{/each}}{{#if this}}y{{/if}}' }, {}, undefined);
    expect(direct).toBe(handlebars);
  });

  it('a missing @partial-block fails as in Handlebars', () => {
    const { hb, builtins, ours } = environment();
    const direct = compileDirect(new Map([['page', hb.parse('{{> layout}}')]]), new Map([['layout', hb.parse('{{> @partial-block}}')]]), ours, builtins)!;
    expect(() => direct.get('page')!({})).toThrow('The partial @partial-block could not be found');
  });
});

describe('what the direct templates leave to Handlebars', () => {
  const unsupported: Array<[string, string]> = [
    ['block parameters', '{{#each list as |item|}}{{item}}{{/each}}'],
    ['a mustache-style section', '{{#object}}{{first}}{{/object}}'],
    ['our helper as a block', '{{#shout name}}x{{/shout}}'],
    ['builtin lookup', '{{lookup object "first"}}'],
    ['builtin log as a value', '{{log}}'],
    ['an inline partial', '{{#*inline "x"}}y{{/inline}}{{> x}}'],
    ['a dynamic partial', '{{> (shout "x")}}'],
    ['a literal as a name', '{{"name"}}'],
    ['an unknown helper', '{{nohelper name}}'],
    ['if with two parameters', '{{#if name tag}}x{{/if}}'],
  ];
  for (const [name, page] of unsupported) {
    it(name, () => {
      const { hb, builtins, ours } = environment();
      expect(compileDirect(new Map([['page', hb.parse(page)]]), new Map(), ours, builtins)).toBeUndefined();
    });
  }

  it('a site template using one of them is made by Handlebars', () => {
    const folder = temporaryFolder('qingdan-direct-');
    mkdirSync(path.join(folder, 'partials'));
    writeFileSync(path.join(folder, 'partials', 'footer.hbs'), '<footer>{{#each site.links as |link|}}{{link}}{{/each}}</footer>\n');
    expect(new SiteTemplates('zh-CN', [folder]).isDirect).toBe(false);
    expect(new SiteTemplates('zh-CN').isDirect).toBe(true);
  });
});

describe('the example catalogue: every guide page the same both ways', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(locale, async () => {
      const validated = await validateCatalogueAsync(new DirectorySource(new URL('../../lists/', import.meta.url).pathname, process.cwd()), { environment: {} });
      const direct = new SiteTemplates(locale);
      const handlebars = new SiteTemplates(locale, [], undefined, 'handlebars');
      expect([direct.isDirect, handlebars.isDirect]).toEqual([true, false]);
      const draw = () => '<svg></svg>';
      const a = new GuidePages(validated.catalogue, locale, direct, draw);
      const b = new GuidePages(validated.catalogue, locale, handlebars, draw);
      const powers = a.builder.guidePowers();
      expect(powers.length).toBeGreaterThan(50);
      for (const power of powers) expect(a.page(power).render(), power.code).toBe(b.page(power).render());
    });
  }
});
