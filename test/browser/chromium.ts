// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, and a tiny static
// server on 127.0.0.1 that serves bpmn-js and Mermaid from node_modules plus the documents a test registers, and axe-core.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.QINGDAN_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Whether the browser tests can run. In CI a missing Chromium is a failure (.ci/run installs it); on a developer's
 * machine the tests are skipped with a note.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it in CI (apt-get install chromium fonts-noto-cjk; .ci/run does this).`);
  }
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set QINGDAN_CHROMIUM).`);
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

export interface StaticServer {
  url: string;
  /** Serves `body` at `route` (e.g. '/chart.bpmn'). */
  put(route: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** Files under node_modules are served as they are; nothing else on disk is reachable. */
export async function serve(): Promise<StaticServer> {
  const documents = new Map<string, { body: string; type: string }>();
  const server = http.createServer((request, response) => {
    const route = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const document = documents.get(route);
    if (document) {
      response.writeHead(200, { 'content-type': document.type });
      response.end(document.body);
      return;
    }
    const file = path.join(ROOT, route);
    if (route.startsWith('/node_modules/') && !route.includes('..') && existsSync(file)) {
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
      return;
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put(route, body, type = 'text/html; charset=utf-8') {
      documents.set(route, { body, type });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's WCAG 2.1 A and AA violations on the open page, one line each (an empty list is a pass). */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations.map((v: AxeViolation) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
