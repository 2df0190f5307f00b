// Screenshots of the built example site for docs/images/: the home page and a guide page, on a desktop, on a
// 390-pixel phone and as printed. Usage: npm start && node scripts/site-screenshots.js [site] [out]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const site = path.resolve(process.argv[2] ?? 'site');
const out = path.resolve(process.argv[3] ?? 'docs/images');
const GUIDE = 'items/11339921MB1D3961134010010000000.html';
/** Pages taller than this are cut (none of the example pages is). */
const MAX_HEIGHT = 9000;

const shots = [
  { name: 'site-home-desktop', page: 'index.html', width: 1280, media: 'screen' },
  { name: 'site-home-phone', page: 'index.html', width: 390, media: 'screen', mobile: true },
  { name: 'site-home-print', page: 'index.html', width: 794, media: 'print' },
  { name: 'site-guide-desktop', page: GUIDE, width: 1280, media: 'screen' },
  { name: 'site-guide-phone', page: GUIDE, width: 390, media: 'screen', mobile: true },
  { name: 'site-guide-print', page: GUIDE, width: 794, media: 'print' },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.QINGDAN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: 900 }, deviceScaleFactor: 1, isMobile: shot.mobile === true });
    await page.emulateMedia({ media: shot.media });
    await page.goto(pathToFileURL(path.join(site, shot.page)).href);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const file = path.join(out, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: shot.width, height: Math.min(height, MAX_HEIGHT) } });
    process.stdout.write(`${path.relative(process.cwd(), file)} (${shot.width}×${Math.min(height, MAX_HEIGHT)} of ${height})\n`);
    await page.close();
  }
} finally {
  await browser.close();
}
