/// <reference lib="dom" />
// The flowcharts in a real browser: bpmn-js renders every lane and step of the BPMN, Mermaid parses and renders the
// Mermaid, and Chromium's own text measurement (Noto Sans CJK) fits inside every shape of the SVG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderBpmn } from '../../src/flow/bpmn.js';
import { mermaidFromModel } from '../../src/flow/mermaid.js';
import { renderSvg, svgElement } from '../../src/flow/svg.js';
import { describeFlow } from '../../src/flow/model.js';
import { layoutFlow } from '../../src/flow/layout.js';
import { flowIdsOfLists, listsLayout } from '../flow/fixtures.js';
import { input, STRESS } from '../flow/synthetic.js';
import { axe, chromiumAvailable, launch, serve, type StaticServer } from './chromium.js';

const available = chromiumAvailable();

describe.runIf(available)('flowcharts in headless Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let server: StaticServer;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    server = await serve();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(route: string, html: string, type?: string): Promise<Page> {
    server.put(route, html, type);
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${route}: ${error.message}`));
    // Nothing may be fetched from anywhere but the test's own server.
    await page.route('**/*', (request) => (request.request().url().startsWith(server.url) ? request.continue() : request.abort()));
    await page.goto(`${server.url}${route}`);
    return page;
  }

  it('bpmn-js opens every generated BPMN file and renders each lane, step and arrow', async () => {
    const page = await open(
      '/bpmn.html',
      `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/node_modules/bpmn-js/dist/assets/diagram-js.css">
<link rel="stylesheet" href="/node_modules/bpmn-js/dist/assets/bpmn-js.css">
<script src="/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script></head>
<body><div id="canvas" style="width:1600px;height:900px"></div></body></html>`,
    );
    for (const id of flowIdsOfLists) {
      const layout = listsLayout(id);
      const xml = await renderBpmn(layout);
      const result = await page.evaluate(async (text) => {
        const container = document.querySelector('#canvas')!;
        container.innerHTML = '';
        const viewer = new (window as unknown as { BpmnJS: new (options: object) => any }).BpmnJS({ container });
        const { warnings } = await viewer.importXML(text);
        const registry = viewer.get('elementRegistry');
        const rendered = (elementId: string) => {
          const graphics = container.querySelector(`.djs-element[data-element-id="${elementId}"] .djs-visual`);
          return !!graphics && graphics.children.length > 0 && (graphics as SVGGraphicsElement).getBBox().width > 0;
        };
        const ids: string[] = registry.getAll().map((element: { id: string }) => element.id);
        return { warnings: warnings.map((warning: { message: string }) => warning.message), ids, rendered: ids.filter((elementId) => !elementId.endsWith('_label')).filter(rendered) };
      }, xml);
      expect(result.warnings, id).toEqual([]);
      const expected = [
        'Participant_1',
        ...layout.lanes.map((_, i) => `Lane_${i + 1}`),
        ...layout.model.nodes.map((node) => `Step_${node.id}`),
        ...layout.model.links.map((_, i) => `Flow_${i + 1}`),
      ];
      for (const elementId of expected) expect(result.rendered, `${id}: ${elementId}`).toContain(elementId);
    }
    await page.close();
  });

  it('Mermaid parses every generated chart and renders one subgraph per lane; names with markup stay text', async () => {
    const page = await open(
      '/mermaid.html',
      `<!doctype html><html><head><meta charset="utf-8"><script src="/node_modules/mermaid/dist/mermaid.min.js"></script></head>
<body><div id="out"></div><script>mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });</script></body></html>`,
    );
    const hostile = structuredClone(STRESS['one-step']!);
    hostile.steps[1]!.name = '"]) --> x; <script>window.pwned = 1</script><img src=x onerror="window.pwned=2">';
    hostile.name = '审批 <甲> & "乙" #1';
    const charts = [
      ...flowIdsOfLists.map((id) => ({ id, text: mermaidFromModel(listsLayout(id).model), lanes: listsLayout(id).lanes.length })),
      ...Object.entries(STRESS).map(([id, flow]) => ({ id, text: mermaidFromModel(describeFlow(input(flow))), lanes: describeFlow(input(flow)).lanes.length })),
      { id: 'hostile', text: mermaidFromModel(describeFlow(input(hostile))), lanes: 1 },
    ];
    for (const chart of charts) {
      const result = await page.evaluate(async ({ text, id }) => {
        const mermaid = (window as unknown as { mermaid: any }).mermaid;
        try {
          await mermaid.parse(text);
          const { svg } = await mermaid.render(`chart-${id}`, text);
          const host = document.querySelector('#out')!;
          host.innerHTML = svg;
          return {
            ok: true, clusters: host.querySelectorAll('g.cluster').length, scripts: host.querySelectorAll('script').length, pwned: (window as unknown as { pwned?: number }).pwned ?? 0,
            title: host.querySelector('.flowchartTitleText')?.textContent ?? '',
          };
        } catch (error) {
          return { ok: false, error: String((error as Error).message ?? error) };
        }
      }, chart);
      expect(result, chart.id).toMatchObject({ ok: true, clusters: chart.lanes, scripts: 0, pwned: 0 });
      // The title shows the name as written (< > as ＜ ＞), not Mermaid's character codes or HTML entities.
      if (chart.id === 'hostile') expect(result.title).toMatch(/^审批 ＜甲＞ & "乙" #1 — /);
    }
    await page.close();
  });

  it('fits every line of text inside its shape as Chromium measures it (Noto Sans CJK), in both languages', async () => {
    const layouts = [
      ...flowIdsOfLists.flatMap((id) => [listsLayout(id), listsLayout(id, 'en')]),
      ...Object.values(STRESS).map((flow) => layoutFlow(describeFlow(input(flow)))),
    ];
    const page = await open('/svg.html', '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="host"></div></body></html>');
    for (const layout of layouts) {
      const svg = renderSvg(layout).replace(/^<\?xml[^>]*>\n/, '');
      const overflows = await page.evaluate((markup) => {
        const host = document.querySelector('#host')!;
        host.innerHTML = markup;
        const problems: string[] = [];
        let checked = 0;
        const fits = (shape: Element, left: number, right: number, top: number, bottom: number) => {
          const box = (shape as SVGGraphicsElement).getBBox();
          const cx = box.x + box.width / 2;
          const cy = box.y + box.height / 2;
          const corners = [[left, top], [right, top], [left, bottom], [right, bottom]] as const;
          return corners.every(([x, y]) => {
            const dx = Math.abs(x - cx);
            const dy = Math.abs(y - cy);
            if (dx > box.width / 2 + 0.5 || dy > box.height / 2 + 0.5) return false;
            if (shape.tagName === 'path') return dx / (box.width / 2) + dy / (box.height / 2) <= 1.01;
            const radius = Number(shape.getAttribute('rx') ?? 0);
            const straight = box.width / 2 - radius;
            return dx <= straight || Math.hypot(dx - straight, Math.max(0, dy - (box.height / 2 - radius))) <= radius + 0.5;
          });
        };
        const check = (group: Element, shape: Element, what: string) => {
          // The lines: a Chinese run marked zh-CN in a line of an English chart is a <tspan> inside a line's.
          for (const tspan of group.querySelectorAll('text > tspan')) {
            const text = tspan.parentElement!;
            const size = Number(text.getAttribute('font-size'));
            const width = (tspan as SVGTSpanElement).getComputedTextLength();
            const x = Number(tspan.getAttribute('x'));
            const y = Number(tspan.getAttribute('y'));
            const left = text.getAttribute('text-anchor') === 'middle' ? x - width / 2 : x;
            checked++;
            if (!fits(shape, left, left + width, y - 0.88 * size, y + 0.12 * size)) problems.push(`${what}: "${tspan.textContent}" (${width.toFixed(1)}px)`);
          }
        };
        for (const step of host.querySelectorAll('g.qd-step')) check(step, step.querySelector('rect, path')!, step.id);
        for (const label of host.querySelectorAll('g.qd-conditions > g')) check(label, label.querySelector('rect')!, 'condition');
        return { problems, checked };
      }, svg);
      expect(overflows.problems, layout.model.id).toEqual([]);
      expect(overflows.checked).toBeGreaterThanOrEqual(layout.nodes.length);
    }
    await page.close();
  });

  it('draws an English chart with its language marks, as a .svg file (XML) and inline in an English page (axe: no WCAG A/AA violation)', async () => {
    const layout = listsLayout('construction-permit', 'en');
    const file = await open('/chart-en.svg', renderSvg(layout), 'image/svg+xml');
    const drawn = await file.evaluate(() => {
      const root = document.documentElement;
      const title = root.querySelector('title')!;
      return {
        root: root.localName,
        errors: document.getElementsByTagName('parsererror').length,
        lang: [root.getAttribute('lang'), root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')],
        titleLang: [title.getAttribute('lang'), title.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')],
        // :lang() follows xml:lang in an XML document: the marks are the language the browser sees.
        chinese: [...root.querySelectorAll('title:lang(zh-CN), tspan:lang(zh-CN)')].length,
        steps: root.querySelectorAll('g.qd-step').length,
        width: (root as unknown as SVGGraphicsElement).getBBox().width,
      };
    });
    expect(drawn).toMatchObject({ root: 'svg', errors: 0, lang: ['en', 'en'], titleLang: ['zh-CN', 'zh-CN'], steps: layout.nodes.length });
    expect(drawn.chinese).toBeGreaterThan(layout.nodes.length);
    expect(drawn.width).toBeGreaterThan(1000);
    await file.close();
    const inline = await open('/chart-en.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flowchart</title></head><body><main><h1>Flowchart</h1>${svgElement(layout)}</main></body></html>`);
    expect(await inline.evaluate(() => document.querySelector('svg')!.getAttribute('lang'))).toBe('en');
    expect(await axe(inline)).toEqual([]);
    await inline.close();
  });

  it('raised no errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
