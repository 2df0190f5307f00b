// flow/unreachable: every step can be reached from the start; an orphan step is a drawing mistake.
import { defineRule } from './types.js';
import { perEntry } from './entry-memo.js';
import { buildGraph, reachableFrom } from '../flow/graph.js';

export default defineRule({
  id: 'flow/unreachable',
  severity: 'error',
  stage: 'catalogue',
  messages: ['unreachable'],
  *check({ catalogue, entries }) {
    for (const flow of catalogue.sections.flows) {
      // Reads nothing but the flow: a resident build keeps its findings while the flow is the same object.
      yield* perEntry(entries, 'flow/unreachable', flow, function* () {
        const graph = buildGraph(flow.value);
        const starts = graph.starts;
        if (starts.length !== 1) return; // flow/start reports it
        const reachable = reachableFrom(graph, starts[0]!);
        for (const [i, step] of graph.steps.entries()) {
          if (reachable.has(i)) continue;
          yield { ruleId: 'flow/unreachable', messageId: 'unreachable', data: { step: step.id, name: step.name, flow: flow.value.id }, place: { file: flow.file, path: [...flow.path, 'steps', i, 'id'] } };
        }
      });
    }
  },
});
