// visits/increased: more trips to an office — breaking by default.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { visitsOf } from './visits.js';

export default defineChangeClass({
  id: 'visits/increased',
  level: 'breaking',
  messages: ['increased'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const from = visitsOf(pair.base.value);
    const to = visitsOf(pair.head.value);
    if (to <= from) return;
    yield { classId: 'visits/increased', messageId: 'increased', data: { name: pair.head.value.name, from, to }, ...itemOf(pair), base: placeOf(pair.base, pair.base.value.visits === undefined ? 'code' : 'visits'), head: placeOf(pair.head, 'visits') };
  },
});
