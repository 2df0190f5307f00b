// Swimlane layout: steps in columns (rank.ts) and lanes, a row grid inside each lane, and orthogonal arrows.
//
// The picture: one full-width horizontal lane per department, the flow running left to right. Every rank is a
// column; inside a lane a column holds its steps in rows, and a row is one height across the whole lane so that a
// chain of steps in it is a straight line. Arrows turn only in the gaps between columns (which hold no shapes), so
// no arrow crosses a shape: a step's outgoing arrows share one vertical "bus" right of it, arrows that skip columns
// run in a reserved row slot, and loops (材料补正) return along a band under their target's lane.
import { limitLines, type FlowLink, type FlowModel, type FlowNode } from './model.js';
import { FLOW_WORDS } from './labels.js';
import { emWidth, widestEm, wrapBalanced, wrapEm, type Wrapped } from './measure.js';
import { rankSteps } from './rank.js';
import { filled, mapped } from './arrays.js';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text: centre x (or left x for `anchor: 'start'`), baseline y, measured width. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  width: number;
}

export interface TextBlock {
  lines: TextLine[];
  fontSize: number;
  anchor: 'middle' | 'start';
  /** Smallest box holding every line's glyphs. */
  box: Box;
}

export interface PlacedNode extends Box {
  node: FlowNode;
  rank: number;
  row: number;
  cx: number;
  cy: number;
  /** The step's name, then its time (and 不计入办结时限) in smaller type. */
  text: TextBlock;
  meta: TextBlock | undefined;
}

export interface PlacedLane extends Box {
  index: number;
  id: string;
  name: string;
  header: Box;
  text: TextBlock;
}

export interface PlacedEdge {
  link: FlowLink;
  /** Orthogonal polyline from the source's outline to the target's outline. */
  points: Point[];
  label: { text: TextBlock; box: Box } | undefined;
}

export type LegendSymbol = 'terminator' | 'task' | 'decision' | 'not-counted' | 'branch' | 'loop';

export interface LegendItem {
  symbol: LegendSymbol;
  /** Where the symbol is drawn. */
  symbolBox: Box;
  text: TextBlock;
}

