// time/promised-exceeds-statutory: a promise may only be shorter than the law's limit.
import { defineRule } from './types.js';

export default defineRule({
  id: 'time/promised-exceeds-statutory',
  severity: 'error',
  stage: 'catalogue',
  messages: ['exceeds', 'statutory'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.powers, function* (entry) {
      const { statutory, promised, unit } = entry.value.time_limit;
      if (promised > statutory) {
        yield {
          ruleId: 'time/promised-exceeds-statutory',
          messageId: 'exceeds',
          data: { promised, statutory, unit },
          place: { file: entry.file, path: [...entry.path, 'time_limit', 'promised'] },
          related: [{ place: { file: entry.file, path: [...entry.path, 'time_limit', 'statutory'] }, messageId: 'statutory', data: { promised, statutory, unit } }],
        };
      }
    });
  },
});
