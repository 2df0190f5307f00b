// code/duplicate: an item code is the item's identity; two entries with one code make every reference ambiguous.
import { defineRule } from './types.js';

export default defineRule({
  id: 'code/duplicate',
  severity: 'error',
  stage: 'catalogue',
  messages: ['duplicate', 'first'],
  *check({ catalogue }) {
    for (const [code, entries] of catalogue.keys.powers) {
      const [first, ...rest] = entries;
      for (const entry of rest) {
        yield {
          ruleId: 'code/duplicate',
          messageId: 'duplicate',
          data: { code, firstFile: first!.file },
          place: { file: entry.file, path: [...entry.path, 'code'] },
          related: [{ place: { file: first!.file, path: [...first!.path, 'code'] }, messageId: 'first', data: { code } }],
        };
      }
    }
  },
});