export interface FlowLayout {
  model: FlowModel;
  width: number;
  height: number;
  title: { box: Box; name: TextBlock; info: TextBlock | undefined };
  /** The lane area: headers plus the grid, full width. */
  lanesBox: Box;
  headerWidth: number;
  lanes: PlacedLane[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  legend: { box: Box; heading: TextBlock; items: LegendItem[] };
}

// Type sizes (px) and spacing. Text measures come from measure.ts; everything else follows from these.
export const FONT = { name: 14, meta: 12, label: 12, lane: 14, title: 20, info: 13, legend: 12 } as const;
export const LINE_HEIGHT = 1.35;
/** Glyph ascent and descent as a share of the font size (CJK fonts: about 0.88 / 0.12). */
export const ASCENT = 0.88;
export const DESCENT = 0.12;

const NODE_PAD_X = 12;
const NODE_PAD_Y = 9;
const TASK_MIN_WIDTH = 96;
const TASK_MIN_HEIGHT = 46;
const NAME_EM = 7;
/** Start and end say little (办结（准予许可）) and read badly broken. */
const TERMINATOR_EM = 10;
const DECISION_PAD = 10;
const TERMINATOR_MIN_WIDTH = 96;
const LABEL_EM = 7;
const LABEL_PAD_X = 4;
const LABEL_PAD_Y = 2;
const LANE_NAME_EM = 6;
const LANE_HEADER_PAD = 12;
const LANE_PAD_Y = 18;
const ROW_GAP = 24;
const SLOT_HEIGHT = 14;
const MIN_COLUMN = 24;
const TRACK = 10;
const GAP_PAD = 10;
const ARROW_ROOM = 16;
const MIN_GAP = 40;
const LABEL_AREA_PAD = 6;
const BAND_PAD = 10;
const BAND_TRACK = 12;
const MARGIN = 16;
const TITLE_PAD = 12;
const LEGEND_SYMBOL = { width: 36, height: 18 };
const LEGEND_GAP = 18;
const MIN_WIDTH = 560;

const lineHeight = (fontSize: number) => fontSize * LINE_HEIGHT;

/** Lines laid out top-down from `top`, centred on `x` (or starting at it). */
function textBlock(lines: readonly string[], fontSize: number, x: number, top: number, anchor: 'middle' | 'start' = 'middle'): TextBlock {
  const step = lineHeight(fontSize);
  const placed: TextLine[] = mapped(lines, (text, i) => ({
    text,
    x,
    y: top + i * step + (step - fontSize) / 2 + ASCENT * fontSize,
    width: emWidth(text) * fontSize,
  }));
  let widest = 0;
  for (const line of placed) widest = Math.max(widest, line.width);
  const glyphTop = top + (step - fontSize) / 2;
  const box: Box = {
    x: anchor === 'middle' ? x - widest / 2 : x,
    y: glyphTop,
    width: widest,
    height: lines.length ? (lines.length - 1) * step + fontSize : 0,
  };
  return { lines: placed, fontSize, anchor, box };
}

function blockHeight(lineCount: number, fontSize: number): number {
  return lineCount * lineHeight(fontSize);
}

interface Content {
  name: readonly string[];
  meta: readonly string[];
  width: number;
  height: number;
}

/** The size each shape needs for its text; the text is never wider than the shape at any of its lines. */
function nodeContent(node: FlowNode, locale: FlowModel['locale']): Content {
  const words = FLOW_WORDS[locale];
  if (node.kind === 'decision') {
    // Text in a diamond of width w and height h fits when tw/w + th/h ≤ 1; try a few wrap widths, keep the narrowest.
    let best: Content | undefined;
    for (const em of [6, 7, 8, 9, 10, 12]) {
      const { lines, widthEm } = wrapBalanced(node.name, em);
      const textWidth = widthEm * FONT.name;
      const textHeight = blockHeight(lines.length, FONT.name);
      const width = Math.max(textWidth + 2 * textHeight + 2 * DECISION_PAD, 120);
      const height = Math.max(width / 2, textHeight * 2 + DECISION_PAD);
      const candidate = { name: lines, meta: [], width, height };
      if (!best || candidate.width + candidate.height < best.width + best.height) best = candidate;
    }
    return best!;
  }
  const { lines } = wrapBalanced(node.name, node.kind === 'task' ? NAME_EM : TERMINATOR_EM);
  const meta: string[] = [];
  if (node.kind === 'task') {
    const metaEm = Math.max(NAME_EM, widestEm(lines)) * (FONT.name / FONT.meta);
    if (node.duration !== undefined) meta.push(node.duration);
    if (node.special) meta.push(...wrapEm(words.special, metaEm));
    if (!node.counted) meta.push(...wrapEm(words.notCounted, metaEm));
  }
  const textWidth = Math.max(widestEm(lines) * FONT.name, widestEm(meta) * FONT.meta);
  const textHeight = blockHeight(lines.length, FONT.name) + blockHeight(meta.length, FONT.meta);
  if (node.kind === 'task') {
    return { name: lines, meta, width: Math.max(textWidth + 2 * NODE_PAD_X, TASK_MIN_WIDTH), height: Math.max(textHeight + 2 * NODE_PAD_Y, TASK_MIN_HEIGHT) };
  }
  // Terminator: a stadium whose round ends hold no text.
  const height = Math.max(textHeight + 2 * NODE_PAD_Y - 2, 36);
  return { name: lines, meta, width: Math.max(textWidth + height + 8, TERMINATOR_MIN_WIDTH), height };
}

interface Item {
  kind: 'node' | 'slot';
  /** Node index, or for a slot the index of its link. */
  ref: number;
  rank: number;
  lane: number;
  /** Order of items in a cell when they want the same row: the author's order of steps. */
  key: number;
  row: number;
  height: number;
}

interface LinkPlan {
  link: FlowLink;
  back: boolean;
  span: number;
  slots: Item[];
  exitBottom: boolean;
  entryBottom: boolean;
  bandLane: number;
  bandTrack: number;
  label: { lines: readonly string[]; width: number; height: number } | undefined;
}

/**
 * What a vertical track in a gap carries: a step's bus or collector (`node`), or a skipping arrow's jog (`link`,
 * `rank`). One object shape for all three (-1 in the fields a kind does not use) keeps the code that reads them
 * monomorphic; a union of shapes made V8 recompile it as each new shape turned up.
 */
interface TrackOwner {
  kind: 'bus' | 'jog' | 'collector';
  node: number;
  link: number;
  rank: number;
}

const bus = (node: number): TrackOwner => ({ kind: 'bus', node, link: -1, rank: -1 });
const collector = (node: number): TrackOwner => ({ kind: 'collector', node, link: -1, rank: -1 });
const jog = (link: number, rank: number): TrackOwner => ({ kind: 'jog', node: -1, link, rank });

/** A row of the column left of a gap that a track's arrow leaves by (`leaves`), or of the column right of it that it enters by. */
interface Attachment {
  owner: TrackOwner;
  link: number;
  leaves: boolean;
  lane: number;
  row: number;
}

interface Gap {
  x: number;
  width: number;
  tracks: TrackOwner[];
  /** How many of `tracks` (the first) run left of the branch labels; the rest are collectors right of them. */
  leftCount: number;
  attachments: Attachment[];
  /** The x of each track, in the order of `tracks`. */
  trackX: Float64Array;
  labelWidth: number;
  labelLeft: number;
}

// The layout runs in phases, each a function of its own: a flowchart is small, but the site draws thousands, and one
// 400-line function was recompiled by V8 a dozen times as it met new object shapes (about a second each).

/** Steps 1–3: columns, the items of every cell (steps and slots of skipping arrows) and their rows. */
interface Grid {
  rankOf: number[];
  rankCount: number;
  nodeItems: Item[];
  plans: LinkPlan[];
  /** Items by cell (`cellKey`). */
  cells: Map<number, Item[]>;
  allItems: Item[];
  rowCount: number[];
}

// A number, not a string: no string is built and hashed per lookup. Ranks are fewer than 2^16.
const cellKey = (lane: number, rank: number) => lane * 0x10000 + rank;

function gridOf(model: FlowModel, contents: readonly Content[]): Grid {
  const nodes = model.nodes;
  // 1. Columns and order.
  const { rank: rankOf, order } = rankSteps(nodes.length, model.links, model.start);
  let rankCount = 1;
  for (const rank of rankOf) rankCount = Math.max(rankCount, rank + 1);

  // 2. Items: steps, and a slot in every column an arrow skips (in its source's lane).
  // A step that only sends the case back (一次性告知补正) goes below its neighbours, so its loop can drop straight
  // down into the return band instead of crossing their arrows.
  const returnsOnly = mapped(nodes, (_, i) => {
    const outgoing = model.links.filter((link) => link.from === i);
    return outgoing.length > 0 && outgoing.every((link) => link.back || rankOf[link.to]! <= rankOf[link.from]!);
  });
  const nodeItems: Item[] = mapped(nodes, (node, i) => ({ kind: 'node', ref: i, rank: rankOf[i]!, lane: node.lane, key: order[i]! + (returnsOnly[i] ? nodes.length : 0), row: 0, height: contents[i]!.height }));
  const plans: LinkPlan[] = mapped(model.links, (link, index) => {
    const back = link.back || rankOf[link.to]! <= rankOf[link.from]!;
    const span = rankOf[link.to]! - rankOf[link.from]!;
    const slots: Item[] = [];
    if (!back && span > 1) {
      // A skipping arrow sorts with the step it is heading for.
      for (let rank = rankOf[link.from]! + 1; rank < rankOf[link.to]!; rank++) {
        slots.push({ kind: 'slot', ref: index, rank, lane: nodes[link.from]!.lane, key: order[link.to]! - 0.5, row: 0, height: SLOT_HEIGHT });
      }
    }
    const plan: LinkPlan = { link, back, span, slots, exitBottom: false, entryBottom: false, bandLane: nodes[link.to]!.lane, bandTrack: 0, label: undefined };
    if (link.label) {
      const { lines, widthEm } = wrapBalanced(link.label, LABEL_EM);
      plan.label = { lines, width: widthEm * FONT.label + 2 * LABEL_PAD_X, height: blockHeight(lines.length, FONT.label) + 2 * LABEL_PAD_Y };
    }
    return plan;
  });

  // 3. Rows: an item takes the row of the same-lane item it continues from, so chains run straight.
  const cells = new Map<number, Item[]>();
  const allItems = [...nodeItems, ...plans.flatMap((plan) => plan.slots)];
  for (const item of allItems) {
    const key = cellKey(item.lane, item.rank);
    const list = cells.get(key);
    if (list) list.push(item);
    else cells.set(key, [item]);
  }
  assignRows(model, rankCount, nodeItems, plans, cells);
  // Rows no item uses are dropped.
  const rowsOfLane: number[][] = mapped(model.lanes, () => []);
  for (const item of allItems) rowsOfLane[item.lane]!.push(item.row);
  const rowIndex = mapped(rowsOfLane, (rows) => new Map([...new Set(rows)].sort((a, b) => a - b).map((row, i) => [row, i])));
  for (const item of allItems) item.row = rowIndex[item.lane]!.get(item.row)!;
  const rowCount = mapped(rowIndex, (map) => map.size);
  return { rankOf, rankCount, nodeItems, plans, cells, allItems, rowCount };
}

function assignRows(model: FlowModel, rankCount: number, nodeItems: readonly Item[], plans: readonly LinkPlan[], cells: Map<number, Item[]>): void {
  const nodes = model.nodes;
  const forwardIn: LinkPlan[][] = mapped(nodes, () => []);
  const forwardOut: LinkPlan[][] = mapped(nodes, () => []);
  for (const plan of plans) {
    if (plan.back) continue;
    forwardIn[plan.link.to]!.push(plan);
    forwardOut[plan.link.from]!.push(plan);
  }
  /**
   * Whether an arrow that leaves `left` (a slot's own, or any of a step's, loops too) and one that enters `right` come
   * neither out of one step nor into one, so must not share a line. Asked only of rows in contention: plain loops.
   */
  const apart = (left: Item, right: Item) => {
    for (const a of plans) {
      if (left.kind === 'slot' ? plans[left.ref] !== a : a.link.from !== left.ref) continue;
      for (const b of plans) {
        if (right.kind === 'slot' ? plans[right.ref] !== b : b.link.to !== right.ref) continue;
        if (a.link.from !== b.link.from && a.link.to !== b.link.to) return true;
      }
    }
    return false;
  };
  /** The row an item would like, and how strongly: 0 a step that continues its predecessor's main line, 1 a slot, 2 any other. */
  const preferredRow = (item: Item): { row: number; priority: number } | undefined => {
    if (item.kind === 'slot') {
      const plan = plans[item.ref]!;
      const position = plan.slots.indexOf(item);
      return { row: position === 0 ? nodeItems[plan.link.from]!.row : plan.slots[position - 1]!.row, priority: 1 };
    }
    let chosen: { row: number; priority: number } | undefined;
    for (const plan of forwardIn[item.ref]!) {
      if (nodes[plan.link.from]!.lane !== item.lane) continue;
      const row = plan.slots.length ? plan.slots.at(-1)!.row : nodeItems[plan.link.from]!.row;
      // The first `next` or branch is the main line: it keeps the row.
      if (forwardOut[plan.link.from]![0] === plan) return { row, priority: 0 };
      chosen ??= { row, priority: 2 };
    }
    return chosen;
  };
  for (let rank = 0; rank < rankCount; rank++) {
    for (let lane = 0; lane < model.lanes.length; lane++) {
      const items = cells.get(cellKey(lane, rank));
      if (!items) continue;
      const taken = new Set<number>();
      // A row whose step or slot in the column before sends arrows on into the gap is kept for their continuation: an
      // item that an unrelated arrow reaches by turning into that row would have its arrow run along theirs.
      const before = cells.get(cellKey(lane, rank - 1));
      const free = (row: number, item: Item) => !taken.has(row) && !before?.some((other) => other.row === row && apart(other, item));
      const wanting = mapped(items, (item) => ({ item, preferred: preferredRow(item) }));
      const withPreference = wanting
        .filter((w) => w.preferred !== undefined)
        // Main lines first, then skipping arrows, then the rest: a loser of a contested row must not take the row a
        // main line wants next to it.
        .sort((a, b) => a.preferred!.priority - b.preferred!.priority || a.preferred!.row - b.preferred!.row || a.item.key - b.item.key);
      for (const { item, preferred } of withPreference) {
        const wanted = preferred!.row;
        let row = wanted;
        for (let distance = 1; taken.has(row); distance++) {
          if (free(wanted + distance, item)) row = wanted + distance;
          else if (wanted - distance >= 0 && free(wanted - distance, item)) row = wanted - distance;
        }
        item.row = row;
        taken.add(row);
      }
      const rest = wanting.filter((w) => w.preferred === undefined).sort((a, b) => a.item.key - b.item.key);
      for (const { item } of rest) {
        let row = 0;
        while (!free(row, item)) row++;
        item.row = row;
        taken.add(row);
      }
    }
  }
}

/** A step with a single arrow to the next column turns on its target's collector, so arrows into one step merge. */
function joinsAtTarget(plan: LinkPlan, outDegree: readonly number[]): boolean {
  return !plan.back && plan.span === 1 && !plan.label && outDegree[plan.link.from] === 1;
}

function sameRow(a: Item, b: Item): boolean {
  return a.lane === b.lane && a.row === b.row;
}

/** Steps 4–5: where loops leave and arrive, and the tracks of every gap between columns. */
function gapsOf(model: FlowModel, grid: Grid, outDegree: readonly number[]): Gap[] {
  const { nodeItems, plans, cells, rankCount } = grid;
  const bottomMost = (item: Item) => cells.get(cellKey(item.lane, item.rank))!.every((other) => other.row <= item.row);

  // 4. Loops return along the band under their target's lane; straight down and up where nothing is in the way.
  // A step that a loop comes up into from below sends its own loops out by its bus: down from its bottom they would
  // run on the same line as the loop coming in.
  const enteredFromBelow = mapped(nodeItems, () => false);
  for (const plan of plans) {
    if (!plan.back) continue;
    plan.entryBottom = bottomMost(nodeItems[plan.link.to]!);
    if (plan.entryBottom) enteredFromBelow[plan.link.to] = true;
  }
  for (const plan of plans) {
    if (!plan.back) continue;
    const from = nodeItems[plan.link.from]!;
    const to = nodeItems[plan.link.to]!;
    plan.exitBottom = from !== to && from.lane === plan.bandLane && bottomMost(from) && !enteredFromBelow[plan.link.from] && !(plan.entryBottom && from.rank === to.rank);
  }

  // 5. Gaps between columns: tracks for buses, jogs and collectors, and room for branch labels.
  const gaps: Gap[] = filled(rankCount + 1, () => ({ x: 0, width: 0, tracks: [], leftCount: 0, attachments: [], trackX: NO_TRACKS, labelWidth: 0, labelLeft: 0 }));
  /** The track (the one already there when another arrow uses it too), with the rows its arrow leaves and enters. */
  const addTrack = (gap: number, owner: TrackOwner, link: number, leaves: Item | undefined, enters: Item | undefined) => {
    const { tracks, attachments } = gaps[gap]!;
    let track = tracks.find((t) => t.kind === owner.kind && t.node === owner.node && t.link === owner.link && t.rank === owner.rank);
    if (!track) {
      track = owner;
      tracks.push(owner);
    }
    if (leaves) attachments.push({ owner: track, link, leaves: true, lane: leaves.lane, row: leaves.row });
    if (enters) attachments.push({ owner: track, link, leaves: false, lane: enters.lane, row: enters.row });
  };
  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index]!;
    const { link } = plan;
    const from = nodeItems[link.from]!;
    const to = nodeItems[link.to]!;
    if (plan.back) {
      if (!plan.exitBottom) addTrack(from.rank + 1, bus(link.from), index, from, undefined);
      if (!plan.entryBottom) addTrack(to.rank, collector(link.to), index, undefined, to);
      continue;
    }
    const first = plan.slots[0] ?? to;
    if (!sameRow(from, first)) {
      if (joinsAtTarget(plan, outDegree)) addTrack(to.rank, collector(link.to), index, from, first);
      else addTrack(from.rank + 1, bus(link.from), index, from, first);
    }
    for (let i = 1; i < plan.slots.length; i++) {
      const slot = plan.slots[i]!;
      if (!sameRow(plan.slots[i - 1]!, slot)) addTrack(slot.rank, jog(index, slot.rank), index, plan.slots[i - 1], slot);
    }
    const last = plan.slots.at(-1);
    if (last && !sameRow(last, to)) addTrack(to.rank, collector(link.to), index, last, to);
    if (plan.label) {
      const gap = gaps[from.rank + 1]!;
      gap.labelWidth = Math.max(gap.labelWidth, plan.label.width);
    }
  }
  for (const gap of gaps) orderTracks(gap, model, grid);
  return gaps;
}

