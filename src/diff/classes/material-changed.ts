// material/changed: the same material now required differently (required, copies, medium, source, condition).
import { defineChangeClass } from '../types.js';
import { bothSides, canonical, isCancelled, itemOf, matchByName, placeOf } from '../helpers.js';
import type { Material } from '../../schema/definitions.js';

const FIELDS = ['required', 'condition', 'source', 'medium', 'originals', 'copies'] as const satisfies ReadonlyArray<keyof Material>;

export default defineChangeClass({
  id: 'material/changed',
  level: 'info',
  messages: ['changed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    for (const { base, head, baseIndex, headIndex } of matchByName(pair.base.value.materials, pair.head.value.materials).matched) {
      // Equal scalars (nearly every field of nearly every material) need no canonical form.
      const fields = FIELDS.filter((field) => base[field] !== head[field] && canonical(base[field]) !== canonical(head[field]));
      if (!fields.length) continue;
      const changes = fields.map((field) => `${field}: ${String(base[field] ?? '—')} → ${String(head[field] ?? '—')}`).join('; ');
      yield {
        classId: 'material/changed',
        messageId: 'changed',
        data: { name: pair.head.value.name, material: head.name, changes },
        ...itemOf(pair),
        base: placeOf(pair.base, 'materials', baseIndex, fields[0]!),
        head: placeOf(pair.head, 'materials', headIndex, fields[0]!),
        detail: head.name,
      };
    }
  },
});
