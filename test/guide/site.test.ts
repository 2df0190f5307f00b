import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check, BASE } from '../harness.js';
import { planSite, type SiteFile } from '../../src/guide/site.js';
import { SiteTemplates } from '../../src/guide/templates.js';
import { linkify, safeUrl } from '../../src/guide/links.js';
import { fileSafe, paths } from '../../src/guide/model.js';
import { computeStats } from '../../src/guide/stats.js';
import type { Power } from '../../src/schema/definitions.js';
import { temporaryFolder } from '../temporary.js';

const CODE = '11339921MB000000104010010000000';
const basePowers = readFileSync(path.join(BASE, 'powers.yaml'), 'utf8');

/** The base catalogue's power with extra YAML lines appended to it (two-space list indentation). */
function withPower(extra: string, replace: Array<[string, string]> = []): Record<string, string> {
  let text = basePowers;
  for (const [find, by] of replace) {
    if (!text.includes(find)) throw new Error(`powers.yaml lacks ${find}`);
    text = text.replace(find, by);
  }
  return { 'powers.yaml': `${text.trimEnd()}\n${extra}` };
}

function site(files: Record<string, string> = {}, locale: 'zh-CN' | 'en' = 'zh-CN', overrides: string[] = []): Map<string, SiteFile> {
  const result = check(files, locale);
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const plan = planSite(result.catalogue, locale, new SiteTemplates(locale, overrides));
  return new Map(plan.files.map((file) => [file.path, file]));
}

function page(files: Map<string, SiteFile>, pagePath: string): string {
  const file = files.get(pagePath);
  if (!file) throw new Error(`no ${pagePath}; have ${[...files.keys()].join(', ')}`);
  return String(file.make());
}

const guidePath = paths.item(CODE);

