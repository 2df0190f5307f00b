// A flow as a graph: edges from `next` and `branches`, with the walks that rules and renderers share.
import type { Flow, Step } from '../schema/definitions.js';
import type { DocPath } from '../findings.js';

export interface Edge {
  from: number;
  to: number;
  /** Path of the reference inside the step, e.g. ['next', 1] or ['branches', 0, 'to']. */
  path: DocPath;
  label?: string;
}

export interface FlowGraph {
  steps: Step[];
  indexById: Map<string, number>;
  edges: Edge[];
  successors: number[][];
  /** References to step ids that are not in the flow. */
  dangling: Array<{ from: number; path: DocPath; target: string }>;
  /** The start and the end steps, in step order: five rules ask for them. */
  starts: readonly number[];
  ends: readonly number[];
}

// The walks below are not kept on the graph: each rule asks its own question once per flow, and on a catalogue of
// thousands of flows, walk results kept alive cost more in garbage collection than walking again (docs/decisions.md).

// Seven rules and every renderer look at the same flows; each graph is built once.
const graphs = new WeakMap<Flow, FlowGraph>();

export function buildGraph(flow: Flow): FlowGraph {
  let graph = graphs.get(flow);
  if (!graph) {
    graph = createGraph(flow);
    graphs.set(flow, graph);
  }
  return graph;
}

function createGraph(flow: Flow): FlowGraph {
  const steps = flow.steps;
  const indexById = new Map<string, number>();
  for (let i = 0; i < steps.length; i++) {
    if (!indexById.has(steps[i]!.id)) indexById.set(steps[i]!.id, i);
  }
  const edges: Edge[] = [];
  const dangling: FlowGraph['dangling'] = [];
  const successors: number[][] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const link = (from: number, target: string, path: DocPath, label?: string) => {
    const to = indexById.get(target);
    if (to === undefined) {
      dangling.push({ from, path, target });
      return;
    }
    const edge: Edge = { from, to, path };
    if (label !== undefined) edge.label = label;
    edges.push(edge);
    successors[from]!.push(to);
  };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    successors.push([]);
    if (step.type === 'start') starts.push(i);
    else if (step.type === 'end') ends.push(i);
    if (typeof step.next === 'string') link(i, step.next, ['next']);
    else if (step.next) for (let k = 0; k < step.next.length; k++) link(i, step.next[k]!, ['next', k]);
    if (step.branches) for (let k = 0; k < step.branches.length; k++) link(i, step.branches[k]!.to, ['branches', k, 'to'], step.branches[k]!.when);
  }
  return { steps, indexById, edges, successors, dangling, starts, ends };
}

export function indexesOfType(graph: FlowGraph, type: Step['type']): readonly number[] {
  if (type === 'start') return graph.starts;
  if (type === 'end') return graph.ends;
  const out: number[] = [];
  graph.steps.forEach((step, i) => {
    if (step.type === type) out.push(i);
  });
  return out;
}

