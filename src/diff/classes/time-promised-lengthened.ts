// time/promised-lengthened: the promise to citizens got longer — breaking by default.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { limits } from './time.js';

export default defineChangeClass({
  id: 'time/promised-lengthened',
  level: 'breaking',
  messages: ['lengthened'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const { unit, basePromised, headPromised } = limits(pair.base.value, pair.head.value);
    if (headPromised <= basePromised) return;
    yield {
      classId: 'time/promised-lengthened',
      messageId: 'lengthened',
      data: { name: pair.head.value.name, from: basePromised, to: headPromised, unit },
      ...itemOf(pair),
      base: placeOf(pair.base, 'time_limit', 'promised'),
      head: placeOf(pair.head, 'time_limit', 'promised'),
    };
  },
});
