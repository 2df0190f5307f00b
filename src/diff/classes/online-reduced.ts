// online/reduced: something that could be done online no longer can — breaking by default.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { onlineSteps } from './online.js';

export default defineChangeClass({
  id: 'online/reduced',
  level: 'breaking',
  messages: ['reduced'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const { lost } = onlineSteps(pair.base.value, pair.head.value);
    if (!lost.length) return;
    yield { classId: 'online/reduced', messageId: 'reduced', data: { name: pair.head.value.name, steps: lost.join(', ') }, ...itemOf(pair), base: placeOf(pair.base, 'online', 'depth'), head: placeOf(pair.head, pair.head.value.online ? 'online' : 'code') };
  },
});
