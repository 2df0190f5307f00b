// department/credit-code: the 18th character of a unified social credit code is a checksum; a typo shows up here.
import { defineRule } from './types.js';
import { creditCodeCheckCharacter } from '../catalogue/credit-code.js';

export default defineRule({
  id: 'department/credit-code',
  severity: 'error',
  stage: 'catalogue',
  messages: ['check-character'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.departments, function* (entry) {
      const code = entry.value.credit_code;
      if (code === undefined) return;
      const expected = creditCodeCheckCharacter(code.slice(0, 17));
      if (expected !== undefined && expected !== code[17]) {
        yield {
          ruleId: 'department/credit-code',
          messageId: 'check-character',
          data: { code, actual: code[17] ?? '', expected },
          place: { file: entry.file, path: [...entry.path, 'credit_code'] },
        };
      }
    });
  },
});
