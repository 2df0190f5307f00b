// ref/department: every department id used anywhere names a listed department.
import { defineRule } from './types.js';
import { departmentReferences } from '../catalogue/walk.js';
import { suggest } from './suggest.js';

export default defineRule({
  id: 'ref/department',
  severity: 'error',
  stage: 'catalogue',
  looksUp: ['departments'],
  messages: ['unknown', 'unknown-did-you-mean'],
  *check({ catalogue, entries }) {
    const known = [...catalogue.keys.departments.keys()];
    for (const reference of departmentReferences(catalogue, entries)) {
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