/**
 * Orders a gap's tracks: buses, then jogs, then collectors right of the branch labels; each by lane, then by row (a
 * jog by its link). One rule comes first: where one arrow leaves a row of the left column and another enters the same
 * row of the right column, the leaving one must turn first (further left), or the two run along one line between
 * their turns and nobody can tell which goes where. Arrows out of one step or into one step may share their lines.
 * A collector that must turn before a bus or a jog goes left of the labels with them.
 */
function orderTracks(gap: Gap, model: FlowModel, grid: Grid): void {
  const { tracks, attachments } = gap;
  const { nodeItems, plans } = grid;
  // The tracks that must be left of each track, when the rule asks anything of this gap.
  let turnsBefore: Map<TrackOwner, TrackOwner[]> | undefined;
  if (tracks.length > 1) {
    for (const leaving of attachments) {
      if (!leaving.leaves) continue;
      const a = plans[leaving.link]!.link;
      for (const entering of attachments) {
        if (entering.leaves || entering.owner === leaving.owner || entering.lane !== leaving.lane || entering.row !== leaving.row) continue;
        const b = plans[entering.link]!.link;
        if (a.from === b.from || a.to === b.to) continue;
        turnsBefore ??= new Map();
        const before = turnsBefore.get(entering.owner);
        if (before) before.push(leaving.owner);
        else turnsBefore.set(entering.owner, [leaving.owner]);
      }
    }
  }
  // Collectors that a bus or a jog must wait for (directly or through other collectors) go left of the labels too.
  const pulledLeft = new Set<TrackOwner>();
  for (let changed = turnsBefore !== undefined; changed; ) {
    changed = false;
    for (const [owner, before] of turnsBefore!) {
      if (owner.kind === 'collector' && !pulledLeft.has(owner)) continue;
      for (const other of before) {
        if (other.kind !== 'collector' || pulledLeft.has(other)) continue;
        pulledLeft.add(other);
        changed = true;
      }
    }
  }
  const kindOrder = (owner: TrackOwner) => (owner.kind === 'bus' ? 0 : owner.kind === 'jog' ? 1 : pulledLeft.has(owner) ? 1.5 : 2);
  const laneOrder = (owner: TrackOwner) => model.nodes[owner.kind === 'jog' ? plans[owner.link]!.link.from : owner.node]!.lane;
  const rowOrder = (owner: TrackOwner) => (owner.kind === 'jog' ? owner.link : nodeItems[owner.node]!.row);
  if (tracks.length > 1) tracks.sort((a, b) => kindOrder(a) - kindOrder(b) || laneOrder(a) - laneOrder(b) || rowOrder(a) - rowOrder(b));
  if (turnsBefore) {
    // The first track in that order whose predecessors are placed goes next; a cycle (two arrows that swap rows) is
    // broken by taking the first track left.
    const placed = new Set<TrackOwner>();
    const ordered: TrackOwner[] = [];
    while (ordered.length < tracks.length) {
      let next = tracks.find((t) => !placed.has(t) && (turnsBefore.get(t) ?? []).every((other) => placed.has(other)));
      next ??= tracks.find((t) => !placed.has(t))!;
      placed.add(next);
      ordered.push(next);
    }
    gap.tracks = ordered;
  }
  gap.leftCount = 0;
  for (const owner of gap.tracks) if (kindOrder(owner) < 2) gap.leftCount++;
}

