// The flow walks give the same answers as before they were made cheaper, on tricky flows and a thousand random ones,
// asked in any order: back-edges and the longest path against those of c13f845 (graph-before.ts), whose depth-first
// order decides ties; reachability and loops against their plain definitions.
import { describe, expect, it } from 'vitest';
import { backEdges, buildGraph, canReachEnd, indexesOfType, longestPath, loopsWithoutDecision, reachableFrom, type FlowGraph } from '../../src/flow/graph.js';
import { countedDuration } from '../../src/flow/time.js';
import type { Flow, Step, TimeUnit } from '../../src/schema/definitions.js';
import * as before from './graph-before.js';
import { random } from './synthetic.js';

const TYPES: Array<Step['type']> = ['start', 'task', 'task', 'task', 'decision', 'end'];
const UNITS: TimeUnit[] = ['working-days', 'days', 'hours'];

/** A flow with anything a catalogue may hold: no start or several, no end, loops with and without decisions, links to missing steps, repeated ids, ends that lead on. */
function randomFlow(seed: number): Flow {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const count = 1 + Math.floor(next() * 12);
  const ids = Array.from({ length: count }, (_, i) => (i > 0 && next() < 0.05 ? `s${Math.floor(next() * i)}` : `s${i}`));
  const target = () => (next() < 0.06 ? 'missing' : pick(ids));
  const steps = ids.map((id, i): Step => {
    const type = i === 0 && next() < 0.9 ? 'start' : pick(TYPES);
    const step: Step = { id, name: `步骤${i}`, type };
    if (next() < 0.8) step.duration = Math.floor(next() * 6);
    if (next() < 0.2) step.unit = pick(UNITS);
    if (next() < 0.15) step.counted = false;
    const links = type === 'end' ? (next() < 0.1 ? 1 : 0) : Math.floor(next() * 4);
    if (type === 'decision' || next() < 0.05) {
      step.branches = Array.from({ length: links }, (_, k) => ({ to: target(), when: `条件${k}` }));
    } else if (links === 1 && next() < 0.6) step.next = target();
    else if (links > 0) step.next = Array.from({ length: links }, target);
    return step;
  });
  return { id: `f${seed}`, name: '随机流程', steps };
}

