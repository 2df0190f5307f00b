// standard/category: the same item filed under another category — a different kind of power, breaking by default.
import { defineDivergenceClass } from '../types.js';
import { bothSides, placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/category',
  level: 'breaking',
  messages: ['different'],
  *check(pair) {
    if (!bothSides(pair) || pair.reference.value.category === pair.local.value.category) return;
    yield {
      classId: 'standard/category',
      messageId: 'different',
      data: { name: pair.reference.value.name, reference: pair.reference.value.category, local: pair.local.value.category },
      reference: placeOf(pair.reference, 'category'),
      local: placeOf(pair.local, 'category'),
    };
  },
});
