#!/usr/bin/env node
// Screenshots of three example flowcharts for docs/flowcharts.md, taken in headless Chromium:
//
//   npm run build && node scripts/flow-screenshots.mjs
//
// Writes docs/images/flow-<id>.svg (what `qingdan flow` writes) and docs/images/flow-<id>.png (how Chromium draws it
// with the fonts of this machine; Debian: apt-get install chromium fonts-noto-cjk).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { validateCatalogueAsync } = await import(path.join(ROOT, 'dist/validate.js'));
const { DirectorySource } = await import(path.join(ROOT, 'dist/catalogue/source.js'));
const { describeFlow, flowInput } = await import(path.join(ROOT, 'dist/flow/model.js'));
const { layoutFlow } = await import(path.join(ROOT, 'dist/flow/layout.js'));
const { renderSvg } = await import(path.join(ROOT, 'dist/flow/svg.js'));

const FLOWS = ['construction-permit', 'food-business-licence', 'market-penalty'];
const result = await validateCatalogueAsync(new DirectorySource(path.join(ROOT, 'lists'), ROOT), { explicitLocale: 'zh-CN' });
const browser = await chromium.launch({ executablePath: process.env.QINGDAN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
for (const id of FLOWS) {
  const layout = layoutFlow(describeFlow(flowInput(result.catalogue, result.catalogue.flowById.get(id).value, 'zh-CN')));
  const svg = renderSvg(layout);
  writeFileSync(path.join(ROOT, 'docs/images', `flow-${id}.svg`), svg);
  await page.setViewportSize({ width: Math.ceil(layout.width), height: Math.ceil(layout.height) });
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\n/, '')}</body></html>`);
  await page.screenshot({ path: path.join(ROOT, 'docs/images', `flow-${id}.png`), clip: { x: 0, y: 0, width: Math.ceil(layout.width), height: Math.ceil(layout.height) } });
  console.log(`docs/images/flow-${id}.png  ${Math.ceil(layout.width)}×${Math.ceil(layout.height)}`);
}
await browser.close();
