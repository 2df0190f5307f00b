// flow/end: a flow has at least one end (办结), or it never finishes.
import { defineRule } from './types.js';
import { buildGraph } from '../flow/graph.js';

export default defineRule({
  id: 'flow/end',
  severity: 'error',
  stage: 'catalogue',
  messages: ['none'],
  *check({ catalogue }) {
    for (const flow of catalogue.sections.flows) {
      if (buildGraph(flow.value).ends.length === 0) {
        yield { ruleId: 'flow/end', messageId: 'none', data: { flow: flow.value.id }, place: { file: flow.file, path: [...flow.path, 'steps'], key: true } };
      }
    }
  },
});
