// SVG flowchart: self-contained (no fonts, scripts or links to fetch), black on white so it prints, same bytes for the same flow.
import type { Box, FlowLayout, LegendItem, PlacedEdge, PlacedNode, Point, TextBlock } from './layout.js';
import { FLOW_WORDS, parenthesised } from './labels.js';
import { element, lines, Markup, num, type Child } from './xml.js';

/** CJK-capable fonts people have (Linux, macOS, Windows), then the generic family. */
export const FONT_STACK =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Source Han Sans CN', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'SimHei', sans-serif";

const INK = '#000';
const HEADER_FILL = '#ececec';
const TITLE_FILL = '#f7f7f7';
const LOOP_DASH = '7 4';
const NOT_COUNTED_DASH = '4 3';

/** Ids are prefixed with the flow id so several charts can share one HTML page. */
function ids(layout: FlowLayout) {
  const prefix = `qd-${layout.model.id}`;
  return { title: `${prefix}-title`, desc: `${prefix}-desc`, arrow: `${prefix}-arrow` };
}

function text(block: TextBlock, attributes: Record<string, string | number> = {}): Markup {
  return element(
    'text',
    { 'font-size': block.fontSize, 'text-anchor': block.anchor === 'middle' ? 'middle' : undefined, ...attributes },
    ...block.lines.map((line) => element('tspan', { x: line.x, y: line.y }, line.text)),
  );
}

function rect(box: Box, attributes: Record<string, string | number | undefined> = {}): Markup {
  return element('rect', { x: box.x, y: box.y, width: box.width, height: box.height, ...attributes });
}

function pathOf(points: readonly Point[]): string {
  return points.map((point, i) => `${i ? 'L' : 'M'}${num(point.x)} ${num(point.y)}`).join(' ');
}

function diamond(box: Box): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return pathOf([{ x: cx, y: box.y }, { x: box.x + box.width, y: cy }, { x: cx, y: box.y + box.height }, { x: box.x, y: cy }]) + ' Z';
}

