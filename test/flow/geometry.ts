// Geometry facts every laid-out flowchart must satisfy, as lists of problems (empty = fine), shared by the flow tests.
import type { Box, FlowLayout, PlacedNode, Point, TextBlock } from '../../src/flow/layout.js';
import { ASCENT, DESCENT } from '../../src/flow/layout.js';

const EPSILON = 0.01;

export function inside(inner: Box, outer: Box, tolerance = EPSILON): boolean {
  return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance && inner.x + inner.width <= outer.x + outer.width + tolerance && inner.y + inner.height <= outer.y + outer.height + tolerance;
}

export function overlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The box of each line's glyphs: the measured width, ascent above and descent below the baseline. */
export function lineBoxes(block: TextBlock): Box[] {
  return block.lines.map((line) => ({
    x: block.anchor === 'middle' ? line.x - line.width / 2 : line.x,
    y: line.y - ASCENT * block.fontSize,
    width: line.width,
    height: (ASCENT + DESCENT) * block.fontSize,
  }));
}

function corners(box: Box): Point[] {
  return [
    { x: box.x, y: box.y },
    { x: box.x + box.width, y: box.y },
    { x: box.x, y: box.y + box.height },
    { x: box.x + box.width, y: box.y + box.height },
  ];
}

/** Whether a point lies inside (or on) the outline of a step's shape. */
export function inShape(node: PlacedNode, point: Point, tolerance = EPSILON): boolean {
  const { x, y, width, height } = node;
  if (point.x < x - tolerance || point.x > x + width + tolerance || point.y < y - tolerance || point.y > y + height + tolerance) return false;
  const dx = Math.abs(point.x - node.cx);
  const dy = Math.abs(point.y - node.cy);
  if (node.node.kind === 'decision') return dx / (width / 2) + dy / (height / 2) <= 1 + tolerance;
  if (node.node.kind === 'task') return true;
  // Stadium: a rectangle with half-circle ends.
  const radius = height / 2;
  const straight = width / 2 - radius;
  if (dx <= straight) return true;
  return Math.hypot(dx - straight, dy) <= radius + tolerance;
}

/** Whether a point lies on the outline of a step's shape. */
export function onOutline(node: PlacedNode, point: Point, tolerance = 0.05): boolean {
  const { x, y, width, height } = node;
  if (node.node.kind === 'task') {
    const onVertical = (Math.abs(point.x - x) <= tolerance || Math.abs(point.x - x - width) <= tolerance) && point.y >= y - tolerance && point.y <= y + height + tolerance;
    const onHorizontal = (Math.abs(point.y - y) <= tolerance || Math.abs(point.y - y - height) <= tolerance) && point.x >= x - tolerance && point.x <= x + width + tolerance;
    return onVertical || onHorizontal;
  }
  return inShape(node, point, tolerance) && !inShape(node, point, -tolerance);
}

function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  // Orthogonal segments only: does it pass through the open interior of the box?
  const minX = Math.min(a.x, b.x);
  const maxX = Math.max(a.x, b.x);
  const minY = Math.min(a.y, b.y);
  const maxY = Math.max(a.y, b.y);
  const inner = { x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1 };
  return maxX > inner.x && minX < inner.x + inner.width && maxY > inner.y && minY < inner.y + inner.height;
}

