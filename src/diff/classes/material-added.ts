// material/added: citizens must bring something new.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, matchByName, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'material/added',
  level: 'notice',
  messages: ['added'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    for (const { item, index } of matchByName(pair.base.value.materials, pair.head.value.materials).added) {
      yield { classId: 'material/added', messageId: 'added', data: { name: pair.head.value.name, material: item.name }, ...itemOf(pair), head: placeOf(pair.head, 'materials', index, 'name'), detail: item.name };
    }
  },
});
