// power/removed: an item disappeared from the list (rather than being marked cancelled, which keeps its history).
import { defineChangeClass } from '../types.js';
import { itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/removed',
  level: 'notice',
  messages: ['removed'],
  *check(pair) {
    if (pair.head || !pair.base) return;
    yield { classId: 'power/removed', messageId: 'removed', data: { name: pair.base.value.name, code: pair.base.value.code }, ...itemOf(pair), base: placeOf(pair.base, 'code') };
  },
});
