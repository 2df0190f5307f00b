// responsibility/incomplete: duties need accountability (who answers, in which cases) and accountability needs a legal basis.
import { defineRule } from './types.js';

export default defineRule({
  id: 'responsibility/incomplete',
  severity: 'warning',
  stage: 'catalogue',
  messages: ['no-accountability', 'no-basis'],
  *check({ catalogue }) {
    for (const entry of catalogue.sections.responsibilities) {
      const responsibility = entry.value;
      if (!('power' in responsibility)) continue;
      if (!responsibility.accountability) {
        yield { ruleId: 'responsibility/incomplete', messageId: 'no-accountability', data: { code: responsibility.power }, place: { file: entry.file, path: [...entry.path, 'duties'], key: true } };
      } else if (!responsibility.accountability.basis?.length) {
        yield { ruleId: 'responsibility/incomplete', messageId: 'no-basis', data: { code: responsibility.power }, place: { file: entry.file, path: [...entry.path, 'accountability'], key: true } };
      }
    }
  },
});
