// power/renamed: same code, new name.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/renamed',
  level: 'notice',
  messages: ['renamed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value) || pair.base.value.name === pair.head.value.name) return;
    yield {
      classId: 'power/renamed',
      messageId: 'renamed',
      data: { from: pair.base.value.name, to: pair.head.value.name },
      ...itemOf(pair),
      base: placeOf(pair.base, 'name'),
      head: placeOf(pair.head, 'name'),
    };
  },
});
