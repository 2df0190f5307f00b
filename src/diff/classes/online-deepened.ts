// online/deepened: more of the item can be done online, and nothing was lost.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { onlineSteps } from './online.js';

export default defineChangeClass({
  id: 'online/deepened',
  level: 'info',
  messages: ['deepened'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const { gained, lost } = onlineSteps(pair.base.value, pair.head.value);
    if (!gained.length || lost.length) return;
    yield { classId: 'online/deepened', messageId: 'deepened', data: { name: pair.head.value.name, steps: gained.join(', ') }, ...itemOf(pair), base: placeOf(pair.base, pair.base.value.online ? 'online' : 'code'), head: placeOf(pair.head, 'online', 'depth') };
  },
});