/** Steps reachable from `from` over `edges` (forwards, or backwards), by the plainest fixpoint: no walk order to get wrong. */
function closure(graph: FlowGraph, from: Iterable<number>, backwards = false): number[] {
  const seen = new Set(from);
  for (let grew = true; grew; ) {
    grew = false;
    for (const edge of graph.edges) {
      const [near, far] = backwards ? [edge.to, edge.from] : [edge.from, edge.to];
      if (seen.has(near) && !seen.has(far)) grew = Boolean(seen.add(far));
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** Loops without a decision by their definition: steps, none a decision, that lead to each other (or to themselves) without passing one. */
function loopsByDefinition(graph: FlowGraph): number[][] {
  const plain = graph.steps.flatMap((step, i) => (step.type === 'decision' ? [] : [i]));
  const within = (from: number) => {
    const seen = new Set<number>();
    for (let frontier = [from]; frontier.length; ) {
      frontier = frontier.flatMap((i) => graph.successors[i]!.filter((next) => graph.steps[next]!.type !== 'decision' && !seen.has(next) && Boolean(seen.add(next))));
    }
    return seen;
  };
  const reaches = new Map(plain.map((i) => [i, within(i)]));
  const loops: number[][] = [];
  for (const i of plain) {
    if (!reaches.get(i)!.has(i) || loops.some((loop) => loop.includes(i))) continue;
    loops.push(plain.filter((j) => reaches.get(i)!.has(j) && reaches.get(j)!.has(i)));
  }
  return loops;
}

/** Every answer the rules and renderers ask for, from the walks of graph.ts ('current') or the earlier ones; `order` says in which order to ask. */
function answers(graph: FlowGraph, walks: typeof before | 'current', order: number[]) {
  const current = walks === 'current';
  const exits = graph.dangling.map((link) => link.from);
  const out: Record<string, unknown> = {};
  const questions: Array<() => void> = graph.steps.map((_, start) => () => {
    out[`reachable ${start}`] = current ? [...reachableFrom(graph, start)].sort((a, b) => a - b) : closure(graph, [start]);
    out[`back ${start}`] = [...(current ? backEdges : walks.backEdges)(graph, start)];
    for (const unit of UNITS) out[`longest ${start} ${unit}`] = (current ? longestPath : walks.longestPath)(graph, start, (step) => countedDuration(step, unit));
  });
  questions.push(() => (out['loops'] = current ? loopsWithoutDecision(graph) : loopsByDefinition(graph)));
  const ends = graph.steps.flatMap((step, i) => (step.type === 'end' ? [i] : []));
  questions.push(() => (out['exits'] = current ? [...canReachEnd(graph, exits)].sort((a, b) => a - b) : closure(graph, [...ends, ...exits], true)));
  questions.push(() => (out['ends'] = current ? [...canReachEnd(graph)].sort((a, b) => a - b) : closure(graph, ends, true)));
  for (const i of order) questions[i % questions.length]!();
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function agree(flow: Flow, seed = 1) {
  const graph = buildGraph(flow);
  const count = graph.steps.length + 3;
  const next = random(seed);
  // Asked in order, then again in a random order: asking one question must not change the answer to another.
  const order = [...Array.from({ length: count }, (_, i) => i), ...Array.from({ length: count }, () => Math.floor(next() * count))];
  const expected = answers(graph, before, Array.from({ length: count }, (_, i) => i));
  expect(answers(graph, 'current', order)).toEqual(expected);
  for (const type of ['start', 'end', 'task', 'decision'] as const) {
    expect(indexesOfType(graph, type)).toEqual(graph.steps.flatMap((step, i) => (step.type === type ? [i] : [])));
  }
}

const step = (id: string, type: Step['type'], links: Partial<Step> = {}): Step => ({ id, name: id, type, duration: 1, ...links });
const flowOf = (...steps: Step[]): Flow => ({ id: 'f', name: '流程', steps });

describe('flow walks', () => {
  it('answer like fresh walks on tricky flows', () => {
    const tricky: Flow[] = [
      // 补正 back through the decision, and an inner loop without one
      flowOf(step('start', 'start', { next: 'a' }), step('a', 'decision', { branches: [{ to: 'b', when: '是' }, { to: 'fix', when: '否' }] }), step('fix', 'task', { next: ['fix2'] }), step('fix2', 'task', { next: ['fix', 'a'] }), step('b', 'task', { next: 'done' }), step('done', 'end')),
      // two starts, two ends, one behind a self-loop, an end that leads on
      flowOf(step('s1', 'start', { next: ['x', 'y'] }), step('x', 'task', { next: ['x', 'e1'] }), step('s2', 'start', { next: 'y' }), step('y', 'task', { next: 'e2', duration: 9 }), step('e1', 'end', { next: 'y' }), step('e2', 'end')),
      // a repeated id, links to missing steps, an orphan loop
      flowOf(step('start', 'start', { next: 'a' }), step('a', 'task', { next: ['nope', 'b'] }), step('a', 'task', { next: 'b' }), step('b', 'decision', { branches: [{ to: 'gone', when: '?' }, { to: 'end', when: '好' }] }), step('o1', 'task', { next: 'o2' }), step('o2', 'task', { next: 'o1' }), step('end', 'end')),
      // no end at all, and a flow of one step
      flowOf(step('start', 'start', { next: 'a' }), step('a', 'task', { next: 'start' })),
      flowOf(step('only', 'end')),
    ];
    tricky.forEach((flow, i) => agree(flow, i + 1));
  });

  it('answer like fresh walks on 1,000 random flows, whatever order they are asked in', () => {
    for (let seed = 1; seed <= 1000; seed++) agree(randomFlow(seed), seed);
  });
});
