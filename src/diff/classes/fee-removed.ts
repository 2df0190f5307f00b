// fee/removed: a charge dropped.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, matchByName, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'fee/removed',
  level: 'info',
  messages: ['removed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    for (const { item, index } of matchByName(pair.base.value.fees, pair.head.value.fees).removed) {
      yield { classId: 'fee/removed', messageId: 'removed', data: { name: pair.head.value.name, fee: item.name }, ...itemOf(pair), base: placeOf(pair.base, 'fees', index, 'name'), head: placeOf(pair.head, pair.head.value.fees ? 'fees' : 'code'), detail: item.name };
    }
  },
});
