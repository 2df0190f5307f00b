// time/promised-shortened: 减时间 — the promise to citizens got shorter.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { limits } from './time.js';

export default defineChangeClass({
  id: 'time/promised-shortened',
  level: 'info',
  messages: ['shortened'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const { unit, basePromised, headPromised } = limits(pair.base.value, pair.head.value);
    if (headPromised >= basePromised) return;
    yield {
      classId: 'time/promised-shortened',
      messageId: 'shortened',
      data: { name: pair.head.value.name, from: basePromised, to: headPromised, unit },
      ...itemOf(pair),
      base: placeOf(pair.base, 'time_limit', 'promised'),
      head: placeOf(pair.head, 'time_limit', 'promised'),
    };
  },
});
