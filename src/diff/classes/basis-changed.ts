// basis/changed: the legal basis (设定依据) cites other laws or articles; order alone is no change.
import { defineChangeClass } from '../types.js';
import { bothSides, citationSet, isCancelled, itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'basis/changed',
  level: 'notice',
  messages: ['changed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const before = citationSet(pair.base.value.basis);
    const after = citationSet(pair.head.value.basis);
    const added = after.filter((c) => !before.includes(c));
    const removed = before.filter((c) => !after.includes(c));
    if (!added.length && !removed.length) return;
    yield {
      classId: 'basis/changed',
      messageId: 'changed',
      data: { name: pair.head.value.name, added: added.join('、') || '—', removed: removed.join('、') || '—' },
      ...itemOf(pair),
      base: placeOf(pair.base, 'basis'),
      head: placeOf(pair.head, 'basis'),
    };
  },
});
