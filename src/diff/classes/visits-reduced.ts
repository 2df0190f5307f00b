// visits/reduced: 减跑动 — fewer trips to an office.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { visitsOf } from './visits.js';

export default defineChangeClass({
  id: 'visits/reduced',
  level: 'info',
  messages: ['reduced'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const from = visitsOf(pair.base.value);
    const to = visitsOf(pair.head.value);
    if (to >= from) return;
    yield { classId: 'visits/reduced', messageId: 'reduced', data: { name: pair.head.value.name, from, to }, ...itemOf(pair), base: placeOf(pair.base, 'visits'), head: placeOf(pair.head, pair.head.value.visits === undefined ? 'code' : 'visits') };
  },
});
