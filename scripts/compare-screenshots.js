// Screenshots of qingdan compare's HTML report for docs/images/: the fixtures of test/fixtures/compare on a desktop
// and on a 390-pixel phone. Usage: npm run build && node scripts/compare-screenshots.js [out]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs/images'));
const report = path.join(mkdtempSync(path.join(tmpdir(), 'qingdan-compare-shot-')), 'report.html');
const offices = ['reference', 'county-a', 'county-b', 'county-c'].map((o) => `test/fixtures/compare/${o}`);
try {
  execFileSync(process.execPath, ['bin/qingdan.js', 'compare', ...offices, '--format', 'html', '--out', report], { cwd: ROOT, stdio: 'inherit' });
} catch (error) {
  // Exit code 1 means breaking divergences were found: the fixtures are made to have them.
  if (error.status !== 1) throw error;
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.QINGDAN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const shot of [{ name: 'compare-report-desktop', width: 1280 }, { name: 'compare-report-phone', width: 390, mobile: true }]) {
  const page = await browser.newPage({ viewport: { width: shot.width, height: 900 }, ...(shot.mobile ? { isMobile: true, deviceScaleFactor: 1 } : {}) });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: path.join(out, `${shot.name}.png`), fullPage: true });
  console.log(path.relative(process.cwd(), path.join(out, `${shot.name}.png`)));
  await page.close();
}
await browser.close();
