// standard/name: the office calls the item something else. A difference only of width, spaces or 《》 is info.
import { defineDivergenceClass } from '../types.js';
import { bothSides, placeOf } from '../helpers.js';
import { sameLoosely } from '../normalise.js';

export default defineDivergenceClass({
  id: 'standard/name',
  level: 'notice',
  messages: ['different', 'trivial'],
  *check(pair) {
    if (!bothSides(pair)) return;
    const reference = pair.reference.value.name;
    const local = pair.local.value.name;
    if (reference.trim() === local.trim()) return;
    const trivial = sameLoosely(reference, local);
    yield {
      classId: 'standard/name',
      messageId: trivial ? 'trivial' : 'different',
      data: { name: reference, local },
      reference: placeOf(pair.reference, 'name'),
      local: placeOf(pair.local, 'name'),
      ...(trivial ? { level: 'info' as const } : {}),
    };
  },
});
