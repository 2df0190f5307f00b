// flow/lane: a task belongs to a department's lane, so the chart shows who does it.
import { defineRule } from './types.js';

export default defineRule({
  id: 'flow/lane',
  severity: 'warning',
  stage: 'catalogue',
  messages: ['no-department'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each flow: a resident build keeps the findings of a file's flows while they are the same objects.
    yield* eachEntry(catalogue.sections.flows, function* (flow) {
      for (const [i, step] of flow.value.steps.entries()) {
        if (step.type === 'task' && step.department === undefined) {
          yield { ruleId: 'flow/lane', messageId: 'no-department', data: { step: step.id, name: step.name }, place: { file: flow.file, path: [...flow.path, 'steps', i, 'name'] } };
        }
      }
    });
  },
});
