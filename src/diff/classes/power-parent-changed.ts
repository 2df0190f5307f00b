// power/parent-changed: an item became a sub-item (子项) of another, a main item again, or moved under another main
// item. Not in DOMAIN.md §5's list: the list's structure (how many main items) is what reforms count, and taking
// `parent:` away passed review without a word.
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import type { Catalogue } from '../../catalogue/model.js';

/** The main item as people know it: its name when the catalogue lists it, else its code. */
function parentName(catalogue: Catalogue, code: string): string {
  return catalogue.powerByCode.get(code)?.value.name ?? code;
}

export default defineChangeClass({
  id: 'power/parent-changed',
  level: 'notice',
  messages: ['became-sub', 'became-main', 'moved'],
  *check(pair, context) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const before = pair.base.value.parent;
    const after = pair.head.value.parent;
    if (!before && !after) return;
    const from = before ? parentName(context.base.catalogue, before) : '';
    const to = after ? parentName(context.head.catalogue, after) : '';
    // A main item that was only recoded keeps its name: its sub-items did not move.
    if (before && after && (before === after || from === to)) return;
    const messageId = !before ? 'became-sub' : !after ? 'became-main' : 'moved';
    yield {
      classId: 'power/parent-changed',
      messageId,
      data: { name: pair.head.value.name, from, to },
      ...itemOf(pair),
      base: placeOf(pair.base, before ? 'parent' : 'code'),
      head: placeOf(pair.head, after ? 'parent' : 'code'),
    };
  },
});
