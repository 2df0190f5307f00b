// standard/fees: the office charges a fee the reference does not (breaking), at another standard (notice), or
// waives one the reference charges (better, info). Fees are matched by name like materials.
import { defineDivergenceClass } from '../types.js';
import { bothSides, feesOf, placeOf } from '../helpers.js';
import { compact } from '../normalise.js';

export default defineDivergenceClass({
  id: 'standard/fees',
  level: 'breaking',
  messages: ['extra', 'standard', 'free'],
  *check(pair) {
    if (!bothSides(pair)) return;
    const name = pair.reference.value.name;
    const matching = feesOf(pair);
    for (const { item, index } of matching.extra) {
      yield { classId: 'standard/fees', messageId: 'extra', data: { name, fee: item.name, standard: item.standard }, reference: placeOf(pair.reference, pair.reference.value.fees ? 'fees' : 'name'), local: placeOf(pair.local, 'fees', index, 'name'), detail: item.name };
    }
    for (const match of matching.matched) {
      if (compact(match.reference.standard) === compact(match.local.standard)) continue;
      yield {
        classId: 'standard/fees',
        messageId: 'standard',
        data: { name, fee: match.local.name, reference: match.reference.standard, local: match.local.standard },
        reference: placeOf(pair.reference, 'fees', match.referenceIndex, 'standard'),
        local: placeOf(pair.local, 'fees', match.localIndex, 'standard'),
        detail: match.reference.name,
        level: 'notice',
      };
    }
    for (const { item, index } of matching.missing) {
      yield { classId: 'standard/fees', messageId: 'free', data: { name, fee: item.name }, reference: placeOf(pair.reference, 'fees', index, 'name'), local: placeOf(pair.local, pair.local.value.fees ? 'fees' : 'name'), detail: item.name, level: 'info', better: true };
    }
  },
});