const NO_TRACKS = new Float64Array(0);

// Numbers that are sometimes whole and sometimes not live in Float64Arrays: a plain array changes its hidden class
// when its first fraction arrives, and V8 throws away code that had only seen arrays of whole numbers.

/** Step 6: column widths, lane headers and the x of every gap, column and track. */
class Columns {
  readonly width: Float64Array;
  readonly x: Float64Array;
  readonly laneNames: ReadonlyArray<Wrapped>;
  readonly headerWidth: number;
  readonly gridRight: number;

  constructor(
    model: FlowModel,
    contents: readonly Content[],
    private readonly grid: Grid,
    private readonly gaps: Gap[],
  ) {
    const { rankOf, rankCount } = grid;
    this.width = new Float64Array(rankCount).fill(MIN_COLUMN);
    this.x = new Float64Array(rankCount);
    model.nodes.forEach((_, i) => (this.width[rankOf[i]!] = Math.max(this.width[rankOf[i]!]!, contents[i]!.width)));
    this.laneNames = mapped(model.lanes, (lane) => wrapBalanced(lane.name, LANE_NAME_EM));
    let widestName = 4 * FONT.lane;
    for (const name of this.laneNames) widestName = Math.max(widestName, name.widthEm * FONT.lane);
    this.headerWidth = widestName + 2 * LANE_HEADER_PAD;
    let x = MARGIN + this.headerWidth;
    gaps.forEach((gap, g) => {
      gap.x = x;
      gap.trackX = new Float64Array(gap.tracks.length);
      let track = 0;
      let cursor = x + GAP_PAD;
      for (; track < gap.leftCount; track++) {
        gap.trackX[track] = cursor;
        cursor += TRACK;
      }
      if (gap.labelWidth) {
        gap.labelLeft = cursor + LABEL_AREA_PAD - (gap.leftCount ? TRACK / 2 : 0);
        cursor = gap.labelLeft + gap.labelWidth + LABEL_AREA_PAD;
      }
      for (; track < gap.tracks.length; track++) {
        gap.trackX[track] = cursor;
        cursor += TRACK;
      }
      const needed = cursor - x + (gap.tracks.length ? ARROW_ROOM - TRACK / 2 : 0);
      const edgeGap = g === 0 || g === rankCount;
      gap.width = Math.max(needed, edgeGap ? (gap.tracks.length ? needed : 12) : MIN_GAP);
      x += gap.width;
      if (g < rankCount) {
        this.x[g] = x;
        x += this.width[g]!;
      }
    });
    this.gridRight = x;
  }

