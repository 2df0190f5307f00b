// SVG flowchart: self-contained (no fonts, scripts or links to fetch), black on white so it prints, same bytes for the same flow.
import type { Box, FlowLayout, LegendItem, PlacedEdge, PlacedNode, Point, TextBlock, TextLine } from './layout.js';
import { FLOW_WORDS, parenthesised } from './labels.js';
import { mapped } from './arrays.js';
import { attribute, attributes, concat, element, escaped, lines, num, type Attributes, type Markup } from './xml.js';

/** CJK-capable fonts people have (Linux, macOS, Windows), then the generic family. */
export const FONT_STACK =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Source Han Sans CN', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'SimHei', sans-serif";

const INK = '#000';
const HEADER_FILL = '#ececec';
const TITLE_FILL = '#f7f7f7';
const LOOP_DASH = '7 4';
const NOT_COUNTED_DASH = '4 3';

// The styles, written once: every chart repeats them, in this attribute order.
const SHAPE = attributes({ stroke: INK, 'stroke-width': 1.4, fill: '#fff' });
const SHAPE_NOT_COUNTED = attributes({ stroke: INK, 'stroke-width': 1.4, fill: '#fff', 'stroke-dasharray': NOT_COUNTED_DASH });
const BOLD = attributes({ 'font-weight': 'bold' });
const META = attributes({ fill: '#333' });
const LABEL_BOX = attributes({ fill: '#fff', stroke: 'none' });
const TITLE_BOX = attributes({ fill: TITLE_FILL, stroke: INK, 'stroke-width': 1 });
const LANE_BOX = attributes({ fill: '#fff', 'stroke-width': 1 });
const LANE_HEADER = attributes({ fill: HEADER_FILL, 'stroke-width': 1 });
const LANE_NAME = attributes({ stroke: 'none', 'font-weight': 'bold' });
const LOOP = attribute('stroke-dasharray', LOOP_DASH);
const LEGEND_ARROW = attributes({ fill: 'none', stroke: INK, 'stroke-width': 1.2 });
const BACKGROUND = attributes({ fill: '#fff' });
const MIDDLE = attribute('text-anchor', 'middle');
const NEWLINE = '\n' as Markup;
const ROOT = attributes({ xmlns: 'http://www.w3.org/2000/svg' });
/** A language, for XML readers and HTML's (an inline chart): `xml:lang` and `lang`. */
const language = (tag: string) => attributes({ 'xml:lang': tag, lang: tag });
/** The chart's language on its root: what a screen reader speaks, and what the zh-CN marks inside depart from. */
const ROOT_LANGUAGE = { 'zh-CN': language('zh-CN'), en: language('en') } as const;
const ROOT_END = attributes({ role: 'img' });
const ROOT_STYLE = attributes({ 'font-family': FONT_STACK, fill: INK });
const MARKER = attributes({ viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' });
const ARROWHEAD = element('path', attributes({ d: 'M0 0 L10 5 L0 10 Z', fill: INK }));
const TITLE_GROUP = attribute('class', 'qd-title');
const LANE_GROUP = attributes({ class: 'qd-lanes', stroke: INK });
const ARROW_GROUP = attributes({ class: 'qd-arrows', fill: 'none', stroke: INK, 'stroke-width': 1.2, 'stroke-linejoin': 'round' });
const STEP_GROUP = attribute('class', 'qd-steps');
const CONDITION_GROUP = attributes({ class: 'qd-conditions', fill: INK });
const LEGEND_GROUP = attribute('class', 'qd-legend');

/** Ids are prefixed with the flow id so several charts can share one HTML page. */
function ids(layout: FlowLayout) {
  const prefix = `qd-${layout.model.id}`;
  return { title: `${prefix}-title`, desc: `${prefix}-desc`, arrow: `${prefix}-arrow` };
}

// Chinese in a chart in another language: runs of Han characters with the CJK punctuation around them and numbers
// between them (第7条, （不计入办结时限）), but not a code or a number standing apart (11339921MB1C…).
const CHINESE_RUN = /[0-9]*[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+(?:[0-9.]*[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+)*/gu;
const HAN = /\p{Script=Han}/u;
const CHINESE = ROOT_LANGUAGE['zh-CN'];

/**
 * One line of a <text>. In a chart in another language its Chinese runs are marked zh-CN (WCAG 2.1 3.1.2, language of
 * parts, as the site's `zh` helper marks catalogue text in HTML), so that a screen reader reads them with a Chinese
 * voice: a line that is one run on its own <tspan>, a run in a mixed line (Item: 食品经营许可 (code)) in a <tspan> of
 * its own, which without x and y continues the line where it is, so the drawing does not move.
 */
function lineMarkup(line: TextLine, marksChinese: boolean): Markup {
  const position = concat(attribute('x', line.x), attribute('y', line.y));
  if (!marksChinese || !HAN.test(line.text)) return element('tspan', position, escaped(line.text));
  let body = '';
  let from = 0;
  for (const match of line.text.matchAll(CHINESE_RUN)) {
    if (!HAN.test(match[0])) continue;
    if (match[0].length === line.text.length) return element('tspan', concat(position, CHINESE), escaped(line.text));
    body += escaped(line.text.slice(from, match.index)) + element('tspan', CHINESE, escaped(match[0]));
    from = match.index + match[0].length;
  }
  return element('tspan', position, (body + escaped(line.text.slice(from))) as Markup);
}

const LATIN = /\p{Script=Latin}/u;

/**
 * A <title> or <desc>, which holds text only (no <tspan> to mark a part; a screen reader takes its text as the
 * chart's or the step's name): in a chart in another language it is marked zh-CN when it is Chinese only — Han
 * characters and no Latin letters, such as a flow's name. Mixed text (a step's tooltip, `Department: 窗口`; the
 * chart's description) keeps the chart's language.
 */
function textElement(name: 'title' | 'desc', identity: Attributes | '', content: string, marksChinese: boolean): Markup {
  const chinese = marksChinese && HAN.test(content) && !LATIN.test(content);
  return element(name, concat(identity, chinese ? CHINESE : ''), escaped(content));
}

function text(block: TextBlock, marksChinese: boolean, style: Attributes | '' = ''): Markup {
  let body = '';
  for (const line of block.lines) body += lineMarkup(line, marksChinese);
  return element('text', concat(attribute('font-size', block.fontSize), block.anchor === 'middle' ? MIDDLE : '', style), body as Markup);
}

function rect(box: Box, style: Attributes | ''): Markup {
  return element('rect', concat(attribute('x', box.x), attribute('y', box.y), attribute('width', box.width), attribute('height', box.height), style));
}

function pathOf(points: readonly Point[]): string {
  let d = '';
  for (let i = 0; i < points.length; i++) d += `${i ? ' L' : 'M'}${num(points[i]!.x)} ${num(points[i]!.y)}`;
  return d;
}

function diamond(box: Box): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return `M${num(cx)} ${num(box.y)} L${num(box.x + box.width)} ${num(cy)} L${num(cx)} ${num(box.y + box.height)} L${num(box.x)} ${num(cy)} Z`;
}

function shape(kind: PlacedNode['node']['kind'], box: Box, dashed: boolean): Markup {
  const stroke = dashed ? SHAPE_NOT_COUNTED : SHAPE;
  if (kind === 'decision') return element('path', concat(attribute('d', diamond(box)), stroke));
  if (kind === 'task') return rect(box, stroke);
  const radius = box.height / 2;
  return rect(box, concat(attribute('rx', radius), attribute('ry', radius), stroke));
}

function tooltip(layout: FlowLayout, placed: PlacedNode): string {
  const words = FLOW_WORDS[layout.model.locale];
  const { node } = placed;
  const parts = [node.name, `${words.department}${words.colon}${layout.model.lanes[node.lane]!.name}`];
  if (node.role) parts.push(`${words.role}${words.colon}${node.role}`);
  if (node.duration) parts.push(node.duration + (node.counted ? '' : parenthesised(layout.model.locale, words.notCounted)));
  if (node.outputs.length) parts.push(`${words.outputs}${words.colon}${node.outputs.join(words.listSeparator)}`);
  return parts.join('\n');
}

function nodeMarkup(layout: FlowLayout, placed: PlacedNode, marksChinese: boolean): Markup {
  const { node } = placed;
  const dashed = node.kind === 'task' && !node.counted;
  return element(
    'g',
    concat(attribute('id', `qd-${layout.model.id}-step-${node.id}`), attribute('class', `qd-step qd-${node.kind}`)),
    concat(textElement('title', '', tooltip(layout, placed), marksChinese), shape(node.kind, placed, dashed), text(placed.text, marksChinese), placed.meta && text(placed.meta, marksChinese, META)),
  );
}

function edgeMarkup(edge: PlacedEdge, arrowhead: Attributes): Markup {
  return element('path', concat(attribute('d', pathOf(edge.points)), edge.link.back ? LOOP : '', arrowhead));
}

function labelMarkup(label: NonNullable<PlacedEdge['label']>, marksChinese: boolean): Markup {
  return element('g', '', concat(rect(label.box, LABEL_BOX), text(label.text, marksChinese)));
}

function legendSymbol(item: LegendItem, arrowhead: Attributes): Markup {
  const box = item.symbolBox;
  const midY = box.y + box.height / 2;
  const arrow = (dash: Attributes | '') => element('path', concat(attribute('d', `M${num(box.x)} ${num(midY)} L${num(box.x + box.width)} ${num(midY)}`), LEGEND_ARROW, dash, arrowhead));
  switch (item.symbol) {
    case 'terminator':
      return shape('start', box, false);
    case 'task':
      return shape('task', box, false);
    case 'decision':
      return shape('decision', box, false);
    case 'not-counted':
      return shape('task', box, true);
    case 'branch':
      return arrow('');
    case 'loop':
      return arrow(LOOP);
  }
}

/** What a screen reader says: the title block, the lanes, then each step and where it leads. */
export function describe(layout: FlowLayout): string {
  const { model } = layout;
  const words = FLOW_WORDS[model.locale];
  const zh = model.locale === 'zh-CN';
  const stop = zh ? '。' : '. ';
  const out: string[] = [];
  if (layout.title.info) out.push(layout.title.info.lines.map((line) => line.text).join(zh ? '' : ' ') + stop);
  out.push(`${words.descLanes}${words.colon}${model.lanes.map((lane) => lane.name).join(words.listSeparator)}${stop}`);
  out.push(`${words.descSteps}${words.colon}`);
  // Where each step leads, in the order of the links: one pass, not a search of every link for every step.
  const targets: string[][] = mapped(model.nodes, () => []);
  for (const link of model.links) {
    const target = model.nodes[link.to]!.name;
    const verb = link.back ? words.descReturnsTo : words.descGoesTo;
    targets[link.from]!.push(link.label ? `${words.descWhen} ${link.label} ${verb} ${target}` : `${verb} ${target}`);
  }
  model.nodes.forEach((node, i) => {
    const facts = [model.lanes[node.lane]!.name];
    if (node.duration) facts.push(node.duration);
    if (node.kind === 'task' && !node.counted) facts.push(words.notCounted);
    const after = node.kind === 'end' ? words.descEnd : targets[i]!.join(zh ? '；' : '; ');
    out.push(`${i + 1}. ${node.name}${parenthesised(model.locale, facts.join(zh ? '，' : ', '))}${after ? (zh ? '，' : ', ') + after : ''}${stop}`);
  });
  return out.join(zh ? '' : '').trim();
}

/** The <svg> element alone, for inline use in HTML (no XML declaration). */
export function svgElement(layout: FlowLayout): string {
  const { model, width, height } = layout;
  const id = ids(layout);
  const arrowhead = attribute('marker-end', `url(#${id.arrow})`);
  const marksChinese = model.locale !== 'zh-CN';
  const defs = element('defs', '', element('marker', concat(attribute('id', id.arrow), MARKER), ARROWHEAD));
  const title = layout.title;
  const titleGroup = element('g', TITLE_GROUP, concat(rect(title.box, TITLE_BOX), text(title.name, marksChinese, BOLD), title.info && text(title.info, marksChinese)));
  const laneMarkup: Markup[] = [];
  for (const lane of layout.lanes) laneMarkup.push(rect(lane, LANE_BOX), rect(lane.header, LANE_HEADER), text(lane.text, marksChinese, LANE_NAME));
  const edgeMarkups: Markup[] = [];
  const labelMarkups: Markup[] = [];
  for (const edge of layout.edges) {
    edgeMarkups.push(edgeMarkup(edge, arrowhead));
    if (edge.label) labelMarkups.push(labelMarkup(edge.label, marksChinese));
  }
  const nodeMarkups: Markup[] = [];
  for (const node of layout.nodes) nodeMarkups.push(nodeMarkup(layout, node, marksChinese));
  const legendMarkups: Markup[] = [];
  for (const item of layout.legend.items) legendMarkups.push(legendSymbol(item, arrowhead), text(item.text, marksChinese));
  const legendGroup = element('g', LEGEND_GROUP, concat(text(layout.legend.heading, marksChinese, BOLD), lines(legendMarkups)));
  const rootAttributes = concat(
    ROOT,
    ROOT_LANGUAGE[model.locale],
    attribute('width', width),
    attribute('height', height),
    attribute('viewBox', `0 0 ${num(width)} ${num(height)}`),
    ROOT_END,
    attribute('aria-labelledby', `${id.title} ${id.desc}`),
    ROOT_STYLE,
  );
  const body = concat(
    NEWLINE,
    textElement('title', attribute('id', id.title), model.name, marksChinese),
    NEWLINE,
    textElement('desc', attribute('id', id.desc), describe(layout), marksChinese),
    NEWLINE,
    defs,
    NEWLINE,
    rect({ x: 0, y: 0, width, height }, BACKGROUND),
    NEWLINE,
    titleGroup,
    NEWLINE,
    element('g', LANE_GROUP, lines(laneMarkup)),
    NEWLINE,
    element('g', ARROW_GROUP, lines(edgeMarkups)),
    NEWLINE,
    element('g', STEP_GROUP, lines(nodeMarkups)),
    NEWLINE,
    element('g', CONDITION_GROUP, lines(labelMarkups)),
    NEWLINE,
    legendGroup,
    NEWLINE,
  );
  return element('svg', rootAttributes, body);
}

/** A standalone .svg file. */
export function renderSvg(layout: FlowLayout): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgElement(layout)}\n`;
}
