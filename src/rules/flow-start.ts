// flow/start: a flow has exactly one start, or nobody can tell where it begins.
import { defineRule } from './types.js';
import { buildGraph } from '../flow/graph.js';

export default defineRule({
  id: 'flow/start',
  severity: 'error',
  stage: 'catalogue',
  messages: ['none', 'many', 'first'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each flow: a resident build keeps the findings of a file's flows while they are the same objects.
    yield* eachEntry(catalogue.sections.flows, function* (flow) {
      const starts = buildGraph(flow.value).starts;
      if (starts.length === 0) {
        yield { ruleId: 'flow/start', messageId: 'none', data: { flow: flow.value.id }, place: { file: flow.file, path: [...flow.path, 'steps'], key: true } };
      }
      for (const extra of starts.slice(1)) {
        yield {
          ruleId: 'flow/start',
          messageId: 'many',
          data: { flow: flow.value.id, count: starts.length },
          place: { file: flow.file, path: [...flow.path, 'steps', extra, 'type'] },
          related: [{ place: { file: flow.file, path: [...flow.path, 'steps', starts[0]!, 'type'] }, messageId: 'first', data: { flow: flow.value.id, count: starts.length } }],
        };
      }
    });
  },
});