  private trackX(gap: number, match: (owner: TrackOwner) => boolean): number {
    const g = this.gaps[gap]!;
    return g.trackX[g.tracks.findIndex(match)]!;
  }

  busX(node: number): number {
    return this.trackX(this.grid.nodeItems[node]!.rank + 1, (t) => t.kind === 'bus' && t.node === node);
  }

  collectorX(node: number): number {
    return this.trackX(this.grid.nodeItems[node]!.rank, (t) => t.kind === 'collector' && t.node === node);
  }

  jogX(link: number, rank: number): number {
    return this.trackX(rank, (t) => t.kind === 'jog' && t.link === link && t.rank === rank);
  }

  centreX(item: Item): number {
    return this.x[item.rank]! + this.width[item.rank]! / 2;
  }
}

/** Step 7: one band track per loop, shorter loops nearer the steps so nested loops do not cross; track heights per lane. */
function bandTracksOf(model: FlowModel, grid: Grid, columns: Columns): number[][] {
  const { nodeItems, plans } = grid;
  const bandTracks: number[][] = mapped(model.lanes, () => []);
  const exitXOf = (plan: LinkPlan) => (plan.exitBottom ? columns.centreX(nodeItems[plan.link.from]!) : columns.busX(plan.link.from));
  const entryXOf = (plan: LinkPlan) => (plan.entryBottom ? columns.centreX(nodeItems[plan.link.to]!) : columns.collectorX(plan.link.to));
  const loops = plans
    .filter((plan) => plan.back)
    .map((plan) => {
      const a = exitXOf(plan);
      const b = entryXOf(plan);
      return { plan, from: Math.min(a, b) - (plan.label ? plan.label.width : 0), to: Math.max(a, b) };
    })
    .sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from);
  const runs: Array<{ lane: number; track: number; from: number; to: number }> = [];
  for (const loop of loops) {
    const lane = loop.plan.bandLane;
    // A track is shared by loops whose runs do not overlap.
    let track = 0;
    while (runs.some((run) => run.lane === lane && run.track === track && run.from < loop.to + 6 && loop.from < run.to + 6)) track++;
    runs.push({ lane, track, from: loop.from, to: loop.to });
    loop.plan.bandTrack = track;
    const tracks = bandTracks[lane]!;
    while (tracks.length <= track) tracks.push(BAND_TRACK);
    tracks[track] = Math.max(tracks[track]!, loop.plan.label ? loop.plan.label.height + 4 : 0);
  }
  return bandTracks;
}

