// Direct tests of the flow graph walks: edges, reachability, back-edges, the longest path and loops without a decision.
import { describe, expect, it } from 'vitest';
import { backEdges, buildGraph, canReachEnd, indexesOfType, longestPath, loopsWithoutDecision, reachableFrom, type FlowGraph } from '../../src/flow/graph.js';
import type { Flow, Step } from '../../src/schema/definitions.js';

type StepSpec = Pick<Step, 'id' | 'type'> & Partial<Step>;

function flow(...steps: StepSpec[]): Flow {
  return { id: 'test', name: '测试流程', steps: steps.map((step) => ({ name: step.id, ...step })) };
}

const start = (next: Step['next']): StepSpec => ({ id: 'start', type: 'start', next });
const task = (id: string, next?: Step['next'], duration = 1): StepSpec => ({ id, type: 'task', duration, ...(next !== undefined ? { next } : {}) });
const decision = (id: string, ...targets: string[]): StepSpec => ({ id, type: 'decision', branches: targets.map((to) => ({ to, when: `去${to}` })) });
const end = (id = 'done'): StepSpec => ({ id, type: 'end' });

/** The base catalogue's flow: 受理 → 材料是否齐全 → 审查, with 补正 looping back to 受理 through the decision. */
function spjy(fixCounted = false): FlowGraph {
  return buildGraph(
    flow(
      start('accept'),
      task('accept', 'complete', 1),
      decision('complete', 'review', 'fix'),
      { ...task('fix', 'accept', 1), counted: fixCounted },
      task('review', 'done', 3),
      end(),
    ),
  );
}

const ids = (graph: FlowGraph, indexes: Iterable<number>) => [...indexes].map((i) => graph.steps[i]!.id);
const byDuration = (step: Step) => (step.counted === false ? 0 : (step.duration ?? 0));

/** start → s1 → … → sN → done: deep enough that a recursive walk would overflow the stack. */
function chain(length: number): FlowGraph {
  const steps: StepSpec[] = [start('s1')];
  for (let i = 1; i <= length; i++) steps.push(task(`s${i}`, i < length ? `s${i + 1}` : 'done'));
  steps.push(end());
  return buildGraph(flow(...steps));
}

/** start → s1 → … → sN → s1 (and sN → done): one loop of N tasks without a decision. */
function ring(length: number): FlowGraph {
  const steps: StepSpec[] = [start('s1')];
  for (let i = 1; i <= length; i++) steps.push(task(`s${i}`, i < length ? `s${i + 1}` : ['s1', 'done']));
  steps.push(end());
  return buildGraph(flow(...steps));
}

describe('buildGraph', () => {
  it('makes edges from next (one or many) and from branches, with the path of each reference and the branch label', () => {
    const graph = buildGraph(flow(start(['a', 'b']), task('a', 'choose'), task('b', 'choose'), decision('choose', 'done', 'a'), end()));
    expect(graph.edges.map((e) => [ids(graph, [e.from])[0], ids(graph, [e.to])[0], e.path, e.label])).toEqual([
      ['start', 'a', ['next', 0], undefined],
      ['start', 'b', ['next', 1], undefined],
      ['a', 'choose', ['next'], undefined],
      ['b', 'choose', ['next'], undefined],
      ['choose', 'done', ['branches', 0, 'to'], '去done'],
      ['choose', 'a', ['branches', 1, 'to'], '去a'],
    ]);
    expect(graph.successors).toEqual([[1, 2], [3], [3], [4, 1], []]);
    expect(graph.dangling).toEqual([]);
  });

  it('keeps references to unknown steps apart as dangling, with where they are', () => {
    const graph = buildGraph(flow(start('accept'), task('accept', ['reveiw', 'done']), { id: 'ask', type: 'decision', branches: [{ to: 'nowhere', when: '否' }] }, end()));
    expect(graph.dangling).toEqual([
      { from: 1, path: ['next', 0], target: 'reveiw' },
      { from: 2, path: ['branches', 0, 'to'], target: 'nowhere' },
    ]);
    expect(graph.successors[1]).toEqual([3]);
    expect(graph.successors[2]).toEqual([]);
  });

  it('resolves a duplicated step id to its first occurrence', () => {
    const graph = buildGraph(flow(start('x'), task('x', 'done'), task('x', 'done'), end()));
    expect(graph.indexById.get('x')).toBe(1);
    expect(graph.successors[0]).toEqual([1]);
  });

  it('lists the steps of a type in order', () => {
    const graph = buildGraph(flow(start('a'), end('early'), task('a', 'done'), end()));
    expect(indexesOfType(graph, 'end')).toEqual([1, 3]);
    expect(indexesOfType(graph, 'decision')).toEqual([]);
  });
});

