// material/condition: a conditional material says when it is needed, or citizens bring it every time.
import { defineRule } from './types.js';

export default defineRule({
  id: 'material/condition',
  severity: 'error',
  stage: 'catalogue',
  messages: ['missing', 'unused'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.powers, function* (entry) {
      for (const [i, material] of (entry.value.materials ?? []).entries()) {
        if (material.required === 'conditional' && !material.condition?.trim()) {
          yield { ruleId: 'material/condition', messageId: 'missing', data: { name: material.name }, place: { file: entry.file, path: [...entry.path, 'materials', i, 'required'] } };
        } else if (material.required !== 'conditional' && material.condition !== undefined) {
          yield { ruleId: 'material/condition', messageId: 'unused', data: { name: material.name, required: String(material.required) }, place: { file: entry.file, path: [...entry.path, 'materials', i, 'condition'], key: true } };
        }
      }
    });
  },
});