/** Every fact the issue asks for, plus the ones that make a chart readable (no arrow through a step, no two unrelated arrows on one line, labels apart). */
export function geometryProblems(layout: FlowLayout): string[] {
  const problems: string[] = [];
  const name = (node: PlacedNode) => node.node.id;
  const canvas: Box = { x: 0, y: 0, width: layout.width, height: layout.height };

  for (const node of layout.nodes) {
    const lane = layout.lanes[node.node.lane]!;
    const grid: Box = { x: lane.header.x + lane.header.width, y: lane.y, width: lane.x + lane.width - lane.header.x - lane.header.width, height: lane.height };
    if (!inside(node, grid)) problems.push(`${name(node)} is not inside its lane ${lane.id}`);
    for (const block of [node.text, node.meta]) {
      if (!block) continue;
      for (const line of lineBoxes(block)) {
        if (!corners(line).every((corner) => inShape(node, corner))) problems.push(`${name(node)}: text "${block.lines.find((l) => l.width === line.width)?.text}" overflows its shape`);
      }
    }
  }
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      if (overlap(layout.nodes[i]!, layout.nodes[j]!, 4)) problems.push(`${name(layout.nodes[i]!)} and ${name(layout.nodes[j]!)} overlap`);
    }
  }
  for (const lane of layout.lanes) {
    for (const line of lineBoxes(lane.text)) if (!inside(line, lane.header)) problems.push(`lane name ${lane.name} overflows its header`);
    if (!inside(lane, canvas)) problems.push(`lane ${lane.id} is outside the canvas`);
    if (Math.abs(lane.x - layout.lanesBox.x) > EPSILON || Math.abs(lane.width - layout.lanesBox.width) > EPSILON) problems.push(`lane ${lane.id} is not full width`);
  }
  for (let i = 1; i < layout.lanes.length; i++) {
    const above = layout.lanes[i - 1]!;
    if (Math.abs(above.y + above.height - layout.lanes[i]!.y) > EPSILON) problems.push(`lanes ${above.id} and ${layout.lanes[i]!.id} do not meet`);
  }

  layout.edges.forEach((edge, k) => {
    const from = layout.nodes[edge.link.from]!;
    const to = layout.nodes[edge.link.to]!;
    const label = `arrow ${k} ${name(from)}→${name(to)}`;
    const { points } = edge;
    if (points.length < 2) {
      problems.push(`${label} has fewer than two points`);
      return;
    }
    if (!onOutline(from, points[0]!)) problems.push(`${label} does not start on ${name(from)}`);
    if (!onOutline(to, points.at(-1)!)) problems.push(`${label} does not end on ${name(to)}`);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      if (Math.abs(a.x - b.x) > EPSILON && Math.abs(a.y - b.y) > EPSILON) problems.push(`${label} segment ${i} is not orthogonal`);
      if (Math.hypot(a.x - b.x, a.y - b.y) < EPSILON) problems.push(`${label} segment ${i} is empty`);
      for (const node of layout.nodes) {
        if (segmentCrossesBox(a, b, node)) problems.push(`${label} crosses ${name(node)}`);
      }
      if (!inside({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) }, layout.lanesBox)) problems.push(`${label} leaves the lanes`);
    }
    const last = points.at(-1)!;
    const before = points.at(-2)!;
    if (Math.hypot(last.x - before.x, last.y - before.y) < 10) problems.push(`${label} ends in a segment too short for its arrowhead`);
    if (edge.label) {
      for (const line of lineBoxes(edge.label.text)) if (!inside(line, edge.label.box)) problems.push(`${label}: condition text overflows its label box`);
      for (const node of layout.nodes) if (overlap(edge.label.box, node)) problems.push(`${label}: condition label covers ${name(node)}`);
      if (!inside(edge.label.box, layout.lanesBox)) problems.push(`${label}: condition label leaves the lanes`);
    }
  });
  problems.push(...sharedSegments(layout));
  const labelled = layout.edges.filter((edge) => edge.label);
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      if (overlap(labelled[i]!.label!.box, labelled[j]!.label!.box)) problems.push(`condition labels "${labelled[i]!.link.label}" and "${labelled[j]!.link.label}" overlap`);
    }
  }
  for (const block of [layout.title.name, layout.title.info]) {
    if (!block) continue;
    for (const line of lineBoxes(block)) if (!inside(line, layout.title.box)) problems.push(`title line "${block.lines[0]?.text}" overflows the title block`);
  }
  if (!inside(layout.title.box, canvas)) problems.push('title block outside the canvas');
  if (!inside(layout.legend.box, canvas)) problems.push('legend outside the canvas');
  for (const item of layout.legend.items) {
    if (!inside(item.symbolBox, layout.legend.box)) problems.push(`legend symbol ${item.symbol} outside the legend`);
    for (const line of lineBoxes(item.text)) if (!inside(line, canvas)) problems.push(`legend text ${item.symbol} outside the canvas`);
  }
  return problems;
}

interface Run {
  /** The coordinate the segment keeps (y of a horizontal run, x of a vertical one). */
  at: number;
  from: number;
  to: number;
  horizontal: boolean;
}

function runsOf(points: readonly Point[]): Run[] {
  const runs: Run[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (Math.abs(a.y - b.y) <= EPSILON) runs.push({ at: a.y, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x), horizontal: true });
    else if (Math.abs(a.x - b.x) <= EPSILON) runs.push({ at: a.x, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y), horizontal: false });
  }
  return runs;
}

/**
 * Arrows that run along each other although they neither leave one step nor enter one: a reader cannot tell which
 * line goes where. Arrows out of one step (its bus) or into one step (its collector) may share their lines.
 */
export function sharedSegments(layout: FlowLayout): string[] {
  const problems: string[] = [];
  const name = (index: number) => layout.nodes[index]!.node.id;
  const runs = layout.edges.map((edge) => runsOf(edge.points));
  for (let i = 0; i < layout.edges.length; i++) {
    for (let j = i + 1; j < layout.edges.length; j++) {
      const a = layout.edges[i]!.link;
      const b = layout.edges[j]!.link;
      if (a.from === b.from || a.to === b.to) continue;
      for (const p of runs[i]!) {
        for (const q of runs[j]!) {
          if (p.horizontal !== q.horizontal || Math.abs(p.at - q.at) > EPSILON) continue;
          const length = Math.min(p.to, q.to) - Math.max(p.from, q.from);
          if (length > EPSILON) {
            const where = p.horizontal ? `y=${round(p.at)}, x ${round(Math.max(p.from, q.from))}–${round(Math.min(p.to, q.to))}` : `x=${round(p.at)}, y ${round(Math.max(p.from, q.from))}–${round(Math.min(p.to, q.to))}`;
            problems.push(`${name(a.from)}→${name(a.to)} and ${name(b.from)}→${name(b.to)} share a line at ${where}`);
          }
        }
      }
    }
  }
  return problems;
}

const round = (value: number) => Math.round(value * 10) / 10;