/** Step 8: row heights, then the lanes top-down under the title block, with each row's and band's y. */
function lanesOf(model: FlowModel, grid: Grid, columns: Columns, bandTracks: readonly number[][], width: number, top: number) {
  const { allItems, plans, nodeItems, rowCount } = grid;
  // Rows are tall enough for the branch labels that arrive on them.
  const rowHeight: Float64Array[] = mapped(model.lanes, (_, lane) => new Float64Array(rowCount[lane]!));
  for (const item of allItems) rowHeight[item.lane]![item.row] = Math.max(rowHeight[item.lane]![item.row]!, item.height);
  for (const plan of plans) {
    if (!plan.label || plan.back) continue;
    const landing = plan.slots[0] ?? nodeItems[plan.link.to]!;
    rowHeight[landing.lane]![landing.row] = Math.max(rowHeight[landing.lane]![landing.row]!, plan.label.height);
  }
  const { headerWidth } = columns;
  let y = top;
  const lanes: PlacedLane[] = [];
  const rowY: number[][] = [];
  const bandY: number[][] = [];
  model.lanes.forEach((lane, index) => {
    const laneTop = y;
    let cursor = laneTop + LANE_PAD_Y;
    const rows: number[] = [];
    rowHeight[index]!.forEach((height, r) => {
      rows.push(cursor);
      cursor += height + (r < rowHeight[index]!.length - 1 ? ROW_GAP : 0);
    });
    rowY.push(rows);
    const bands: number[] = [];
    if (bandTracks[index]!.length) {
      cursor += BAND_PAD;
      for (const trackHeight of bandTracks[index]!) {
        bands.push(cursor + trackHeight / 2);
        cursor += trackHeight;
      }
    }
    bandY.push(bands);
    cursor += LANE_PAD_Y;
    const nameLines = columns.laneNames[index]!.lines;
    const textHeight = blockHeight(nameLines.length, FONT.lane);
    const height = Math.max(cursor - laneTop, textHeight + 2 * LANE_HEADER_PAD);
    const header: Box = { x: MARGIN, y: laneTop, width: headerWidth, height };
    const text = textBlock(nameLines, FONT.lane, MARGIN + headerWidth / 2, laneTop + (height - textHeight) / 2);
    lanes.push({ index, id: lane.id, name: lane.name, x: MARGIN, y: laneTop, width: width - 2 * MARGIN, height, header, text });
    // Rows sit in the middle when the header is taller than the rows need.
    const slack = height - (cursor - laneTop);
    if (slack > 0) {
      for (let r = 0; r < rows.length; r++) rows[r]! += slack / 2;
      for (let b = 0; b < bands.length; b++) bands[b]! += slack / 2;
    }
    y = laneTop + height;
  });
  const lanesBox: Box = { x: MARGIN, y: top, width: width - 2 * MARGIN, height: y - top };
  const itemCentreY = (item: Item) => rowY[item.lane]![item.row]! + rowHeight[item.lane]![item.row]! / 2;
  return { lanes, lanesBox, bandY, itemCentreY, bottom: y };
}

function placeNodes(model: FlowModel, grid: Grid, contents: readonly Content[], columns: Columns, itemCentreY: (item: Item) => number): PlacedNode[] {
  return mapped(model.nodes, (node, i) => {
    const item = grid.nodeItems[i]!;
    const content = contents[i]!;
    const cx = columns.centreX(item);
    const cy = itemCentreY(item);
    const box = { x: cx - content.width / 2, y: cy - content.height / 2, width: content.width, height: content.height };
    const textHeight = blockHeight(content.name.length, FONT.name) + blockHeight(content.meta.length, FONT.meta);
    const top = cy - textHeight / 2;
    // `meta` is always set, if only to undefined: one object shape for every step (see arrays.ts for why it matters).
    const meta = content.meta.length ? textBlock(content.meta, FONT.meta, cx, top + blockHeight(content.name.length, FONT.name)) : undefined;
    return { node, rank: item.rank, row: item.row, cx, cy, ...box, text: textBlock(content.name, FONT.name, cx, top), meta };
  });
}

