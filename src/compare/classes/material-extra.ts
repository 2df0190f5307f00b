// standard/material-extra: the office asks for a material the reference does not — what 同城无差异 forbids.
// An optional extra material (required: false) is a notice rather than breaking.
import { defineDivergenceClass } from '../types.js';
import { bothSides, materialsOf, placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/material-extra',
  level: 'breaking',
  messages: ['extra', 'extra-optional'],
  *check(pair) {
    if (!bothSides(pair)) return;
    for (const { item, index } of materialsOf(pair).extra) {
      const optional = item.required === false;
      yield {
        classId: 'standard/material-extra',
        messageId: optional ? 'extra-optional' : 'extra',
        data: { name: pair.reference.value.name, material: item.name },
        reference: placeOf(pair.reference, 'materials'),
        local: placeOf(pair.local, 'materials', index, 'name'),
        detail: item.name,
        ...(optional ? { level: 'notice' as const } : {}),
      };
    }
  },
});
