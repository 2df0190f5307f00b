// responsibility/incomplete: duties need accountability (who answers, in which cases) and accountability needs a legal basis.
import { defineRule } from './types.js';

export default defineRule({
  id: 'responsibility/incomplete',
  severity: 'warning',
  stage: 'catalogue',
  messages: ['no-accountability', 'no-basis'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.responsibilities, function* (entry) {
      const responsibility = entry.value;
      if (!('power' in responsibility)) return;
      if (!responsibility.accountability) {
        yield { ruleId: 'responsibility/incomplete', messageId: 'no-accountability', data: { code: responsibility.power }, place: { file: entry.file, path: [...entry.path, 'duties'], key: true } };
      } else if (!responsibility.accountability.basis?.length) {
        yield { ruleId: 'responsibility/incomplete', messageId: 'no-basis', data: { code: responsibility.power }, place: { file: entry.file, path: [...entry.path, 'accountability'], key: true } };
      }
    });
  },
});