const rightOf = (n: PlacedNode): Point => ({ x: n.x + n.width, y: n.cy });
const leftOf = (n: PlacedNode): Point => ({ x: n.x, y: n.cy });
const bottomOf = (n: PlacedNode): Point => ({ x: n.cx, y: n.y + n.height });

function labelAt(lines: readonly string[], centreX: number, centreY: number, size: { width: number; height: number }): { text: TextBlock; box: Box } {
  const box: Box = { x: centreX - size.width / 2, y: centreY - size.height / 2, width: size.width, height: size.height };
  return { box, text: textBlock(lines, FONT.label, centreX, box.y + LABEL_PAD_Y) };
}

/** Step 9: a loop's route, out to its band and back into its target. */
function loopRoute(plan: LinkPlan, from: PlacedNode, to: PlacedNode, band: number, columns: Columns): PlacedEdge {
  const points: Point[] = [];
  if (plan.exitBottom) points.push(bottomOf(from), { x: from.cx, y: band });
  else {
    const bx = columns.busX(plan.link.from);
    points.push(rightOf(from), { x: bx, y: from.cy }, { x: bx, y: band });
  }
  if (plan.entryBottom) points.push({ x: to.cx, y: band }, bottomOf(to));
  else {
    const cx = columns.collectorX(plan.link.to);
    points.push({ x: cx, y: band }, { x: cx, y: to.cy }, leftOf(to));
  }
  const edge: PlacedEdge = { link: plan.link, points: simplify(points), label: undefined };
  if (plan.label) {
    const exitX = points[1]!.x;
    const entryX = points.at(plan.entryBottom ? -2 : -3)!.x;
    let boxRight = exitX - 8;
    if (boxRight - plan.label.width < entryX + 8) boxRight = Math.min(exitX - 8, (exitX + entryX) / 2 + plan.label.width / 2);
    edge.label = labelAt(plan.label.lines, boxRight - plan.label.width / 2, band, plan.label);
  }
  return edge;
}

/** Step 9: a forward arrow's route, through its slots, turning only in the gaps. */
function forwardRoute(plan: LinkPlan, index: number, from: PlacedNode, to: PlacedNode, columns: Columns, gaps: readonly Gap[], outDegree: readonly number[], itemCentreY: (item: Item) => number): PlacedEdge {
  const points: Point[] = [];
  const slotY = mapped(plan.slots, (slot) => itemCentreY(slot));
  const firstY = slotY[0] ?? to.cy;
  points.push(rightOf(from));
  if (Math.abs(firstY - from.cy) > 0.01) {
    const bx = joinsAtTarget(plan, outDegree) ? columns.collectorX(plan.link.to) : columns.busX(plan.link.from);
    points.push({ x: bx, y: from.cy }, { x: bx, y: firstY });
  }
  for (let i = 1; i < plan.slots.length; i++) {
    if (Math.abs(slotY[i]! - slotY[i - 1]!) > 0.01) {
      const jx = columns.jogX(index, plan.slots[i]!.rank);
      points.push({ x: jx, y: slotY[i - 1]! }, { x: jx, y: slotY[i]! });
    }
  }
  const lastY = slotY.at(-1);
  if (lastY !== undefined && Math.abs(lastY - to.cy) > 0.01) {
    const cx = columns.collectorX(plan.link.to);
    points.push({ x: cx, y: lastY }, { x: cx, y: to.cy });
  }
  points.push(leftOf(to));
  const edge: PlacedEdge = { link: plan.link, points: simplify(points), label: undefined };
  if (plan.label) {
    const gap = gaps[from.rank + 1]!;
    edge.label = labelAt(plan.label.lines, gap.labelLeft + gap.labelWidth / 2, firstY, plan.label);
  }
  return edge;
}

export function layoutFlow(model: FlowModel): FlowLayout {
  const contents = mapped(model.nodes, (node) => nodeContent(node, model.locale));
  const grid = gridOf(model, contents);
  const outDegree = mapped(model.nodes, () => 0);
  for (const plan of grid.plans) outDegree[plan.link.from]!++;
  const gaps = gapsOf(model, grid, outDegree);
  const columns = new Columns(model, contents, grid, gaps);
  const bandTracks = bandTracksOf(model, grid, columns);

  // Title block first: its height moves the lanes down.
  const width = Math.ceil(Math.max(columns.gridRight + MARGIN, MIN_WIDTH));
  const title = titleBlock(model, width);
  const { lanes, lanesBox, bandY, itemCentreY, bottom } = lanesOf(model, grid, columns, bandTracks, width, title.box.y + title.box.height);
  const placed = placeNodes(model, grid, contents, columns, itemCentreY);

  // 9. Routes.
  const edges: PlacedEdge[] = mapped(grid.plans, (plan, index) => {
    const from = placed[plan.link.from]!;
    const to = placed[plan.link.to]!;
    return plan.back ? loopRoute(plan, from, to, bandY[plan.bandLane]![plan.bandTrack]!, columns) : forwardRoute(plan, index, from, to, columns, gaps, outDegree, itemCentreY);
  });
  separateLabels(edges);

  const legend = legendBlock(model, width, bottom + MARGIN / 2, edges);
  const height = Math.ceil(legend.box.y + legend.box.height + MARGIN);
  return { model, width, height, title, lanesBox, headerWidth: columns.headerWidth, lanes, nodes: placed, edges, legend };
}

