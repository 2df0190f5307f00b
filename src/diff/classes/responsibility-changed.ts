// responsibility/changed: the item's duties or accountability (责任清单) changed, appeared or disappeared.
import { defineChangeClass } from '../types.js';
import { bothSides, canonical, isCancelled, itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'responsibility/changed',
  level: 'notice',
  messages: ['changed', 'added', 'removed'],
  *check(pair, context) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const before = context.base.responsibilities.get(pair.base.value.code);
    const after = context.head.responsibilities.get(pair.head.value.code);
    if (!before && !after) return;
    const item = itemOf(pair);
    const strip = (value: object) => canonical({ ...value, power: undefined });
    if (before && after) {
      // The same object when the file did not change between the revisions (diff parses a shared blob once).
      if (before.value === after.value || strip(before.value) === strip(after.value)) return;
      yield { classId: 'responsibility/changed', messageId: 'changed', data: { name: item.name }, ...item, base: placeOf(before), head: placeOf(after) };
    } else if (after) {
      yield { classId: 'responsibility/changed', messageId: 'added', data: { name: item.name }, ...item, head: placeOf(after) };
    } else {
      yield { classId: 'responsibility/changed', messageId: 'removed', data: { name: item.name }, ...item, base: placeOf(before) };
    }
  },
});
