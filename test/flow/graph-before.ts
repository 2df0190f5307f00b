// The flow walks that were rewritten to be cheaper, as they were before (qingdan c13f845): graph-walks.test.ts checks
// that the new ones give the same answers.
import type { Edge, FlowGraph } from '../../src/flow/graph.js';
import type { Step } from '../../src/schema/definitions.js';

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
