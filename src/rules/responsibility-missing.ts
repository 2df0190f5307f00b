// responsibility/missing: every power in force has someone answerable for it; a sub-item is covered by its parent's entry.
import { defineRule } from './types.js';

export default defineRule({
  id: 'responsibility/missing',
  severity: 'error',
  stage: 'catalogue',
  looksUp: ['responsibilities'],
  messages: ['missing'],
  *check({ catalogue }) {
    const covered = new Set<string>();
    for (const entry of catalogue.sections.responsibilities) if ('power' in entry.value) covered.add(entry.value.power);
    // An entry for a main item covers its sub-items, and theirs, up the chain (bounded, in case parents loop).
    const isCovered = (code: string): boolean => {
      let current: string | undefined = code;
      for (let depth = 0; current !== undefined && depth < 32; depth++) {
        if (covered.has(current)) return true;
        current = catalogue.powerByCode.get(current)?.value.parent;
      }
      return false;
    };
    for (const entry of catalogue.sections.powers) {
      const power = entry.value;
      const status = power.status ?? 'active';
      if (status !== 'active' && status !== 'delegated') continue;
      if (isCovered(power.code)) continue;
      yield { ruleId: 'responsibility/missing', messageId: 'missing', data: { code: power.code, name: power.name }, place: { file: entry.file, path: [...entry.path, 'code'] } };
    }
  },
});
