// ref/step: `next` and `branches[].to` name steps of the same flow.
import { defineRule } from './types.js';
import { buildGraph } from '../flow/graph.js';
import { suggest } from './suggest.js';

export default defineRule({
  id: 'ref/step',
  severity: 'error',
  stage: 'catalogue',
  messages: ['unknown', 'unknown-did-you-mean'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.flows, function* (flow) {
      const graph = buildGraph(flow.value);
      if (!graph.dangling.length) return;
      const known = [...graph.indexById.keys()];
      for (const { from, path, target } of graph.dangling) {
        const guess = suggest(target, known);
        yield {
          ruleId: 'ref/step',
          messageId: guess ? 'unknown-did-you-mean' : 'unknown',
          data: { id: target, flow: flow.value.id, suggestion: guess ?? '' },
          place: { file: flow.file, path: [...flow.path, 'steps', from, ...path] },
        };
      }
    });
  },
});