describe('reachableFrom', () => {
  it('finds every step the start leads to, through loops, and not an orphan', () => {
    const graph = buildGraph(flow(start('a'), task('a', 'ask'), decision('ask', 'a', 'done'), task('orphan', 'done'), end()));
    expect(ids(graph, reachableFrom(graph, 0)).sort()).toEqual(['a', 'ask', 'done', 'start']);
  });

  it('contains the step it starts from even when nothing follows', () => {
    const graph = buildGraph(flow(end()));
    expect([...reachableFrom(graph, 0)]).toEqual([0]);
  });
});

describe('canReachEnd', () => {
  it('finds the steps some end can be reached from, not those trapped in a loop', () => {
    const graph = buildGraph(
      flow(start('accept'), task('accept', 'ask'), decision('ask', 'done', 'inspect'), task('inspect', 'again'), decision('again', 'inspect', 'rectify'), task('rectify', 'again'), end()),
    );
    expect(ids(graph, canReachEnd(graph)).sort()).toEqual(['accept', 'ask', 'done', 'start']);
  });

  it('counts assumed exits as reaching an end, and so the steps before them', () => {
    const graph = buildGraph(flow(start('a'), task('a', 'b'), task('b', 'typo'), task('stuck', 'stuck'), end()));
    expect(ids(graph, canReachEnd(graph)).sort()).toEqual(['done']);
    expect(ids(graph, canReachEnd(graph, graph.dangling.map((d) => d.from))).sort()).toEqual(['a', 'b', 'done', 'start']);
  });
});

describe('backEdges', () => {
  it('finds the 补正 edge back to 受理 and nothing else', () => {
    const graph = spjy();
    const back = [...backEdges(graph, 0)];
    expect(back.map((e) => [ids(graph, [e.from])[0], ids(graph, [e.to])[0], e.path])).toEqual([['fix', 'accept', ['next']]]);
  });

  it('finds a self-loop', () => {
    const graph = buildGraph(flow(start('a'), task('a', ['a', 'done']), end()));
    expect([...backEdges(graph, 0)].map((e) => [e.from, e.to, e.path])).toEqual([[1, 1, ['next', 0]]]);
  });

  it('finds one back-edge per nested loop', () => {
    // outer: a → b → c → a; inner: b → c → b
    const graph = buildGraph(flow(start('a'), task('a', 'b'), task('b', 'c'), task('c', ['b', 'a', 'done']), end()));
    expect([...backEdges(graph, 0)].map((e) => ids(graph, [e.from, e.to]))).toEqual([
      ['c', 'b'],
      ['c', 'a'],
    ]);
  });

  it('finds none in a diamond, where two paths meet without a loop', () => {
    const graph = buildGraph(flow(start('ask'), decision('ask', 'left', 'right'), task('left', 'join'), task('right', 'join'), task('join', 'done'), end()));
    expect(backEdges(graph, 0).size).toBe(0);
  });
});

