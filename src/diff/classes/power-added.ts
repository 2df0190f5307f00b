// power/added: a new item, or a cancelled one set back in force. Without a justification it is breaking: the "边减变增"
// guard against quietly re-adding powers. Not in a catalogue's first version (no base catalogue): its items are the list
// being put into git, not powers added to a list, and a first pull request would otherwise fail on every item.
import { defineChangeClass } from '../types.js';
import { isCancelled, itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/added',
  level: 'notice',
  messages: ['added', 'unjustified'],
  *check(pair, context) {
    if (!pair.head || isCancelled(pair.head.value)) return;
    // Flipping status back from cancelled re-adds the item as surely as a new entry does.
    const reactivated = pair.base !== undefined && isCancelled(pair.base.value);
    if (pair.base && !reactivated) return;
    const justified = !!pair.head.value.justification?.trim() || context.firstVersion === true;
    yield {
      classId: 'power/added',
      messageId: justified ? 'added' : 'unjustified',
      data: { name: pair.head.value.name, code: pair.head.value.code, category: pair.head.value.category },
      ...itemOf(pair),
      ...(reactivated ? { base: placeOf(pair.base, 'status') } : {}),
      head: placeOf(pair.head, 'code'),
      ...(justified ? {} : { level: 'breaking' as const }),
    };
  },
});
