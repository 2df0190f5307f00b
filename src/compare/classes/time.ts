// standard/time: the promised limit differs. Longer than the reference is breaking; shorter is better (info).
// Both limits are compared in the reference's unit, so a change of unit alone is no difference.
import { convert, toHundredths } from '../../flow/time.js';
import { defineDivergenceClass } from '../types.js';
import { bothSides, placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/time',
  level: 'breaking',
  messages: ['longer', 'shorter'],
  *check(pair) {
    if (!bothSides(pair)) return;
    const unit = pair.reference.value.time_limit.unit;
    const reference = pair.reference.value.time_limit.promised;
    const local = toHundredths(convert(pair.local.value.time_limit.promised, pair.local.value.time_limit.unit, unit));
    if (local === reference) return;
    const shorter = local < reference;
    yield {
      classId: 'standard/time',
      messageId: shorter ? 'shorter' : 'longer',
      data: { name: pair.reference.value.name, reference, local, unit },
      reference: placeOf(pair.reference, 'time_limit', 'promised'),
      local: placeOf(pair.local, 'time_limit', 'promised'),
      ...(shorter ? { level: 'info' as const, better: true } : {}),
    };
  },
});
