// flow/lane: a task belongs to a department's lane, so the chart shows who does it.
import { defineRule } from './types.js';
import { perEntry } from './entry-memo.js';

export default defineRule({
  id: 'flow/lane',
  severity: 'warning',
  stage: 'catalogue',
  messages: ['no-department'],
  *check({ catalogue, entries }) {
    for (const flow of catalogue.sections.flows) {
      // Reads nothing but the flow: a resident build keeps its findings while the flow is the same object.
      yield* perEntry(entries, 'flow/lane', flow, function* () {
        for (const [i, step] of flow.value.steps.entries()) {
          if (step.type === 'task' && step.department === undefined) {
            yield { ruleId: 'flow/lane', messageId: 'no-department', data: { step: step.id, name: step.name }, place: { file: flow.file, path: [...flow.path, 'steps', i, 'name'] } };
          }
        }
      });
    }
  },
});
