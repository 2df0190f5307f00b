// power/cancelled: an item's status became cancelled (取消).
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/cancelled',
  level: 'notice',
  messages: ['cancelled'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.base.value) || !isCancelled(pair.head.value)) return;
    yield {
      classId: 'power/cancelled',
      messageId: 'cancelled',
      data: { name: pair.head.value.name, since: pair.head.value.status_since ?? '' },
      ...itemOf(pair),
      base: placeOf(pair.base, 'code'),
      head: placeOf(pair.head, 'status'),
    };
  },
});
