// responsibility/missing: every power in force has someone answerable for it; a sub-item is covered by its parent's entry.
import { defineRule } from './types.js';

export default defineRule({
  id: 'responsibility/missing',
  severity: 'error',
  stage: 'catalogue',
  messages: ['missing'],
  *check({ catalogue }) {
    const covered = new Set<string>();
    for (const entry of catalogue.sections.responsibilities) if ('power' in entry.value) covered.add(entry.value.power);
    for (const entry of catalogue.sections.powers) {
      const power = entry.value;
      const status = power.status ?? 'active';
      if (status !== 'active' && status !== 'delegated') continue;
      if (covered.has(power.code) || (power.parent !== undefined && covered.has(power.parent))) continue;
      yield { ruleId: 'responsibility/missing', messageId: 'missing', data: { code: power.code, name: power.name }, place: { file: entry.file, path: [...entry.path, 'code'] } };
    }
  },
});
