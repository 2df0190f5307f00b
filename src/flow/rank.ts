// Columns and order for the swimlane grid: longest-path ranks over the loop-free flow, order as the author wrote it.
//
// dagre was measured for this (network-simplex ranks, barycentre ordering): about 6 ms for a 14-step flow, twice
// the whole 3 ms budget of a flowchart, and its rank and order phases are not exported on their own. A flowchart's
// graph is small and nearly a chain, so the classic longest-path layering gives the same columns, and the order
// in which the author listed `next` and `branches` (the first branch is the main line) is the order people expect.

import { filled } from './arrays.js';

export interface RankInput {
  from: number;
  to: number;
  /** Closes a loop: ignored for ranking. */
  back: boolean;
}

export interface Ranking {
  /** Column of each step, 0 = leftmost; every forward arrow goes to a higher column. */
  rank: number[];
  /** Position of each step in a depth-first walk from the start along arrows in the order written. */
  order: number[];
}

export function rankSteps(count: number, links: readonly RankInput[], start: number | undefined): Ranking {
  const out: number[][] = filled(count, () => []);
  const indegree = new Int32Array(count);
  for (const link of links) {
    if (link.back || link.from === link.to) continue;
    out[link.from]!.push(link.to);
    indegree[link.to]!++;
  }

  // Longest path from the sources (Kahn's order). A cycle the loop detection did not cut (steps the start cannot
  // reach) is broken at its first step in file order.
  const rank = new Array<number>(count).fill(0);
  const done = new Uint8Array(count);
  const queue: number[] = [];
  if (start !== undefined && indegree[start] === 0) queue.push(start);
  for (let i = 0; i < count; i++) if (indegree[i] === 0 && i !== start) queue.push(i);
  let processed = 0;
  let head = 0;
  while (processed < count) {
    if (head === queue.length) {
      let stuck = 0;
      while (done[stuck]) stuck++;
      queue.push(stuck);
    }
    const node = queue[head++]!;
    if (done[node]) continue;
    done[node] = 1;
    processed++;
    for (const next of out[node]!) {
      if (done[next]) continue;
      rank[next] = Math.max(rank[next]!, rank[node]! + 1);
      if (--indegree[next]! === 0) queue.push(next);
    }
  }

  const order = new Array<number>(count).fill(-1);
  let counter = 0;
  const walk = (root: number) => {
    const stack = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (order[node] !== -1) continue;
      order[node] = counter++;
      // Reversed onto the stack so the first arrow is walked first.
      for (let k = out[node]!.length - 1; k >= 0; k--) if (order[out[node]![k]!] === -1) stack.push(out[node]![k]!);
    }
  };
  if (start !== undefined) walk(start);
  for (let i = 0; i < count; i++) if (order[i] === -1) walk(i);
  return { rank, order };
}
