// standard/missing: a reference item the office does not list (or lists as cancelled). Some items do not apply
// everywhere, so this is a notice; the score counts it as not implemented.
import { defineDivergenceClass } from '../types.js';
import { placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/missing',
  level: 'notice',
  messages: ['missing', 'missing-peers'],
  *check(pair, context) {
    if (!pair.reference || pair.local) return;
    yield { classId: 'standard/missing', messageId: context.peers ? 'missing-peers' : 'missing', data: { name: pair.reference.value.name, code: pair.basicCode }, reference: placeOf(pair.reference, 'code') };
  },
});