describe('longestPath', () => {
  it('takes the heavier branch of a diamond, whichever order the branches come in', () => {
    for (const [first, second] of [['slow', 'fast'], ['fast', 'slow']] as const) {
      const graph = buildGraph(flow(start('ask'), decision('ask', first, second), task('fast', 'join', 1), task('slow', 'join', 5), task('join', 'done', 2), end()));
      const longest = longestPath(graph, 0, byDuration);
      expect(longest.total).toBe(7);
      expect(ids(graph, longest.path)).toEqual(['start', 'ask', 'slow', 'join', 'done']);
    }
  });

  it('leaves out the back-edge of a loop through a decision: the 补正 step is never on the path', () => {
    const graph = spjy(true);
    const longest = longestPath(graph, 0, byDuration);
    expect(longest.total).toBe(4);
    expect(ids(graph, longest.path)).toEqual(['start', 'accept', 'complete', 'review', 'done']);
  });

  it('passes a loop once when the loop is on the way to the end', () => {
    // 审查 → 是否通过 → (整改 → 审查) | 办结: 审查 is counted once, 整改 not at all
    const graph = buildGraph(flow(start('review'), task('review', 'passed', 3), decision('passed', 'rectify', 'done'), task('rectify', 'review', 10), end()));
    const longest = longestPath(graph, 0, byDuration);
    expect(longest.total).toBe(3);
    expect(ids(graph, longest.path)).toEqual(['start', 'review', 'passed', 'done']);
  });

  it('walks nested loops without counting any step twice', () => {
    const graph = buildGraph(flow(start('a'), task('a', 'b', 1), task('b', 'c', 2), task('c', ['b', 'a', 'done'], 4), end()));
    const longest = longestPath(graph, 0, byDuration);
    expect(longest.total).toBe(7);
    expect(ids(graph, longest.path)).toEqual(['start', 'a', 'b', 'c', 'done']);
  });

  it('walks past a self-loop', () => {
    const graph = buildGraph(flow(start('a'), task('a', ['a', 'done'], 2), end()));
    expect(longestPath(graph, 0, byDuration)).toEqual({ total: 2, path: [0, 1, 2] });
  });

  it('ignores a heavier branch that never reaches an end', () => {
    const graph = buildGraph(flow(start('ask'), decision('ask', 'stuck', 'ok'), task('stuck', undefined, 100), task('ok', 'done', 1), end()));
    const longest = longestPath(graph, 0, byDuration);
    expect(longest.total).toBe(1);
    expect(ids(graph, longest.path)).toEqual(['start', 'ask', 'ok', 'done']);
  });

  it('returns nothing when no end can be reached', () => {
    const graph = buildGraph(flow(start('a'), task('a', 'b'), task('b')));
    expect(longestPath(graph, 0, byDuration)).toEqual({ total: 0, path: [] });
  });

  it('sums the weight function, so uncounted steps weigh nothing', () => {
    const graph = spjy(false);
    expect(longestPath(graph, 0, () => 1).total).toBe(5); // start, accept, complete, review, done
  });
});

describe('loopsWithoutDecision', () => {
  it('finds nothing in a loop through a decision', () => {
    expect(loopsWithoutDecision(spjy())).toEqual([]);
  });

  it('finds a self-loop', () => {
    const graph = buildGraph(flow(start('a'), task('a', ['a', 'done']), end()));
    expect(loopsWithoutDecision(graph)).toEqual([[1]]);
  });

  it('finds a two-task loop', () => {
    const graph = buildGraph(flow(start('a'), task('a', 'b'), task('b', ['a', 'done']), end()));
    expect(loopsWithoutDecision(graph)).toEqual([[1, 2]]);
  });

  it('merges nested loops into one, and finds an inner loop inside a decision loop', () => {
    const nested = buildGraph(flow(start('a'), task('a', 'b'), task('b', 'c'), task('c', ['b', 'a', 'done']), end()));
    expect(loopsWithoutDecision(nested)).toEqual([[1, 2, 3]]);
    const inner = buildGraph(flow(start('accept'), task('accept', 'ask'), decision('ask', 'fix', 'done'), task('fix', 'notify'), task('notify', ['fix', 'accept']), end()));
    expect(loopsWithoutDecision(inner)).toEqual([[3, 4]]);
  });

  it('lists separate loops in step order', () => {
    const graph = buildGraph(flow(start('p'), task('x', ['x', 'done']), task('p', 'q'), task('q', ['p', 'x']), end()));
    expect(loopsWithoutDecision(graph)).toEqual([[1], [2, 3]]);
  });
});

describe('long flows', () => {
  // A recursive walk in Node overflows at roughly 10,000 frames, so 5,000 steps alone would not catch one: 50,000 does.
  it.each([5_000, 50_000])('walks a %i-step chain without overflowing the stack', (length) => {
    const graph = chain(length);
    const count = length + 2;
    expect(reachableFrom(graph, 0).size).toBe(count);
    expect(canReachEnd(graph).size).toBe(count);
    expect(backEdges(graph, 0).size).toBe(0);
    const longest = longestPath(graph, 0, byDuration);
    expect(longest.total).toBe(length);
    expect(longest.path).toHaveLength(count);
    expect(loopsWithoutDecision(graph)).toEqual([]);
  });

  it.each([5_000, 50_000])('finds the one loop of a %i-task ring without overflowing the stack', (length) => {
    const graph = ring(length);
    const back = [...backEdges(graph, 0)];
    expect(back.map((e) => [e.from, e.to])).toEqual([[length, 1]]);
    expect(longestPath(graph, 0, byDuration).total).toBe(length);
    const loops = loopsWithoutDecision(graph);
    expect(loops).toHaveLength(1);
    expect(loops[0]).toHaveLength(length);
  });
});