describe('guide page', () => {
  it('answers a citizen\'s questions in the order of DOMAIN.md §6', () => {
    const html = page(site(), guidePath);
    const order = ['about', 'conditions', 'materials', 'steps', 'time', 'fees', 'visits', 'where', 'contact', 'basis', 'remedies', 'reviewed'];
    const positions = order.map((id) => html.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('shows the materials table, the step-by-step list with times, the flowchart and both contact channels', () => {
    const html = page(site(withPower('    contact: {consult: 0570-1234301（市场监管局）, complaint: 12345 热线}\n    reviewed: 2025-05-20\n')), guidePath);
    expect(html).toMatch(/<table class="materials">[\s\S]*食品经营许可申请书[\s\S]*<\/table>/);
    expect(html).toContain('<th scope="col">原件</th>');
    expect(html).toContain('纸质和电子');
    expect(html).toMatch(/<ol class="step-by-step">[\s\S]*受理[\s\S]*时限：1个工作日[\s\S]*一次性告知补正[\s\S]*不计入办结时限/);
    expect(html).toMatch(/<figure class="flowchart">[\s\S]*<svg [^>]*role="img"/);
    expect(html).not.toContain('<?xml');
    expect(html).toContain('<a href="tel:05701234301">0570\u20111234301</a>');
    expect(html).toContain('<a href="tel:12345">12345</a>');
    expect(html).toContain('我要咨询');
    expect(html).toContain('我要投诉');
    expect(html).toContain('本指南最近核查于 2025-05-20。');
    expect(html).toContain('承诺办结时限');
    expect(html).toContain('比法定时限缩短 75%');
  });

  it('escapes every catalogue text: a <script> in a name, a condition or a material stays text', () => {
    const attack = '<script>alert(1)</script>';
    const files = withPower(`    conditions: ["${attack}", "\\" onmouseover=\\"alert(2)"]\n    location: "<img src=x onerror=alert(3)>"\n`, [
      ['name: 食品经营许可\n', `name: "食品经营许可${attack}"\n`],
      ['name: 食品经营许可申请书', `name: "申请书<b>粗</b>"`],
    ]);
    const html = page(site(files), guidePath);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>粗</b>');
    expect(html).toContain('食品经营许可&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(3)&gt;');
    expect(html).not.toMatch(/" onmouseover="/);
    // The only scripts on a guide page are none at all.
    expect(html).not.toMatch(/<script/);
  });

  it('makes links only of http(s), tel: and mailto:, never javascript: or data:', () => {
    const files = withPower(
      [
        '    online: {depth: [consult, accept, handle, result], url: "javascript:alert(1)"}',
        '    contact: {consult: "javascript:alert(1) 或 mailto:a@b.cn 或 data:text/html,x", complaint: "https://ts.example.gov.cn/x?a=1&b=2"}',
        '',
      ].join('\n'),
      [['    online: {depth: [consult, accept, handle, result]}\n', '']],
    );
    const html = page(site(files), guidePath);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of hrefs) expect(href).toMatch(/^(https?:|tel:|mailto:|#|\.\.\/|[a-z-]+(\/|\.html|\.svg))/);
    expect(hrefs.some((h) => /javascript:|data:/i.test(h))).toBe(false);
    expect(html).toContain('href="https://ts.example.gov.cn/x?a&#x3D;1&amp;b&#x3D;2"');
    expect(html).toContain('href="mailto:a@b.cn"');
    expect(html).not.toContain('网上办理入口</a>');
  });

  it('gives a material\'s legal basis under its name, in the language of the page', () => {
    const files = withPower('', [['        originals: 1\n', '        originals: 1\n        basis: [{law: spaqf, article: 第三十五条}]\n']]);
    expect(page(site(files), guidePath)).toMatch(/<span class="note">要求依据：(?:<a [^>]*>)?《[^》]+》(?:<\/a>)?第三十五条\s*<\/span><\/th>/);
    expect(page(site(files, 'en'), guidePath)).toMatch(
      /<span class="note">Required by: (?:<a [^>]*>)?《<span lang="zh-CN">[^<]+<\/span>》(?:<\/a>)?<span lang="zh-CN">第三十五条<\/span>\s*<\/span><\/th>/,
    );
  });

  it('is written in English when the locale is en', () => {
    const html = page(site({}, 'en'), guidePath);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Documents you need');
    expect(html).toContain('Make a complaint');
    // The site's own punctuation follows the language; only catalogue text stays Chinese.
    expect(html).toMatch(/By: <span lang="zh-CN">[^<]+<\/span>/);
    expect(html).not.toMatch(/(?:By|Time|Flowchart|Blank form|Sample|Outputs)：/);
    expect(html).not.toMatch(/(?:<\/a>|[A-Za-z])、/);
    const zh = page(site(), guidePath);
    expect(zh).toContain('承办：');
  });
});

describe('language of parts (WCAG 2.1 3.1.2)', () => {
  it('marks the catalogue\'s Chinese text lang="zh-CN" on an English page, and leaves English words and codes alone', () => {
    const html = page(site(withPower('    location: 青山县政务服务中心 <b>一楼</b>\n')), guidePath);
    expect(html).not.toContain('<span lang="zh-CN">');
    const en = page(site(withPower('    location: 青山县政务服务中心 <b>一楼</b>\n    conditions: [申请人具有相应的主体资格]\n'), 'en'), guidePath);
    expect(en).toMatch(/<h1><span lang="zh-CN">[^<]*[\u4e00-\u9fff][^<]*<\/span><\/h1>/);
    expect(en).toMatch(/<ul class="checklist">\s*<li><span lang="zh-CN">/);
    // Escaped inside the mark: catalogue text never becomes markup.
    expect(en).toContain('<span lang="zh-CN">青山县政务服务中心 &lt;b&gt;一楼&lt;/b&gt;</span>');
    expect(en).toContain(`<dd class="code">${CODE}</dd>`);
    expect(en).not.toMatch(/<span lang="zh-CN">[\x20-\x7e]*<\/span>/);
  });

  it('marks the case in which a material is needed, inside the English words around it', () => {
    const files = withPower('', [['        required: true\n', '        required: conditional\n        condition: 委托他人代为办理的\n']]);
    expect(page(site(files, 'en'), guidePath)).toContain('<td>if <span lang="zh-CN">委托他人代为办理的</span></td>');
    expect(page(site(files), guidePath)).toContain('<td>视情形：委托他人代为办理的</td>');
  });

  it('marks the Chinese part of an English sentence only, and never inside an attribute or the <title>', () => {
    const files = site({}, 'en');
    const department = [...files.keys()].find((file) => /^departments\/[^/]+-responsibilities\.html$/.test(file))!;
    const html = page(files, department);
    expect(html).toMatch(/<h1>Responsibility list: <span lang="zh-CN">[^<]+<\/span><\/h1>/);
    expect(html).toMatch(/<title>Responsibility list: [^<]+ — [^<]+<\/title>/);
    expect(html).not.toMatch(/="[^"]*<span/);
  });
});

describe('links', () => {
  it('accepts only absolute http(s), tel: and mailto: URLs', () => {
    expect(safeUrl('https://zwfw.example.gov.cn/a')).toBe('https://zwfw.example.gov.cn/a');
    expect(safeUrl('tel:12345')).toBe('tel:12345');
    expect(safeUrl('mailto:x@example.cn')).toBe('mailto:x@example.cn');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '/relative', '//evil.example', 'http://', 'file:///etc/passwd']) {
      expect(safeUrl(bad), bad).toBeUndefined();
    }
  });

  it('finds phone numbers, e-mail addresses and web addresses in Chinese text', () => {
    expect(linkify('0570-1234301（县住建局）；12345政务服务便民热线；邮箱 ts@qs.example.cn')).toEqual([
      { text: '0570\u20111234301', href: 'tel:05701234301' },
      { text: '（县住建局）；' },
      { text: '12345', href: 'tel:12345' },
      { text: '政务服务便民热线；邮箱 ' },
      { text: 'ts@qs.example.cn', href: 'mailto:ts@qs.example.cn' },
    ]);
    expect(linkify('见 https://a.example.cn/p，或电话')).toEqual([{ text: '见 ' }, { text: 'https://a.example.cn/p', href: 'https://a.example.cn/p' }, { text: '，或电话' }]);
    // Long digit runs (codes, dates) are not phone numbers.
    expect(linkify('编码 11339921MB000000104010010000000')).toEqual([{ text: '编码 11339921MB000000104010010000000' }]);
  });

  it('keeps item codes inside items/ whatever they contain', () => {
    expect(fileSafe('113399-AB_1')).toBe('113399-AB_1');
    expect(fileSafe('../../etc')).toBe('~2e~2e~2f~2e~2e~2fetc');
    expect(paths.item('a/b')).toBe('items/a~2fb.html');
  });

  it('cuts a code too long for a file name, with a hash of the whole code, so two long codes never share a page', () => {
    const long = '甲'.repeat(100);
    const name = fileSafe(long);
    // 100 characters spelled out would be 500: more than a file system's 255 bytes.
    expect(name).toHaveLength(200);
    expect(name.startsWith('~7532'.repeat(36))).toBe(true);
    expect(name).toMatch(/-[0-9a-f]{16}$/);
    expect(fileSafe(`${long}乙`)).not.toBe(name);
    expect(fileSafe('甲'.repeat(40))).toBe('~7532'.repeat(40));
  });
});

describe('site pages', () => {
  it('has a home page with search, categories, departments and applicants', () => {
    const files = site();
    const home = page(files, 'index.html');
    expect(home).toContain('action="search.html"');
    expect(home).toContain('href="categories/licensing.html"');
    expect(home).toContain('href="departments/scjgj.html"');
    expect(home).toContain('href="applicants/natural-person.html"');
    expect(home).toContain('href="applicants/legal-person.html"');
    for (const required of ['search.html', 'stats.html', 'data.html', 'departments/index.html', 'departments/scjgj-responsibilities.html', 'search-index.js', 'data/catalogue.json', 'data/powers.csv', 'data/services.jsonld']) {
      expect(files.has(required), required).toBe(true);
    }
  });

  it('lists cancelled and delegated items in the power list, marked, without guide pages', () => {
    const cancelled = `  - code: 11339921MB000000104010020000000
    name: 已取消的事项
    category: licensing
    department: scjgj
    status: cancelled
    status_since: 2024-01-01
    status_note: 国务院决定取消
    basis: [{law: spaqf, article: 第三十五条}]
    time_limit: {statutory: 20, promised: 5, unit: working-days}
  - code: 11339921MB000000104010030000000
    name: 委托下放的事项
    category: licensing
    department: scjgj
    status: delegated
    basis: [{law: spaqf, article: 第三十五条}]
    time_limit: {statutory: 20, promised: 5, unit: working-days}
`;
    const result = check({ 'powers.yaml': `${basePowers.trimEnd()}\n${cancelled}`, 'qingdan.yaml': 'name: 测试基线清单\nprofile: national\nrules: {responsibility/missing: off}\n' }, 'zh-CN');
    const plan = planSite(result.catalogue, 'zh-CN', new SiteTemplates('zh-CN'));
    const files = new Map(plan.files.map((f) => [f.path, f]));
    const list = String(files.get('departments/scjgj.html')!.make());
    expect(list).toMatch(/<tr class="status-cancelled">[\s\S]*已取消的事项[\s\S]*<strong class="status-mark">取消<\/strong> 自 2024-01-01<span class="note">国务院决定取消/);
    expect(list).toMatch(/<tr class="status-delegated">[\s\S]*委托下放的事项[\s\S]*<strong class="status-mark">委托下放<\/strong>/);
    expect(list).toContain('已取消的事项仅作公示，不再办理。');
    expect(files.has(paths.item('11339921MB000000104010020000000'))).toBe(false);
    expect(plan.guides).toBe(1);
  });

  it('draws the statistics as inline SVG with a data table, no script', () => {
    const html = page(site(), 'stats.html');
    expect(html).toMatch(/<svg class="bar-chart"[^>]*role="img"/);
    expect(html).toContain('<caption>各类事项数</caption>');
    expect(html).toContain('100%');
    expect(html).not.toMatch(/<script/);
  });

  it('draws a full bar, never NaN, for time limits too large to add up', () => {
    const power = (code: string) => ({ code, name: code, category: 'licensing', department: 'scjgj', basis: [{ law: 'spaqf' }], time_limit: { statutory: 1e308, promised: 1e308, unit: 'days' } }) as Power;
    const stats = computeStats('zh-CN', [power('a'), power('b')], () => '市场监管局', []);
    const bars = Object.values(stats.charts).flatMap((chart) => chart.bars.flatMap((bar) => [bar.width, bar.second?.width ?? 0]));
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.every((width) => Number.isFinite(width))).toBe(true);
    expect(stats.charts.time.bars[0]!.width).toBe(stats.charts.time.bars[0]!.second!.width);
  });

  it('lets a user folder override a partial', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = temporaryFolder('qingdan-templates-');
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'partials', 'guide-reviewed.hbs'), '<section id="reviewed"><h2>核查</h2><p>自定义：{{guide.name}}</p></section>\n');
    const html = page(site({}, 'zh-CN', [dir]), guidePath);
    expect(html).toContain('<p>自定义：食品经营许可</p>');
    expect(html).toContain('<section id="materials"');
  });
});
