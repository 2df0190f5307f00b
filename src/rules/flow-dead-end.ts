// flow/dead-end: every step other than an end leads on, and from every step some end can be reached.
import { defineRule } from './types.js';
import { buildGraph, canReachEnd } from '../flow/graph.js';

export default defineRule({
  id: 'flow/dead-end',
  severity: 'error',
  stage: 'catalogue',
  messages: ['no-next', 'no-exit', 'end-with-next'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each flow: a resident build keeps the findings of a file's flows while they are the same objects.
    yield* eachEntry(catalogue.sections.flows, function* (flow) {
      const graph = buildGraph(flow.value);
      const hasEnd = graph.ends.length > 0;
      // A step whose link does not resolve may well lead to an end: ref/step reports the typo, once, not every step before it.
      const exits = canReachEnd(graph, graph.dangling.map((link) => link.from));
      for (const [i, step] of graph.steps.entries()) {
        const leadsOn = step.next !== undefined || (step.branches?.length ?? 0) > 0;
        let messageId: 'end-with-next' | 'no-next' | 'no-exit' | undefined;
        if (step.type === 'end') {
          if (leadsOn) messageId = 'end-with-next';
        } else if (!leadsOn) {
          messageId = 'no-next';
        } else if (hasEnd && !exits.has(i) && graph.successors[i]!.length > 0) {
          // Only when an end exists (flow/end covers the rest) and the step's own links resolve (ref/step covers those).
          messageId = 'no-exit';
        }
        if (!messageId) continue;
        yield { ruleId: 'flow/dead-end', messageId, data: { step: step.id, name: step.name, flow: flow.value.id }, place: { file: flow.file, path: [...flow.path, 'steps', i, 'id'] } };
      }
    });
  },
});
