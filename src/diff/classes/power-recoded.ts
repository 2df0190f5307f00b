// power/recoded: the code changed while name, department and basis stayed — the same item, renumbered.
import { defineChangeClass } from '../types.js';
import { itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/recoded',
  level: 'notice',
  messages: ['recoded'],
  *check(pair) {
    if (!pair.recoded || !pair.base || !pair.head) return;
    yield {
      classId: 'power/recoded',
      messageId: 'recoded',
      data: { name: pair.head.value.name, from: pair.base.value.code, to: pair.head.value.code },
      ...itemOf(pair),
      base: placeOf(pair.base, 'code'),
      head: placeOf(pair.head, 'code'),
    };
  },
});
