// The flow walks as they were before their results were kept on the graph (qingdan c13f845), each building what it
// needs from scratch: graph-walks.test.ts checks that the shared, remembered walks give the same answers.
import type { Edge, FlowGraph } from '../../src/flow/graph.js';
import type { Step } from '../../src/schema/definitions.js';

function indexesOfType(graph: FlowGraph, type: Step['type']): number[] {
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
  const seen = new Set<number>([...indexesOfType(graph, 'end'), ...assumedExits]);
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

/** Edges that close a loop in a depth-first walk from `start` (e.g. 补正 back to 受理); iterative, so long flows cannot overflow the stack. */
export function backEdges(graph: FlowGraph, start: number): Set<Edge> {
  const outgoing: Edge[][] = graph.steps.map(() => []);
  for (const edge of graph.edges) outgoing[edge.from]!.push(edge);
  const state = new Uint8Array(graph.steps.length); // 0 new, 1 on the stack, 2 done
  const back = new Set<Edge>();
  const stack: Array<{ node: number; next: number }> = [{ node: start, next: 0 }];
  state[start] = 1;
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const edge = outgoing[frame.node]![frame.next++];
    if (!edge) {
      state[frame.node] = 2;
      stack.pop();
    } else if (state[edge.to] === 1) back.add(edge);
    else if (state[edge.to] === 0) {
      state[edge.to] = 1;
      stack.push({ node: edge.to, next: 0 });
    }
  }
  return back;
}

/**
 * The heaviest start-to-end path once back-edges are removed: the time a flow can take when every loop is passed
 * once. Returns the weight and the steps on that path.
 */
export function longestPath(graph: FlowGraph, start: number, weight: (step: Step) => number): { total: number; path: number[] } {
  const back = backEdges(graph, start);
  const forward: number[][] = graph.steps.map(() => []);
  for (const edge of graph.edges) if (!back.has(edge)) forward[edge.from]!.push(edge.to);
  // Topological order of the reachable DAG by iterative post-order.
  const order: number[] = [];
  const visited = new Uint8Array(graph.steps.length);
  const stack: Array<{ node: number; next: number }> = [{ node: start, next: 0 }];
  visited[start] = 1;
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const next = forward[frame.node]![frame.next++];
    if (next === undefined) {
      order.push(frame.node);
      stack.pop();
    } else if (!visited[next]) {
      visited[next] = 1;
      stack.push({ node: next, next: 0 });
    }
  }
  // order is reverse-topological: every successor comes before its predecessor.
  const best = new Map<number, { total: number; next: number | undefined }>();
  for (const node of order) {
    const own = weight(graph.steps[node]!);
    let tail: { total: number; next: number | undefined } | undefined;
    for (const next of forward[node]!) {
      const candidate = best.get(next);
      if (candidate && candidate.total > -Infinity && (!tail || candidate.total > tail.total)) tail = { total: candidate.total, next };
    }
    const isEnd = graph.steps[node]!.type === 'end';
    if (tail) best.set(node, { total: own + tail.total, next: tail.next });
    else best.set(node, { total: isEnd ? own : -Infinity, next: undefined });
  }
  const head = best.get(start);
  if (!head || head.total === -Infinity) return { total: 0, path: [] };
  const path: number[] = [];
  for (let node: number | undefined = start; node !== undefined; node = best.get(node)?.next) path.push(node);
  return { total: head.total, path };
}

/**
 * Loops that pass through no decision: with decision steps taken out, any cycle left is one. Returns each such
 * loop's steps (Tarjan's strongly connected components, iteratively).
 */
export function loopsWithoutDecision(graph: FlowGraph): number[][] {
  const n = graph.steps.length;
  const keep = (i: number) => graph.steps[i]!.type !== 'decision';
  const successors = graph.successors.map((list, i) => (keep(i) ? list.filter(keep) : []));
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const loops: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (!keep(root) || index[root] !== -1) continue;
    const work: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const frame = work[work.length - 1]!;
      const next = successors[frame.node]![frame.next++];
      if (next !== undefined) {
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          work.push({ node: next, next: 0 });
        } else if (onStack[next]) low[frame.node] = Math.min(low[frame.node]!, index[next]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && successors[member]!.includes(member);
        if (component.length > 1 || selfLoop) loops.push(component.sort((a, b) => a - b));
      }
    }
  }
  return loops.sort((a, b) => a[0]! - b[0]!);
}
