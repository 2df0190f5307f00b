// time/statutory-changed: the law's time limit as recorded changed (a new law, or a corrected entry).
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { limits } from './time.js';

export default defineChangeClass({
  id: 'time/statutory-changed',
  level: 'notice',
  messages: ['changed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const { unit, baseStatutory, headStatutory } = limits(pair.base.value, pair.head.value);
    if (headStatutory === baseStatutory) return;
    yield {
      classId: 'time/statutory-changed',
      messageId: 'changed',
      data: { name: pair.head.value.name, from: baseStatutory, to: headStatutory, unit },
      ...itemOf(pair),
      base: placeOf(pair.base, 'time_limit', 'statutory'),
      head: placeOf(pair.head, 'time_limit', 'statutory'),
    };
  },
});
