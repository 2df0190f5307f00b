// ref/flow: a power's `flow` names a listed flow, and that flow names the power back.
import { defineRule } from './types.js';
import { flowPowerCodes } from '../catalogue/walk.js';
import { suggest } from './suggest.js';

export default defineRule({
  id: 'ref/flow',
  severity: 'error',
  stage: 'catalogue',
  looksUp: ['flows', 'powers'],
  messages: ['unknown', 'unknown-did-you-mean', 'not-linked', 'flow'],
  *check({ catalogue }) {
    for (const entry of catalogue.sections.powers) {
      const id = entry.value.flow;
      if (id === undefined) continue;
      if (!catalogue.keys.flows.has(id)) {
        const guess = suggest(id, [...catalogue.keys.flows.keys()]);
        yield { ruleId: 'ref/flow', messageId: guess ? 'unknown-did-you-mean' : 'unknown', data: { id, suggestion: guess ?? '' }, place: { file: entry.file, path: [...entry.path, 'flow'] } };
        continue;
      }
      const flow = catalogue.flowById.get(id);
      if (flow && !flowPowerCodes(flow.value).includes(entry.value.code)) {
        yield {
          ruleId: 'ref/flow',
          messageId: 'not-linked',
          data: { id, code: entry.value.code },
          place: { file: entry.file, path: [...entry.path, 'flow'] },
          related: [{ place: { file: flow.file, path: flow.path }, messageId: 'flow', data: { id } }],
        };
      }
    }
  },
});
