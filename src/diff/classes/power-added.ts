// power/added: a new item. Without a justification it is breaking: the "边减变增" guard against quietly re-adding powers.
import { defineChangeClass } from '../types.js';
import { itemOf, placeOf } from '../helpers.js';

export default defineChangeClass({
  id: 'power/added',
  level: 'notice',
  messages: ['added', 'unjustified'],
  *check(pair) {
    if (pair.base || !pair.head) return;
    const justified = !!pair.head.value.justification?.trim();
    yield {
      classId: 'power/added',
      messageId: justified ? 'added' : 'unjustified',
      data: { name: pair.head.value.name, code: pair.head.value.code, category: pair.head.value.category },
      ...itemOf(pair),
      head: placeOf(pair.head, 'code'),
      ...(justified ? {} : { level: 'breaking' as const }),
    };
  },
});
