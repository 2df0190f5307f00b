/// <reference lib="dom" />
// The compare report's HTML page in headless Chromium: axe-core (WCAG 2.1 AA), a phone-width screen, and hostile
// catalogue text that must never run.
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { compareCatalogues } from '../../src/compare/compare.js';
import html from '../../src/report/compare/html.js';
import { copyCatalogue, edit, ROOT } from '../cli/run-cli.js';
import { FIXTURES, OFFICES } from '../compare/fixtures.js';
import { axe, chromiumAvailable, launch, serve, type StaticServer } from './chromium.js';
import { temporaryFolder } from '../temporary.js';

const available = chromiumAvailable();

async function page(dir: string, reference: boolean, locale: 'zh-CN' | 'en'): Promise<string> {
  const roots = (reference ? OFFICES : OFFICES.slice(1)).map((o) => path.join(dir, o));
  const result = await compareCatalogues(roots, dir, { reference, locale, workers: 0 });
  return html({ ...result, color: false, toolVersion: '0.0.0-test', failOn: 'breaking' });
}

/** The report of two variants of lists/: the example catalogue, and a copy with a longer promise and one more material. */
async function listsReport(): Promise<string> {
  const reference = copyCatalogue(path.join(ROOT, 'lists'), 'qingshan');
  const local = copyCatalogue(path.join(ROOT, 'lists'), 'qingshan-east');
  edit(path.join(local, 'qingdan.yaml'), 'region: 青山县', 'region: 青山东区');
  edit(path.join(local, 'powers/scjgj.yaml'), '      promised: 5\n', '      promised: 8\n');
  edit(path.join(local, 'powers/gaj.yaml'), '    materials:\n', '    materials:\n      - name: 户口簿\n        required: true\n        source: applicant\n        medium: paper\n');
  const result = await compareCatalogues([reference, local], path.dirname(reference), { reference: true, locale: 'zh-CN', workers: 0 });
  expect(result.divergences.map((d) => d.classId).sort()).toEqual(['standard/material-extra', 'standard/time']);
  return html({ ...result, color: false, toolVersion: '0.0.0-test', failOn: 'breaking' });
}

describe.runIf(available)('the compare report in headless Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    browser = await launch();
    server = await serve();
    server.put('/reference.html', await page(FIXTURES, true, 'zh-CN'));
    server.put('/peers.html', await page(FIXTURES, false, 'en'));
    server.put('/lists.html', await listsReport());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['reference', 'peers', 'lists'])('axe-core finds no WCAG 2.1 AA violation on the %s report', async (name) => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/${name}.html`);
    expect(await tab.locator('table.matrix tbody tr').count()).toBeGreaterThan(0);
    expect(await axe(tab)).toEqual([]);
    await tab.close();
  });

  it('fits a 390-pixel phone screen: only the tables scroll sideways', async () => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await tab.goto(`${server.url}/reference.html`);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await tab.close();
  });

  it('runs nothing from hostile catalogue text: no dialog, the text shown as text', async () => {
    const dir = temporaryFolder('qingdan-compare-hostile-');
    for (const office of OFFICES) cpSync(path.join(FIXTURES, office), path.join(dir, office), { recursive: true });
    edit(path.join(dir, 'county-a/qingdan.yaml'), 'region: 甲县', 'region: \'"><svg onload=alert(1)>\'');
    edit(path.join(dir, 'county-b/powers.yaml'), 'name: 食品经营许可证核发', 'name: "<script>alert(1)</script>"');
    edit(path.join(dir, 'county-b/powers.yaml'), 'name: 场所平面图', 'name: "<img src=x onerror=alert(1)>"');
    const hostile = await page(dir, true, 'zh-CN');
    writeFileSync(path.join(dir, 'report.html'), hostile);
    server.put('/hostile.html', hostile);
    const tab = await browser.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await tab.goto(`${server.url}/hostile.html`);
    await tab.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await tab.locator('script, img, svg').count()).toBe(0);
    expect(await tab.locator('body').innerText()).toContain('<script>alert(1)</script>');
    await tab.close();
  });
});
