// fee/changed: the same charge with another standard, basis or waiver.
import { defineChangeClass } from '../types.js';
import { bothSides, canonical, citationSet, isCancelled, itemOf, matchByName, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'fee/changed',
  level: 'notice',
  messages: ['standard', 'other'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    for (const { base, head, baseIndex, headIndex } of matchByName(pair.base.value.fees, pair.head.value.fees).matched) {
      const standardChanged = base.standard !== head.standard;
      const otherChanged =
        canonical(citationSet(base.basis)) !== canonical(citationSet(head.basis)) ||
        (base.waivable ?? false) !== (head.waivable ?? false) ||
        canonical(citationSet(base.waiver_basis)) !== canonical(citationSet(head.waiver_basis));
      if (!standardChanged && !otherChanged) continue;
      const field = standardChanged ? 'standard' : 'basis';
      yield {
        classId: 'fee/changed',
        messageId: standardChanged ? 'standard' : 'other',
        data: { name: pair.head.value.name, fee: head.name, from: base.standard, to: head.standard },
        ...itemOf(pair),
        base: placeOf(pair.base, 'fees', baseIndex, field),
        head: placeOf(pair.head, 'fees', headIndex, field),
        detail: head.name,
      };
    }
  },
});