function shape(kind: PlacedNode['node']['kind'], box: Box, dashed: boolean): Markup {
  const stroke = { stroke: INK, 'stroke-width': 1.4, fill: '#fff', 'stroke-dasharray': dashed ? NOT_COUNTED_DASH : undefined };
  if (kind === 'decision') return element('path', { d: diamond(box), ...stroke });
  if (kind === 'task') return rect(box, stroke);
  const radius = box.height / 2;
  return rect(box, { rx: radius, ry: radius, ...stroke });
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

function nodeMarkup(layout: FlowLayout, placed: PlacedNode): Markup {
  const dashed = placed.node.kind === 'task' && !placed.node.counted;
  return element(
    'g',
    { id: `qd-${layout.model.id}-step-${placed.node.id}`, class: `qd-step qd-${placed.node.kind}` },
    element('title', {}, tooltip(layout, placed)),
    shape(placed.node.kind, placed, dashed),
    text(placed.text),
    placed.meta && text(placed.meta, { fill: '#333' }),
  );
}

function edgeMarkup(layout: FlowLayout, edge: PlacedEdge): Markup {
  return element('path', {
    d: pathOf(edge.points),
    'stroke-dasharray': edge.link.back ? LOOP_DASH : undefined,
    'marker-end': `url(#${ids(layout).arrow})`,
  });
}

function labelMarkup(edge: PlacedEdge): Child {
  if (!edge.label) return undefined;
  return element('g', {}, rect(edge.label.box, { fill: '#fff', stroke: 'none' }), text(edge.label.text));
}

function legendSymbol(layout: FlowLayout, item: LegendItem): Markup {
  const box = item.symbolBox;
  const midY = box.y + box.height / 2;
  const arrow = (dash?: string) =>
    element('path', { d: pathOf([{ x: box.x, y: midY }, { x: box.x + box.width, y: midY }]), fill: 'none', stroke: INK, 'stroke-width': 1.2, 'stroke-dasharray': dash, 'marker-end': `url(#${ids(layout).arrow})` });
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
      return arrow();
    case 'loop':
      return arrow(LOOP_DASH);
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
  model.nodes.forEach((node, i) => {
    const facts = [model.lanes[node.lane]!.name];
    if (node.duration) facts.push(node.duration);
    if (node.kind === 'task' && !node.counted) facts.push(words.notCounted);
    const targets = model.links
      .filter((link) => link.from === i)
      .map((link) => {
        const target = model.nodes[link.to]!.name;
        const verb = link.back ? words.descReturnsTo : words.descGoesTo;
        return link.label ? `${words.descWhen} ${link.label} ${verb} ${target}` : `${verb} ${target}`;
      });
    const after = node.kind === 'end' ? words.descEnd : targets.join(zh ? '；' : '; ');
    out.push(`${i + 1}. ${node.name}${parenthesised(model.locale, facts.join(zh ? '，' : ', '))}${after ? (zh ? '，' : ', ') + after : ''}${stop}`);
  });
  return out.join(zh ? '' : '').trim();
}

/** The <svg> element alone, for inline use in HTML (no XML declaration). */
export function svgElement(layout: FlowLayout): string {
  const { model, width, height } = layout;
  const id = ids(layout);
  const defs = element(
    'defs',
    {},
    element('marker', { id: id.arrow, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' }, element('path', { d: 'M0 0 L10 5 L0 10 Z', fill: INK })),
  );
  const title = layout.title;
  const titleGroup = element(
    'g',
    { class: 'qd-title' },
    rect(title.box, { fill: TITLE_FILL, stroke: INK, 'stroke-width': 1 }),
    text(title.name, { 'font-weight': 'bold' }),
    title.info && text(title.info),
  );
  const laneGroup = element(
    'g',
    { class: 'qd-lanes', stroke: INK },
    lines(
      layout.lanes.flatMap((lane) => [
        rect(lane, { fill: '#fff', 'stroke-width': 1 }),
        rect(lane.header, { fill: HEADER_FILL, 'stroke-width': 1 }),
        text(lane.text, { stroke: 'none', 'font-weight': 'bold' }),
      ]),
    ),
  );
  const edgeGroup = element('g', { class: 'qd-arrows', fill: 'none', stroke: INK, 'stroke-width': 1.2, 'stroke-linejoin': 'round' }, lines(layout.edges.map((edge) => edgeMarkup(layout, edge))));
  const nodeGroup = element('g', { class: 'qd-steps' }, lines(layout.nodes.map((node) => nodeMarkup(layout, node))));
  const labelGroup = element('g', { class: 'qd-conditions', fill: INK }, lines(layout.edges.map(labelMarkup)));
  const legendGroup = element(
    'g',
    { class: 'qd-legend' },
    text(layout.legend.heading, { 'font-weight': 'bold' }),
    lines(layout.legend.items.flatMap((item) => [legendSymbol(layout, item), text(item.text)])),
  );
  const svg = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'aria-labelledby': `${id.title} ${id.desc}`,
      'font-family': FONT_STACK,
      fill: INK,
    },
    new Markup('\n'),
    element('title', { id: id.title }, model.name),
    new Markup('\n'),
    element('desc', { id: id.desc }, describe(layout)),
    new Markup('\n'),
    defs,
    new Markup('\n'),
    rect({ x: 0, y: 0, width, height }, { fill: '#fff' }),
    new Markup('\n'),
    titleGroup,
    new Markup('\n'),
    laneGroup,
    new Markup('\n'),
    edgeGroup,
    new Markup('\n'),
    nodeGroup,
    new Markup('\n'),
    labelGroup,
    new Markup('\n'),
    legendGroup,
    new Markup('\n'),
  );
  return svg.value;
}

/** A standalone .svg file. */
export function renderSvg(layout: FlowLayout): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgElement(layout)}\n`;
}
