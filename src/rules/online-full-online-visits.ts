// online/full-online-visits: "全程网办" (accept + handle + result online) and an in-person visit contradict each other.
import { defineRule } from './types.js';
import { isFullOnline } from '../catalogue/yardsticks.js';

export default defineRule({
  id: 'online/full-online-visits',
  severity: 'error',
  stage: 'catalogue',
  messages: ['contradiction', 'depth'],
  *check({ catalogue, eachEntry }) {
    // Reads nothing but each entry: a resident build keeps the findings of a file's entries while they are the same objects.
    yield* eachEntry(catalogue.sections.powers, function* (entry) {
      const visits = entry.value.visits ?? 0;
      if (isFullOnline(entry.value.online?.depth) && visits > 0) {
        yield {
          ruleId: 'online/full-online-visits',
          messageId: 'contradiction',
          data: { visits },
          place: { file: entry.file, path: [...entry.path, 'visits'] },
          related: [{ place: { file: entry.file, path: [...entry.path, 'online', 'depth'] }, messageId: 'depth', data: { visits } }],
        };
      }
    });
  },
});
