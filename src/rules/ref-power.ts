// ref/power: "no power outside the list" — a responsibility or flow may only name a listed power.
import { defineRule } from './types.js';
import { powerReferences } from '../catalogue/walk.js';

export default defineRule({
  id: 'ref/power',
  severity: 'error',
  stage: 'catalogue',
  looksUp: ['powers'],
  messages: ['unknown', 'flow-without-power'],
  *check({ catalogue, entries }) {
    for (const reference of powerReferences(catalogue, entries)) {
      if (catalogue.keys.powers.has(reference.value)) continue;
      yield { ruleId: 'ref/power', messageId: 'unknown', data: { code: reference.value }, place: { file: reference.file, path: reference.path } };
    }
    for (const flow of catalogue.sections.flows) {
      if (flow.value.power === undefined && flow.value.powers === undefined) {
        yield { ruleId: 'ref/power', messageId: 'flow-without-power', data: { flow: flow.value.id }, place: { file: flow.file, path: flow.path } };
      }
    }
  },
});
