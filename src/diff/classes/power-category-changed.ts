// power/category-changed: the item moved to another category (e.g. 行政许可 → 行政确认).
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/category-changed',
  level: 'notice',
  messages: ['changed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value) || pair.base.value.category === pair.head.value.category) return;
    yield {
      classId: 'power/category-changed',
      messageId: 'changed',
      data: { name: pair.head.value.name, from: pair.base.value.category, to: pair.head.value.category },
      ...itemOf(pair),
      base: placeOf(pair.base, 'category'),
      head: placeOf(pair.head, 'category'),
    };
  },
});
