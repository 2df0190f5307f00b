// visits/reason: an in-person visit must be justified (最多跑一次 is the norm, not the exception).
import { defineRule } from './types.js';

export default defineRule({
  id: 'visits/reason',
  severity: 'error',
  stage: 'catalogue',
  messages: ['missing'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.powers, function* (entry) {
      const { visits, visit_reason: reason } = entry.value;
      if ((visits ?? 0) > 0 && !reason?.trim()) {
        yield { ruleId: 'visits/reason', messageId: 'missing', data: { visits: visits ?? 0 }, place: { file: entry.file, path: [...entry.path, 'visits'] } };
      }
    });
  },
});
