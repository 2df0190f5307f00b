// fee/basis: no fee without a legal basis (收费依据), and no waiver without one either.
import { defineRule } from './types.js';

export default defineRule({
  id: 'fee/basis',
  severity: 'error',
  stage: 'catalogue',
  messages: ['missing', 'waiver'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.powers, function* (entry) {
      for (const [i, fee] of (entry.value.fees ?? []).entries()) {
        const at = [...entry.path, 'fees', i];
        if (!fee.basis?.length) {
          yield { ruleId: 'fee/basis', messageId: 'missing', data: { name: fee.name }, place: { file: entry.file, path: at } };
        }
        if (fee.waivable === true && !fee.waiver_basis?.length) {
          yield { ruleId: 'fee/basis', messageId: 'waiver', data: { name: fee.name }, place: { file: entry.file, path: [...at, 'waivable'] } };
        }
      }
    });
  },
});
