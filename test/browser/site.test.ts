/// <reference lib="dom" />
// The built guide site in headless Chromium: a citizen's journey from search to guide, axe-core (WCAG 2.1 AA) on every
// page type, content with JavaScript off, a phone-width screen, and hostile catalogue text that must never run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogueAsync } from '../../src/validate.js';
import { buildSite } from '../../src/guide/build.js';
import { check, BASE } from '../harness.js';
import { ROOT } from '../cli/run-cli.js';
import { axe, chromiumAvailable, launch } from './chromium.js';
import { serveFolder, type SiteServer } from './site-server.js';
import { temporaryFolder } from '../temporary.js';

const available = chromiumAvailable();
const CONSTRUCTION = 'items/11339921MB1D3961134010010000000.html';

describe.runIf(available)('the guide site in headless Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: SiteServer;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const out = path.join(temporaryFolder('qingdan-browser-'), 'site');
    const { catalogue } = await validateCatalogueAsync(new DirectorySource(path.join(ROOT, 'lists')), {});
    await buildSite(catalogue, { out, locale: 'zh-CN' });
    server = await serveFolder(out);
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Nothing may be fetched from anywhere but the site itself.
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(route: string, on: BrowserContext = context): Promise<Page> {
    const page = await on.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${route}: ${error.message}`));
    await page.goto(`${server.url}/${route}`);
    return page;
  }

  it('home → search 施工许可 → the guide page, with its materials table, flowchart and complaint channel', async () => {
    const page = await open('index.html');
    await page.getByLabel('搜索办事事项').fill('施工许可');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/search\.html\?q=/);
    const results = page.locator('#search-results li a');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results h2').textContent()).toMatch(/“施工许可”的搜索结果：\d+ 项/);
    expect(await page.locator('#all-items').isHidden()).toBe(true);
    await results.first().click();
    await page.waitForURL(new RegExp(CONSTRUCTION.replace('.', '\\.')));
    expect(await page.locator('h1').textContent()).toBe('建筑工程施工许可证核发');
    const rows = page.locator('table.materials tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await page.locator('table.materials caption').textContent()).toContain('申请材料清单');
    const chart = page.locator('figure.flowchart svg[role="img"]');
    expect(await chart.count()).toBe(1);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const complaint = page.locator('#complain');
    expect(await complaint.isVisible()).toBe(true);
    expect(await complaint.textContent()).toContain('0570\u20111234199');
    expect(await page.getByRole('link', { name: '我要投诉' }).first().isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  const pageTypes: Array<[string, string]> = [
    ['home', 'index.html'],
    ['guide', CONSTRUCTION],
    ['department list', 'departments/index.html'],
    ['department power list', 'departments/zjj.html'],
    ['responsibility list', 'departments/zjj-responsibilities.html'],
    ['stats', 'stats.html'],
    ['search results', 'search.html?q=%E6%96%BD%E5%B7%A5%E8%AE%B8%E5%8F%AF'],
    ['category', 'categories/licensing.html'],
    ['open data', 'data.html'],
  ];
  for (const [name, route] of pageTypes) {
    it(`axe-core finds no WCAG 2.1 AA violation on the ${name} page`, async () => {
      const page = await open(route);
      expect(await axe(page)).toEqual([]);
      await page.close();
    });
  }

  it('reads with JavaScript off: the search page lists every item, the guide is complete', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const search = await open('search.html?q=x', noScript);
    expect(await search.locator('#all-items li').count()).toBe(81);
    expect(await search.locator('#all-items').isVisible()).toBe(true);
    const guide = await open(CONSTRUCTION, noScript);
    expect(await guide.locator('table.materials tbody tr').count()).toBe(7);
    expect(await guide.locator('ol.step-by-step > li').count()).toBeGreaterThan(5);
    await noScript.close();
  });

  it('fits a 390-pixel phone screen: nothing but the tables and the chart scrolls sideways', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
    for (const route of ['index.html', CONSTRUCTION, 'stats.html', 'departments/zjj.html']) {
      const page = await open(route, phone);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, route).toBeLessThanOrEqual(390);
    }
    await phone.close();
  });
});

describe.runIf(available)('hostile catalogue text in the built site', () => {
  let browser: Browser;
  let server: SiteServer;

  beforeAll(async () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const powers = readFileSync(path.join(BASE, 'powers.yaml'), 'utf8')
      .replace('name: 食品经营许可\n', `name: "食品经营许可${attack}"\n`)
      .replace('online: {depth: [consult, accept, handle, result]}', 'online: {depth: [consult, accept, handle, result], url: "javascript:alert(3)"}')
      .concat(`    conditions: ["${attack}", "\\"><svg onload=alert(4)>"]\n    contact: {consult: "javascript:alert(5)", complaint: "<a href=javascript:alert(6)>投诉</a>"}\n    location: "<iframe src=javascript:alert(7)>"\n`);
    const departments = readFileSync(path.join(BASE, 'departments.yaml'), 'utf8');
    const result = check({ 'powers.yaml': powers, 'departments.yaml': departments }, 'zh-CN');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const out = path.join(temporaryFolder('qingdan-xss-'), 'site');
    await buildSite(result.catalogue, { out, locale: 'zh-CN' });
    server = await serveFolder(out);
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no script on any page: no dialog opens, no javascript: link exists', async () => {
    const dialogs: string[] = [];
    const page = await browser.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const routes = ['index.html', 'items/11339921MB000000104010010000000.html', 'search.html?q=%E9%A3%9F%E5%93%81', 'departments/scjgj.html', 'departments/scjgj-responsibilities.html', 'categories/licensing.html', 'stats.html'];
    for (const route of routes) {
      await page.goto(`${server.url}/${route}`);
      await page.waitForLoadState('load');
      const hrefs = await page.evaluate(() => [...document.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''));
      expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)), route).toEqual([]);
      // Click every link that stays on the page's own origin or is a fragment, as a curious user would.
      for (const link of await page.locator('main a[href^="#"]').all()) await link.click();
    }
    // The search page rendered the hostile name from the index as text.
    await page.goto(`${server.url}/search.html?q=${encodeURIComponent('食品')}`);
    expect(await page.locator('#search-results li a').first().textContent()).toContain('<script>alert(1)</script>');
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
