// fee/added: a new charge — breaking by default.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, matchByName, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'fee/added',
  level: 'breaking',
  messages: ['added'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    for (const { item, index } of matchByName(pair.base.value.fees, pair.head.value.fees).added) {
      yield { classId: 'fee/added', messageId: 'added', data: { name: pair.head.value.name, fee: item.name, standard: item.standard }, ...itemOf(pair), head: placeOf(pair.head, 'fees', index, 'name'), detail: item.name };
    }
  },
});
