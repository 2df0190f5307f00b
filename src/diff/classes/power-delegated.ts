// power/delegated: the item moved to another level or department (下放、委托、划转).
import { defineChangeClass } from '../types.js';
import { bothSides, isCancelled, itemOf, placeOf } from '../helpers.js';
import { renamedDepartment } from '../match.js';

export default defineChangeClass({
  id: 'power/delegated',
  level: 'notice',
  messages: ['department', 'level', 'status'],
  *check(pair, context) {
    // A cancelled item has no department to move to: power/cancelled says all there is.
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const base = pair.base.value;
    const head = pair.head.value;
    const item = itemOf(pair);
    // A department whose id was edited (same credit code) is the same body: no move.
    if (renamedDepartment(context.departmentRenames, base.department) !== head.department) {
      const from = context.base.catalogue.departmentById.get(base.department)?.value.name ?? base.department;
      const to = context.head.catalogue.departmentById.get(head.department)?.value.name ?? head.department;
      yield { classId: 'power/delegated', messageId: 'department', data: { name: head.name, from, to }, ...item, base: placeOf(pair.base, 'department'), head: placeOf(pair.head, 'department'), detail: 'department' };
    }
    const baseLevel = base.level ?? '';
    const headLevel = head.level ?? '';
    if (baseLevel && headLevel && baseLevel !== headLevel) {
      yield { classId: 'power/delegated', messageId: 'level', data: { name: head.name, from: baseLevel, to: headLevel }, ...item, base: placeOf(pair.base, 'level'), head: placeOf(pair.head, 'level'), detail: 'level' };
    }
    if (base.status !== 'delegated' && head.status === 'delegated') {
      yield { classId: 'power/delegated', messageId: 'status', data: { name: head.name, by: head.delegated_by ? (context.head.catalogue.departmentById.get(head.delegated_by)?.value.name ?? head.delegated_by) : '' }, ...item, base: placeOf(pair.base, 'code'), head: placeOf(pair.head, 'status'), detail: 'status' };
    }
  },
});
