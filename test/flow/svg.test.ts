import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderSvg, describe as describeChart } from '../../src/flow/svg.js';
import { describeFlow } from '../../src/flow/model.js';
import { layoutFlow } from '../../src/flow/layout.js';
import { escapeXml } from '../../src/flow/xml.js';
import { flowIdsOfLists, listsLayout } from './fixtures.js';
import { input, STRESS } from './synthetic.js';

const svgOf = (id: string) => renderSvg(listsLayout(id));

describe('SVG flowcharts', () => {
  it('are identical bytes for identical input', () => {
    for (const id of flowIdsOfLists) expect(svgOf(id)).toBe(svgOf(id));
  });

  it('are well-formed XML with <title> and <desc> tied to the root for screen readers', () => {
    for (const id of flowIdsOfLists) {
      const svg = svgOf(id);
      expect(XMLValidator.validate(svg)).toBe(true);
      const root = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
      expect(root['@_role']).toBe('img');
      expect(root['@_aria-labelledby']).toBe(`qd-${id}-title qd-${id}-desc`);
      expect(root.title['#text']).toBeTruthy();
      expect(root.desc['#text']).toContain('泳道（承办部门）');
    }
  });

  it('reference nothing outside themselves: no scripts, links, images, external fonts or stylesheets', () => {
    for (const id of flowIdsOfLists) {
      const svg = svgOf(id);
      expect(svg).not.toMatch(/<script|<image|<a[\s>]|<foreignObject|@import|@font-face|xlink:href|\shref=/i);
      // The only url(…) is the arrowhead marker inside the file.
      expect([...svg.matchAll(/url\(([^)]*)\)/g)].every((match) => match[1] === `#qd-${id}-arrow`)).toBe(true);
      expect(svg).toContain("font-family=\"'Noto Sans CJK SC'");
    }
  });

  it('prints in black and white: only black, white and greys', () => {
    const colours = new Set([...svgOf('market-penalty').matchAll(/(?:fill|stroke)="(#[0-9a-f]{3,6})"/gi)].map((match) => match[1]!.toLowerCase()));
    for (const colour of colours) {
      const hex = colour.length === 4 ? colour.slice(1).split('').map((c) => c + c).join('') : colour.slice(1);
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      expect(r === g && g === b, colour).toBe(true);
    }
  });

  it('escapes catalogue text: a <script> in a step name stays text', () => {
    const flow = structuredClone(STRESS['one-step']!);
    flow.name = '"><script>alert(1)</script>';
    flow.steps[1]!.name = '<script>alert("x")</script> & <b>';
    const svg = renderSvg(layoutFlow(describeFlow(input(flow))));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0001b\uffffc')).toBe('abc');
    const flow = structuredClone(STRESS['one-step']!);
    flow.steps[1]!.name = '控制\u0007字符';
    expect(XMLValidator.validate(renderSvg(layoutFlow(describeFlow(input(flow)))))).toBe(true);
  });

  it('shows durations, 不计入办结时限 and the limits as text', () => {
    const svg = svgOf('market-penalty');
    for (const text of ['15天', '不计入办结时限', '【特别程序】', '承诺办结时限：60天', '法定办结时限：90天', '图例']) expect(svg).toContain(text);
    // A step not counted in the time limit is drawn dashed, as the legend says.
    expect(svg).toMatch(/<g id="qd-market-penalty-step-hearing"[^>]*><title>[^<]*<\/title><rect [^>]*stroke-dasharray/);
  });

  it('prints a path too long for a number as too large, never as Infinity', () => {
    const single = structuredClone(STRESS['one-step']!);
    Object.assign(single.steps[1]!, { duration: 1e308, unit: 'days' });
    // 1e308 is a number (×100 for rounding would not be): printed as it is, in the item's unit.
    expect(describeFlow(input(single)).longest).toBe('1e+308个工作日');
    // Two such steps in a row sum to more than a number holds.
    const flow = structuredClone(single);
    flow.steps[1]!.next = 'again';
    flow.steps.push({ id: 'again', name: '再次审查', type: 'task', department: 'window', duration: 1e308, unit: 'days', next: 'done' });
    for (const [locale, words] of [['zh-CN', '流程最长用时：过大，无法计算'], ['en', 'Longest path of the flow: too large to compute']] as const) {
      const svg = renderSvg(layoutFlow(describeFlow(input(flow, locale))));
      expect(svg).toContain(words);
      expect(svg).not.toContain('Infinity');
    }
  });

  it('describes every step and where it leads for screen readers', () => {
    const text = describeChart(listsLayout('construction-permit'));
    expect(text).toContain('材料是否齐全、符合法定形式');
    expect(text).toContain('条件 材料不齐全或者不符合法定形式 转 一次性告知需补正的全部内容');
    expect(text).toContain('退回 收件');
    const english = describeChart(listsLayout('construction-permit', 'en'));
    expect(english).toContain('Lanes (departments): ');
    expect(english).toContain('returns to 收件');
  });

  it('marks the Chinese text of a chart in English as zh-CN, so that screen readers read it with a Chinese voice', () => {
    const english = renderSvg(listsLayout('construction-permit', 'en'));
    expect(XMLValidator.validate(english)).toBe(true);
    // A mixed line: only the item's name is Chinese, the words and the code are not.
    expect(english).toContain('<tspan x="28" y="72.72">Item: <tspan xml:lang="zh-CN" lang="zh-CN">建筑工程施工许可证核发</tspan> (11339921MB1D3961134010010000000)</tspan>');
    // A line that is all Chinese is marked itself.
    expect(english).toContain('<tspan x="402.7" y="169.72" xml:lang="zh-CN" lang="zh-CN">收件</tspan>');
    expect(english).toContain('<tspan x="402.7" y="186.51">immediate</tspan>');
    const texts = [...english.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((match) => match[1]!);
    expect(texts.length).toBeGreaterThan(20);
    for (const body of texts) {
      const unmarked = body.replace(/<tspan[^>]* xml:lang="zh-CN" lang="zh-CN">[^<]*<\/tspan>/g, '').replace(/<[^>]*>/g, '');
      expect(unmarked, body).not.toMatch(/\p{Script=Han}/u);
    }
    // In a Chinese chart everything is Chinese: nothing to mark but the root's language.
    const chinese = svgOf('construction-permit');
    expect(chinese.match(/lang=/g)).toHaveLength(2);
    expect(chinese).toContain('\n<svg xmlns="http://www.w3.org/2000/svg" xml:lang="zh-CN" lang="zh-CN" width="1862" height="640" ');
  });

  it('says the chart\'s language on its root, and marks a Chinese-only <title> or <desc> of a chart in English as zh-CN', () => {
    const english = renderSvg(listsLayout('construction-permit', 'en'));
    expect(english).toContain('\n<svg xmlns="http://www.w3.org/2000/svg" xml:lang="en" lang="en" width="1874" height="640" ');
    // The chart's name (the screen reader's name of the image) is the flow's, in Chinese.
    expect(english).toContain('\n<title id="qd-construction-permit-title" xml:lang="zh-CN" lang="zh-CN">建筑工程施工许可证核发流程</title>\n');
    // Its description and the steps' tooltips are mixed (Item: 建筑…, Department: 政务服务中心窗口…): <title> and
    // <desc> hold text only, no part of it can be marked, so they stay in the chart's language.
    expect(english).toContain('\n<desc id="qd-construction-permit-desc">Item: 建筑工程施工许可证核发 (');
    const labels = [...english.matchAll(/<(title|desc)([^>]*)>([^<]*)<\/\1>/g)].map((match) => ({ marked: match[2]!.includes(' xml:lang="zh-CN" lang="zh-CN"'), text: match[3]! }));
    expect(labels.length).toBeGreaterThan(10);
    for (const { marked, text } of labels) expect(marked, text).toBe(/\p{Script=Han}/u.test(text) && !/\p{Script=Latin}/u.test(text));
    // A Chinese chart's <title> and <desc> are in the root's language: nothing to mark.
    expect(svgOf('construction-permit')).toContain('\n<title id="qd-construction-permit-title">建筑工程施工许可证核发流程</title>\n<desc id="qd-construction-permit-desc">');
  });

  it('gives each chart its own ids, so several can share a page', () => {
    const a = svgOf('construction-permit');
    const b = svgOf('market-penalty');
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    expect(new Set(ids(a)).size).toBe(ids(a).length);
  });
});
