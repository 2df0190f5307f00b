// material/removed: 减材料 — one thing fewer to bring.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, matchByName, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'material/removed',
  level: 'info',
  messages: ['removed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    for (const { item, index } of matchByName(pair.base.value.materials, pair.head.value.materials).removed) {
      yield { classId: 'material/removed', messageId: 'removed', data: { name: pair.head.value.name, material: item.name }, ...itemOf(pair), base: placeOf(pair.base, 'materials', index, 'name'), head: placeOf(pair.head, 'materials'), detail: item.name };
    }
  },
});