export function reachableFrom(graph: FlowGraph, start: number): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length) {
    for (const next of graph.successors[stack.pop()!]!) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Steps from which some end step can be reached; `assumedExits` count as reaching one (steps whose links do not resolve). */
export function canReachEnd(graph: FlowGraph, assumedExits: Iterable<number> = []): Set<number> {
  const predecessors: number[][] = graph.steps.map(() => []);
  for (const edge of graph.edges) predecessors[edge.to]!.push(edge.from);
  const seen = new Set<number>(graph.ends);
  for (const exit of assumedExits) seen.add(exit);
  const stack = [...seen];
  while (stack.length) {
    for (const previous of predecessors[stack.pop()!]!) {
      if (!seen.has(previous)) {
        seen.add(previous);
        stack.push(previous);
      }
    }
  }
  return seen;
}

/**
 * A depth-first walk from `start` along `successors` in the order they are listed; iterative, so long flows cannot
 * overflow the stack. `back(node, k)` hears of each link that closes a loop (its target is still on the walk's stack),
 * `done(node, state)` of each step once every step after it is done; `state` is 0 new, 1 on the stack, 2 done.
 */
function walkFrom(graph: FlowGraph, start: number, back: ((node: number, k: number) => void) | undefined, done: (node: number, state: Uint8Array) => void): void {
  const successors = graph.successors;
  const state = new Uint8Array(graph.steps.length);
  // The walk's stack as two arrays: the step, and how many of its successors have been looked at.
  const nodes = [start];
  const followed = [0];
  state[start] = 1;
  while (nodes.length) {
    const top = nodes.length - 1;
    const node = nodes[top]!;
    const k = followed[top]!++;
    const next = successors[node]![k];
    if (next === undefined) {
      done(node, state);
      state[node] = 2;
      nodes.pop();
      followed.pop();
    } else if (state[next] === 1) back?.(node, k);
    else if (state[next] === 0) {
      state[next] = 1;
      nodes.push(next);
      followed.push(0);
    }
  }
}

/** Edges that close a loop in a depth-first walk from `start` (e.g. 补正 back to 受理). */
export function backEdges(graph: FlowGraph, start: number): Set<Edge> {
  // A step's edges in the order of its successors: the k-th successor is the target of its k-th edge.
  const outgoing: Edge[][] = graph.steps.map(() => []);
  for (const edge of graph.edges) outgoing[edge.from]!.push(edge);
  const back = new Set<Edge>();
  walkFrom(graph, start, (node, k) => back.add(outgoing[node]![k]!), () => {});
  return back;
}

/**
 * The heaviest start-to-end path once back-edges are removed: the time a flow can take when every loop is passed
 * once. Returns the weight and the steps on that path.
 *
 * One depth-first walk, the same as `backEdges`, that weighs each step when it is done: by then every successor it
 * reaches by a forward edge is done too, and the successors still on the walk's stack are exactly those it reaches
 * by a back-edge, which do not count. Ties go to the first successor listed.
 */
export function longestPath(graph: FlowGraph, start: number, weight: (step: Step) => number): { total: number; path: number[] } {
  const count = graph.steps.length;
  const total = new Float64Array(count); // once done: the heaviest way on to an end, -Infinity when there is none
  const through = new Int32Array(count); // once done: the successor that way goes through, -1 for an end
  walkFrom(graph, start, undefined, (node, state) => {
    let best = -Infinity;
    let bestNext = -1;
    for (const successor of graph.successors[node]!) {
      if (state[successor] === 2 && total[successor]! > best) {
        best = total[successor]!;
        bestNext = successor;
      }
    }
    const step = graph.steps[node]!;
    total[node] = bestNext !== -1 ? weight(step) + best : step.type === 'end' ? weight(step) : -Infinity;
    through[node] = bestNext;
  });
  if (total[start] === -Infinity) return { total: 0, path: [] };
  const path: number[] = [];
  for (let node = start; node !== -1; node = through[node]!) path.push(node);
  return { total: total[start]!, path };
}

/**
 * Loops that pass through no decision: with decision steps taken out, any cycle left is one. Returns each such
 * loop's steps (Tarjan's strongly connected components, iteratively).
 */
export function loopsWithoutDecision(graph: FlowGraph): number[][] {
  const n = graph.steps.length;
  const successors = graph.successors;
  const isDecision = (i: number) => graph.steps[i]!.type === 'decision';
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const loops: number[][] = [];
  let counter = 0;
  // The walk's stack as two arrays: the step, and how many of its successors have been looked at.
  const nodes: number[] = [];
  const followed: number[] = [];
  for (let root = 0; root < n; root++) {
    if (isDecision(root) || index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    nodes.push(root);
    followed.push(0);
    while (nodes.length) {
      const top = nodes.length - 1;
      const node = nodes[top]!;
      const next = successors[node]![followed[top]!++];
      if (next !== undefined) {
        if (isDecision(next)) continue;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          nodes.push(next);
          followed.push(0);
        } else if (onStack[next]) low[node] = Math.min(low[node]!, index[next]!);
        continue;
      }
      nodes.pop();
      followed.pop();
      if (top > 0) low[nodes[top - 1]!] = Math.min(low[nodes[top - 1]!]!, low[node]!);
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        const selfLoop = component.length === 1 && successors[member]!.includes(member);
        if (component.length > 1 || selfLoop) loops.push(component.sort((a, b) => a - b));
      }
    }
  }
  return loops.sort((a, b) => a[0]! - b[0]!);
}
