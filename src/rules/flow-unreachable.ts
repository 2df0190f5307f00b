// flow/unreachable: every step can be reached from the start; an orphan step is a drawing mistake.
import { defineRule } from './types.js';
import { buildGraph, reachableFrom } from '../flow/graph.js';

export default defineRule({
  id: 'flow/unreachable',
  severity: 'error',
  stage: 'catalogue',
  messages: ['unreachable'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each flow: a resident build keeps the findings of a file's flows while they are the same objects.
    yield* eachEntry(catalogue.sections.flows, function* (flow) {
      const graph = buildGraph(flow.value);
      const starts = graph.starts;
      if (starts.length !== 1) return; // flow/start reports it
      const reachable = reachableFrom(graph, starts[0]!);
      for (const [i, step] of graph.steps.entries()) {
        if (reachable.has(i)) continue;
        yield { ruleId: 'flow/unreachable', messageId: 'unreachable', data: { step: step.id, name: step.name, flow: flow.value.id }, place: { file: flow.file, path: [...flow.path, 'steps', i, 'id'] } };
      }
    });
  },
});
