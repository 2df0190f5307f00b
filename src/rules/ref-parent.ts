// ref/parent: a sub-item's parent is a listed main item (not itself, and not another sub-item's chain back to it).
import { defineRule } from './types.js';

export default defineRule({
  id: 'ref/parent',
  severity: 'error',
  stage: 'catalogue',
  looksUp: ['powers'],
  messages: ['unknown', 'self', 'cycle'],
  *check({ catalogue }) {
    for (const entry of catalogue.sections.powers) {
      const parent = entry.value.parent;
      if (parent === undefined) continue;
      const place = { file: entry.file, path: [...entry.path, 'parent'] };
      if (parent === entry.value.code) {
        yield { ruleId: 'ref/parent', messageId: 'self', data: { code: parent }, place };
      } else if (!catalogue.keys.powers.has(parent)) {
        yield { ruleId: 'ref/parent', messageId: 'unknown', data: { code: parent }, place };
      } else {
        // Follow the chain of parents; coming back to this item means a cycle.
        const seen = new Set([entry.value.code]);
        for (let code: string | undefined = parent; code !== undefined; code = catalogue.powerByCode.get(code)?.value.parent) {
          if (seen.has(code)) {
            yield { ruleId: 'ref/parent', messageId: 'cycle', data: { code: parent }, place };
            break;
          }
          seen.add(code);
        }
      }
    }
  },
});
