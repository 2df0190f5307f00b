// flow/decision-branches: a decision offers at least two ways on, each labelled with its condition.
import { defineRule } from './types.js';

export default defineRule({
  id: 'flow/decision-branches',
  severity: 'error',
  stage: 'catalogue',
  messages: ['too-few', 'no-condition', 'branches-on-task'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each flow: a resident build keeps the findings of a file's flows while they are the same objects.
    yield* eachEntry(catalogue.sections.flows, function* (flow) {
      for (const [i, step] of flow.value.steps.entries()) {
        const branches = step.branches ?? [];
        // Most steps are a well-formed task or decision: the finding's data and path are made only for one that is not.
        const isDecision = step.type === 'decision';
        if (isDecision ? branches.length >= 2 && branches.every((branch) => branch.when?.trim()) : !branches.length) continue;
        const at = [...flow.path, 'steps', i];
        const data = { step: step.id, name: step.name, count: branches.length };
        if (!isDecision) {
          yield { ruleId: 'flow/decision-branches', messageId: 'branches-on-task', data, place: { file: flow.file, path: [...at, 'branches'], key: true } };
          continue;
        }
        if (branches.length < 2) {
          yield { ruleId: 'flow/decision-branches', messageId: 'too-few', data, place: { file: flow.file, path: [...at, branches.length ? 'branches' : 'type'] } };
        }
        for (const [k, branch] of branches.entries()) {
          if (!branch.when?.trim()) {
            yield { ruleId: 'flow/decision-branches', messageId: 'no-condition', data: { ...data, to: branch.to }, place: { file: flow.file, path: [...at, 'branches', k] } };
          }
        }
      }
    });
  },
});
