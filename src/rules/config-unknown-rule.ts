// config/unknown-rule: a misspelt rule id in qingdan.yaml would silently set nothing; say so.
import { defineRule } from './types.js';
import { suggest } from './suggest.js';
import { ruleIds } from './ids.js';

export default defineRule({
  id: 'config/unknown-rule',
  severity: 'warning',
  stage: 'catalogue',
  messages: ['unknown', 'unknown-did-you-mean', 'unknown-prefix'],
  *check({ catalogue }) {
    const known = ruleIds();
    for (const id of Object.keys(catalogue.config.rules ?? {})) {
      const place = { file: catalogue.configFile, path: ['rules', id], key: true };
      if (id.endsWith('/*')) {
        const prefix = id.slice(0, -1);
        if (!known.some((rule) => rule.startsWith(prefix))) yield { ruleId: 'config/unknown-rule', messageId: 'unknown-prefix', data: { id }, place };
        continue;
      }
      if (known.includes(id)) continue;
      const guess = suggest(id, known);
      yield { ruleId: 'config/unknown-rule', messageId: guess ? 'unknown-did-you-mean' : 'unknown', data: { id, suggestion: guess ?? '' }, place };
    }
  },
});
