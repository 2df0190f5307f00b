// ref/law: every citation names a law listed in the catalogue.
import { defineRule } from './types.js';
import { citations } from '../catalogue/walk.js';
import { suggest } from './suggest.js';

export default defineRule({
  id: 'ref/law',
  severity: 'error',
  stage: 'catalogue',
  looksUp: ['laws'],
  messages: ['unknown', 'unknown-did-you-mean'],
  *check({ catalogue, entries }) {
    const known = [...catalogue.keys.laws.keys()];
    for (const citation of citations(catalogue, entries)) {
      if (catalogue.keys.laws.has(citation.value.law)) continue;
      const guess = suggest(citation.value.law, known);
      yield {
        ruleId: 'ref/law',
        messageId: guess ? 'unknown-did-you-mean' : 'unknown',
        data: { id: citation.value.law, suggestion: guess ?? '' },
        place: { file: citation.file, path: [...citation.path, 'law'] },
      };
    }
  },
});
