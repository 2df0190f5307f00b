// standard/basis: the office cites other laws or articles than the reference (compared by title and article).
import { defineDivergenceClass } from '../types.js';
import { bothSides, citations, listed, placeOf } from '../helpers.js';

export default defineDivergenceClass({
  id: 'standard/basis',
  level: 'notice',
  messages: ['different'],
  *check(pair, context) {
    if (!bothSides(pair)) return;
    const reference = citations(pair.reference.value.basis, context.reference);
    const local = citations(pair.local.value.basis, context.local);
    const referenceOnly = [...reference].filter(([key]) => !local.has(key)).map(([, shown]) => shown);
    const localOnly = [...local].filter(([key]) => !reference.has(key)).map(([, shown]) => shown);
    if (!referenceOnly.length && !localOnly.length) return;
    yield {
      classId: 'standard/basis',
      messageId: 'different',
      data: { name: pair.reference.value.name, referenceOnly: listed(referenceOnly) || '—', localOnly: listed(localOnly) || '—' },
      reference: placeOf(pair.reference, 'basis'),
      local: placeOf(pair.local, 'basis'),
    };
  },
});
