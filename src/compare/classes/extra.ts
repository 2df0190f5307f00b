// standard/extra: an office's item that the reference does not have — "no power outside the list" — or has
// cancelled. Breaking by default.
import { defineDivergenceClass } from '../types.js';
import { placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/extra',
  level: 'breaking',
  messages: ['extra', 'extra-peers', 'cancelled-in-reference'],
  *check(pair, context) {
    if (pair.reference || !pair.local) return;
    const cancelled = pair.referenceCancelled;
    yield {
      classId: 'standard/extra',
      messageId: cancelled ? 'cancelled-in-reference' : context.peers ? 'extra-peers' : 'extra',
      data: { name: pair.local.value.name, code: pair.basicCode },
      local: placeOf(pair.local, 'code'),
      ...(cancelled ? { reference: placeOf(cancelled, 'status') } : {}),
    };
  },
});
