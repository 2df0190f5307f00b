// standard/visits: more in-person visits than the reference is breaking; fewer is better (info).
import { defineDivergenceClass } from '../types.js';
import { bothSides, placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/visits',
  level: 'breaking',
  messages: ['more', 'fewer'],
  *check(pair) {
    if (!bothSides(pair)) return;
    const reference = pair.reference.value.visits ?? 0;
    const local = pair.local.value.visits ?? 0;
    if (local === reference) return;
    const fewer = local < reference;
    yield {
      classId: 'standard/visits',
      messageId: fewer ? 'fewer' : 'more',
      data: { name: pair.reference.value.name, reference, local },
      reference: placeOf(pair.reference, pair.reference.value.visits === undefined ? 'name' : 'visits'),
      local: placeOf(pair.local, pair.local.value.visits === undefined ? 'name' : 'visits'),
      ...(fewer ? { level: 'info' as const, better: true } : {}),
    };
  },
});
