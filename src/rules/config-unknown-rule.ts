// config/unknown-rule: a misspelt rule id in qingdan.yaml would silently set nothing; say so.
import { defineRule } from './types.js';
import { suggest } from './suggest.js';
import { ruleIds } from './ids.js';
import { CHANGE_CLASS_IDS } from '../diff/class-ids.js';
import { DIVERGENCE_CLASS_IDS } from '../compare/class-ids.js';

export default defineRule({
  id: 'config/unknown-rule',
  severity: 'warning',
  stage: 'catalogue',
  messages: ['unknown', 'unknown-did-you-mean', 'unknown-prefix', 'unknown-prefix-did-you-mean', 'unknown-class', 'unknown-class-did-you-mean', 'unknown-divergence-class', 'unknown-divergence-class-did-you-mean'],
  *check({ catalogue }) {
    const known = ruleIds();
    for (const id of Object.keys(catalogue.config.rules ?? {})) {
      const place = { file: catalogue.configFile, path: ['rules', id], key: true };
      if (id.endsWith('/*')) {
        const prefix = id.slice(0, -1);
        if (known.some((rule) => rule.startsWith(prefix))) continue;
        // refs/* for ref/*: the groups are few, so the nearest one is worth naming.
        const groups = [...new Set(known.map((rule) => `${rule.slice(0, rule.indexOf('/') + 1)}*`))];
        const group = suggest(id, groups);
        yield { ruleId: 'config/unknown-rule', messageId: group ? 'unknown-prefix-did-you-mean' : 'unknown-prefix', data: { id, suggestion: group ?? '' }, place };
        continue;
      }
      if (known.includes(id)) continue;
      const guess = suggest(id, known);
      yield { ruleId: 'config/unknown-rule', messageId: guess ? 'unknown-did-you-mean' : 'unknown', data: { id, suggestion: guess ?? '' }, place };
    }
    // diff.levels and compare.levels name change and divergence classes; a typo there silently keeps the default level.
    const groups = [
      ['diff', CHANGE_CLASS_IDS as readonly string[], catalogue.config.diff?.levels, 'unknown-class'],
      ['compare', DIVERGENCE_CLASS_IDS as readonly string[], catalogue.config.compare?.levels, 'unknown-divergence-class'],
    ] as const;
    for (const [section, classes, levels, messageId] of groups) {
      for (const id of Object.keys(levels ?? {})) {
        const place = { file: catalogue.configFile, path: [section, 'levels', id], key: true };
        if (id.endsWith('/*') ? classes.some((c) => c.startsWith(id.slice(0, -1))) : classes.includes(id)) continue;
        const guess = id.endsWith('/*') ? undefined : suggest(id, classes);
        yield { ruleId: 'config/unknown-rule', messageId: guess ? `${messageId}-did-you-mean` : messageId, data: { id, suggestion: guess ?? '' }, place };
      }
    }
  },
});
