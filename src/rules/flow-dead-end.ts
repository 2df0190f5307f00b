// flow/dead-end: every step other than an end leads on, and from every step some end can be reached.
import { defineRule } from './types.js';
import { buildGraph, canReachEnd, indexesOfType } from '../flow/graph.js';

export default defineRule({
  id: 'flow/dead-end',
  severity: 'error',
  stage: 'catalogue',
  messages: ['no-next', 'no-exit', 'end-with-next'],
  *check({ catalogue }) {
    for (const flow of catalogue.sections.flows) {
      const graph = buildGraph(flow.value);
      const hasEnd = indexesOfType(graph, 'end').length > 0;
      // A step whose link does not resolve may well lead to an end: ref/step reports the typo, once, not every step before it.
      const exits = canReachEnd(graph, graph.dangling.map((link) => link.from));
      for (const [i, step] of graph.steps.entries()) {
        const place = { file: flow.file, path: [...flow.path, 'steps', i, 'id'] };
        const data = { step: step.id, name: step.name, flow: flow.value.id };
        const leadsOn = step.next !== undefined || (step.branches?.length ?? 0) > 0;
        if (step.type === 'end') {
          if (leadsOn) yield { ruleId: 'flow/dead-end', messageId: 'end-with-next', data, place };
        } else if (!leadsOn) {
          yield { ruleId: 'flow/dead-end', messageId: 'no-next', data, place };
        } else if (hasEnd && !exits.has(i) && graph.successors[i]!.length > 0) {
          // Only when an end exists (flow/end covers the rest) and the step's own links resolve (ref/step covers those).
          yield { ruleId: 'flow/dead-end', messageId: 'no-exit', data, place };
        }
      }
    }
  },
});
