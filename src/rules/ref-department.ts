// ref/department: every department id used anywhere names a listed department.
import { defineRule } from './types.js';
import { departmentReferences } from '../catalogue/walk.js';
import { suggest } from './suggest.js';
import { mayBeUnread } from '../catalogue/model.js';

export default defineRule({
  id: 'ref/department',
  severity: 'error',
  stage: 'catalogue',
  messages: ['unknown', 'unknown-did-you-mean'],
  *check({ catalogue }) {
    // An id may be defined in a file that could not be read: its own finding says what to mend, and a reference
    // finding for every use of its ids (hundreds, for a departments.yaml saved as GBK) would bury it.
    if (mayBeUnread(catalogue, 'departments')) return;
    const known = [...catalogue.keys.departments.keys()];
    for (const reference of departmentReferences(catalogue)) {
      if (catalogue.keys.departments.has(reference.value)) continue;
      const guess = suggest(reference.value, known);
      yield {
        ruleId: 'ref/department',
        messageId: guess ? 'unknown-did-you-mean' : 'unknown',
        data: { id: reference.value, suggestion: guess ?? '' },
        place: { file: reference.file, path: reference.path },
      };
    }
  },
});
