// flow/cycle: a loop is allowed only through a decision (材料不齐 → 补正 → 受理); any other loop never ends.
import { defineRule } from './types.js';
import { buildGraph, loopsWithoutDecision } from '../flow/graph.js';

export default defineRule({
  id: 'flow/cycle',
  severity: 'error',
  stage: 'catalogue',
  messages: ['cycle'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each flow: a resident build keeps the findings of a file's flows while they are the same objects.
    yield* eachEntry(catalogue.sections.flows, function* (flow) {
      const graph = buildGraph(flow.value);
      for (const loop of loopsWithoutDecision(graph)) {
        const names = loop.map((i) => graph.steps[i]!.id);
        yield { ruleId: 'flow/cycle', messageId: 'cycle', data: { flow: flow.value.id, steps: names.join(', ') }, place: { file: flow.file, path: [...flow.path, 'steps', loop[0]!, 'id'] } };
      }
    });
  },
});
