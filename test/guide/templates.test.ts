import { describe, expect, it } from 'vitest';
import { SiteTemplates, inlineHelpers } from '../../src/guide/templates.js';

/** A template rendered as written and with its helper calls inlined, and what is left of our helpers in the latter. */
function both(locale: 'zh-CN' | 'en', text: string, context: object): { plain: string; inlined: string; calls: string[] } {
  const templates = new SiteTemplates(locale);
  const hb = templates.handlebars;
  const plain = hb.compile(text, { preventIndent: true })(context);
  const ast = hb.parse(text);
  inlineHelpers(ast, templates.inlining);
  const calls: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { type, path } = node as { type?: string; path?: { original?: string } };
    if ((type === 'MustacheStatement' || type === 'SubExpression') && path?.original && ['t', 'zh', 'url'].includes(path.original)) calls.push(path.original);
    for (const value of Object.values(node)) if (value && typeof value === 'object' && value !== path) visit(value);
  };
  visit(ast);
  return { plain, inlined: hb.compile(ast, { preventIndent: true })(context), calls };
}

const context = {
  rootPrefix: '../',
  name: '食品经营许可<script>alert(1)</script>',
  guide: { name: '建筑工程施工许可', href: 'items/a.html', count: 3 },
  lookup: '一个与助手同名的值',
  t: '与 t 同名',
  items: ['甲 & 乙', 'plain', 42, false],
  missing: undefined,
};

describe('helper calls inlined when templates are compiled', () => {
  const cases: Array<[string, string]> = [
    ['site words', '<p title="{{t "consult"}}">{{t "complain"}}</p>{{{t "free"}}}{{t "no-such-word"}}'],
    ['a word with placeholders stays a call', '{{t "visits-count" count=guide.count}}'],
    ['a word inside a subexpression', '{{#if (eq (t "free") "免费")}}免费{{else}}not{{/if}}'],
    ['catalogue text', '<h1>{{zh guide.name}}</h1>{{zh name}}{{zh missing}}{{zh "字面<量>"}}'],
    ['a value named like a helper', '{{zh lookup}}|{{zh t}}|{{url lookup}}'],
    ['block parameters and outer contexts', '{{#each items as |item i|}}{{zh item}}{{zh ../guide.name}}{{zh this}}{{zh @index}}{{/each}}'],
    ['links from the page', '<a href="{{url "index.html"}}">{{url guide.href}}</a>{{{url "a&b.html"}}}{{url missing}}'],
    ['inside blocks and their inverses', '{{#with guide}}{{zh name}}{{#unless count}}{{t "free"}}{{else}}{{url href}}{{/unless}}{{/with}}'],
  ];
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [what, text] of cases) {
      it(`${what} (${locale}): the same bytes as the helpers make`, () => {
        const { plain, inlined } = both(locale, text, context);
        expect(inlined).toBe(plain);
      });
    }
  }

  it('leaves no call of t without placeholders, and no zh or url with a name or a text, on a Chinese site', () => {
    const text = cases.map(([, t]) => t).join('\n');
    expect(both('zh-CN', text, context).calls.sort()).toEqual(['t', 'zh']);
    // English pages mark Chinese text: zh stays a call there.
    expect(both('en', text, context).calls.filter((call) => call === 'zh')).toHaveLength(11);
  });

  it('puts the words of the page\'s language in, escaped for where they stand', () => {
    expect(both('zh-CN', '{{t "consult"}}|{{url "a&b.html"}}', context).inlined).toBe('我要咨询|../a&amp;b.html');
    expect(both('en', '{{t "consult"}}', context).inlined).toBe('Ask a question');
    expect(both('zh-CN', '{{zh lookup}}', context).inlined).toBe('一个与助手同名的值');
  });
});

describe('tzh keeps the sentences it made', () => {
  it('gives each id and values their own sentence, in a page of either language', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const memoised = new SiteTemplates(locale).handlebars;
      const page = memoised.compile('{{tzh "step-goes-to" name=name}}|{{tzh "items-count" count=count}}', { preventIndent: true });
      const cases = [
        { name: '审查', count: 1 },
        { name: '审查', count: '1' },
        { name: '作出决定 <b>', count: 2 },
        { name: '审查', count: 1 },
        { name: undefined, count: 1 },
        { name: null, count: 1 },
        { name: '', count: 1 },
      ];
      for (const values of cases) {
        // A fresh environment has nothing kept: the kept sentence must be the one it makes.
        const fresh = new SiteTemplates(locale).handlebars.compile('{{tzh "step-goes-to" name=name}}|{{tzh "items-count" count=count}}', { preventIndent: true });
        expect(page(values), `${locale} ${JSON.stringify(values)}`).toBe(fresh(values));
      }
    }
    const zh = new SiteTemplates('zh-CN').handlebars.compile('{{tzh "step-goes-to" name=name}}', { preventIndent: true });
    expect([zh({ name: '审查' }), zh({ name: '作出决定 <b>' }), zh({ name: '审查' })]).toEqual(['转到“审查”', '转到“作出决定 &lt;b&gt;”', '转到“审查”']);
    const en = new SiteTemplates('en').handlebars.compile('{{tzh "items-count" count=n}} / {{tzh "step-goes-to" name=name}}', { preventIndent: true });
    expect([en({ n: 1, name: '审查' }), en({ n: 2, name: 'Review' })]).toEqual(['1 service / go to “<span lang="zh-CN">审查</span>”', '2 services / go to “Review”']);
  });

  it('keeps texts apart that a separator inside a value could run together', () => {
    const text = '{{tzh "footer-generated" name=a extra=b}}';
    const page = new SiteTemplates('en').handlebars.compile(text, { preventIndent: true });
    // Joined with a plain separator, these two lists of values would give one key: each must get its own sentence.
    // (Two pairs: one for each order the values may come in.)
    const pairs = [
      [{ a: 'x\u0000extra=y', b: '' }, { a: 'x', b: 'y\u0000extra=' }],
      [{ a: '', b: 'y\u0000name=x' }, { a: 'x\u0000name=', b: 'y' }],
    ];
    for (const values of pairs.flat()) expect(page(values), JSON.stringify(values)).toBe(new SiteTemplates('en').handlebars.compile(text, { preventIndent: true })(values));
    expect(page(pairs[0]![1]!)).toBe('Built by qingdan from “x”.');
  });
});
