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
      // At the status line where there is one (`status: active` written out): the line the pull request changed, where
      // an annotation shows; the code when the status was left out (active by default).
      base: placeOf(pair.base, pair.base.value.status !== undefined ? 'status' : 'code'),
      head: placeOf(pair.head, pair.head.value.status !== undefined ? 'status' : 'code'),
    };
  },
});
