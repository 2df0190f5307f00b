// ref/step: `next` and `branches[].to` name steps of the same flow.
import { defineRule } from './types.js';
import { buildGraph } from '../flow/graph.js';
import { suggest } from './suggest.js';

export default defineRule({
  id: 'ref/step',
  severity: 'error',
  stage: 'catalogue',
  messages: ['unknown', 'unknown-did-you-mean'],
  *check({ catalogue }) {
    for (const flow of catalogue.sections.flows) {
      const graph = buildGraph(flow.value);
      if (!graph.dangling.length) continue;
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
    }
  },
});