function titleBlock(flow: FlowModel, totalWidth: number): FlowLayout['title'] {
  const innerWidth = totalWidth - 2 * MARGIN - 2 * TITLE_PAD;
  const nameLines = wrapEm(flow.name, innerWidth / FONT.title);
  const info: string[] = [];
  for (const line of limitLines(flow)) {
    if (line.items) info.push(...wrapEm(line.items, innerWidth / FONT.info));
    info.push(...wrapEm(line.limits, innerWidth / FONT.info));
  }
  const top = MARGIN;
  const name = textBlock(nameLines, FONT.title, MARGIN + TITLE_PAD, top + TITLE_PAD, 'start');
  const nameHeight = blockHeight(nameLines.length, FONT.title);
  const result: FlowLayout['title'] = { box: { x: MARGIN, y: top, width: totalWidth - 2 * MARGIN, height: 0 }, name, info: undefined };
  let bottomY = top + TITLE_PAD + nameHeight;
  if (info.length) {
    result.info = textBlock(info, FONT.info, MARGIN + TITLE_PAD, bottomY + 4, 'start');
    bottomY += 4 + blockHeight(info.length, FONT.info);
  }
  result.box.height = bottomY + TITLE_PAD - top;
  return result;
}

function legendBlock(flow: FlowModel, totalWidth: number, top: number, routed: PlacedEdge[]): FlowLayout['legend'] {
  const words = FLOW_WORDS[flow.locale];
  // Plain loops and flags: run once per chart, this function costs more to optimise than to run, and with a Set and
  // four callbacks TurboFan spent 0.2–0.25 s compiling it in traced runs of 4,000 charts.
  let terminator = false;
  let task = false;
  let decision = false;
  let notCounted = false;
  for (const node of flow.nodes) {
    if (node.kind === 'task') {
      task = true;
      if (!node.counted) notCounted = true;
    } else if (node.kind === 'decision') decision = true;
    else if (node.kind === 'start' || node.kind === 'end') terminator = true;
  }
  let branch = false;
  let loop = false;
  for (const edge of routed) {
    if (edge.link.back) loop = true;
    else if (edge.label) branch = true;
  }
  const entries: Array<{ symbol: LegendSymbol; text: string }> = [];
  if (terminator) entries.push({ symbol: 'terminator', text: words.legendTerminator });
  if (task) entries.push({ symbol: 'task', text: words.legendTask });
  if (decision) entries.push({ symbol: 'decision', text: words.legendDecision });
  if (notCounted) entries.push({ symbol: 'not-counted', text: words.legendNotCounted });
  if (branch) entries.push({ symbol: 'branch', text: words.legendBranch });
  if (loop) entries.push({ symbol: 'loop', text: words.legendLoop });
  const heading = textBlock([`${words.legend}${words.colon}`], FONT.legend, MARGIN, top + 6, 'start');
  const rowStep = LEGEND_SYMBOL.height + 10;
  let cursorX = MARGIN + heading.box.width + 10;
  let rowTop = top + 6 + (lineHeight(FONT.legend) - LEGEND_SYMBOL.height) / 2;
  const items: LegendItem[] = [];
  for (const entry of entries) {
    const textWidth = emWidth(entry.text) * FONT.legend;
    const itemWidth = LEGEND_SYMBOL.width + 6 + textWidth;
    if (cursorX + itemWidth > totalWidth - MARGIN && items.length) {
      cursorX = MARGIN + heading.box.width + 10;
      rowTop += rowStep;
    }
    const symbolBox: Box = { x: cursorX, y: rowTop, width: LEGEND_SYMBOL.width, height: LEGEND_SYMBOL.height };
    const text = textBlock([entry.text], FONT.legend, cursorX + LEGEND_SYMBOL.width + 6, rowTop + (LEGEND_SYMBOL.height - lineHeight(FONT.legend)) / 2, 'start');
    items.push({ symbol: entry.symbol, symbolBox, text });
    cursorX += itemWidth + LEGEND_GAP;
  }
  const bottomY = Math.max(rowTop + LEGEND_SYMBOL.height, heading.box.y + heading.box.height) + 6;
  return { box: { x: MARGIN, y: top, width: totalWidth - 2 * MARGIN, height: bottomY - top }, heading, items };
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const point of points) {
    const last = out.at(-1);
    if (last && Math.abs(last.x - point.x) < 0.01 && Math.abs(last.y - point.y) < 0.01) continue;
    const before = out.at(-2);
    if (before && last && ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - point.x) < 0.01) || (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - point.y) < 0.01))) {
      out[out.length - 1] = point;
      continue;
    }
    out.push(point);
  }
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Branch labels that would cover each other (two decisions sending arrows to one step) are moved apart. */
function separateLabels(edges: PlacedEdge[]): void {
  const labelled = edges.filter((edge) => edge.label);
  for (let i = 0; i < labelled.length; i++) {
    const mine = labelled[i]!.label!;
    for (let guard = 0; guard < 20; guard++) {
      let clash: PlacedEdge | undefined;
      for (let j = 0; j < i && !clash; j++) if (overlaps(labelled[j]!.label!.box, mine.box)) clash = labelled[j];
      if (!clash) break;
      const shift = clash.label!.box.y + clash.label!.box.height + 2 - mine.box.y;
      mine.box = { ...mine.box, y: mine.box.y + shift };
      mine.text = { ...mine.text, box: { ...mine.text.box, y: mine.text.box.y + shift }, lines: mapped(mine.text.lines, (line) => ({ ...line, y: line.y + shift })) };
    }
  }
}
