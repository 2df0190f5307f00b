// visits/reason: an in-person visit must be justified (最多跑一次 is the norm, not the exception).
import { defineRule } from './types.js';

export default defineRule({
  id: 'visits/reason',
  severity: 'error',
  stage: 'catalogue',
  messages: ['missing'],
  *check({ catalogue }) {
    for (const entry of catalogue.sections.powers) {
      const { visits, visit_reason: reason } = entry.value;
      if ((visits ?? 0) > 0 && !reason?.trim()) {
        yield { ruleId: 'visits/reason', messageId: 'missing', data: { visits: visits ?? 0 }, place: { file: entry.file, path: [...entry.path, 'visits'] } };
      }
    }
  },
});
