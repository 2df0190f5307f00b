// standard/material-missing: a material of the reference that the office does not list. Fewer papers may be a
// reform, or an incomplete list: a notice to look at, not counted as better.
import { defineDivergenceClass } from '../types.js';
import { bothSides, materialsOf, placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/material-missing',
  level: 'notice',
  messages: ['missing'],
  *check(pair) {
    if (!bothSides(pair)) return;
    for (const { item, index } of materialsOf(pair).missing) {
      yield {
        classId: 'standard/material-missing',
        messageId: 'missing',
        data: { name: pair.reference.value.name, material: item.name },
        reference: placeOf(pair.reference, 'materials', index, 'name'),
        local: placeOf(pair.local, pair.local.value.materials ? 'materials' : 'name'),
        detail: item.name,
      };
    }
  },
});
