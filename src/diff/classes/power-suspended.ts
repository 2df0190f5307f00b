// power/suspended: an item was suspended (暂停实施) or resumed. Not in DOMAIN.md §5's list: the format has the
// status, and a suspension that diff did not mention would pass review unseen. Suspended → cancelled is
// power/cancelled; cancelled → in force is power/added (an item added again).
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/suspended',
  level: 'notice',
  messages: ['suspended', 'resumed'],
  *check(pair) {
    if (!bothSides(pair) || isCancelled(pair.base.value) || isCancelled(pair.head.value)) return;
    const before = pair.base.value.status === 'suspended';
    const after = pair.head.value.status === 'suspended';
    if (before === after) return;
    const head = pair.head.value;
    yield {
      classId: 'power/suspended',
      messageId: after ? 'suspended' : 'resumed',
      data: { name: head.name },
      ...itemOf(pair),
      base: placeOf(pair.base, before ? 'status' : 'code'),
      head: placeOf(pair.head, after ? 'status' : 'code'),
    };
  },
});
