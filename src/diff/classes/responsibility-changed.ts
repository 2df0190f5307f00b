// responsibility/changed: the item's duties or accountability (责任清单) changed, appeared or disappeared; so did a
// department's own duty list (部门职责: tasks and boundaries with other departments), which belongs to no item.
import { defineChangeClass } from '../types.js';
import type { DepartmentResponsibility } from '../../schema/definitions.js';
import { bothSides, canonical, citationSet, isCancelled, itemOf, placeOf } from '../helpers.js';

/** What a duty list entry says, with order no change: its tasks as a set, its boundaries by department. */
function dutyContent(entry: DepartmentResponsibility): string {
  const boundaries = (entry.boundaries ?? []).map((b) => ({ with: b.with, division: b.division.trim(), basis: citationSet(b.basis) })).map(canonical).sort();
  const rest = { ...entry, department: undefined, duty: undefined, tasks: undefined, boundaries: undefined };
  return canonical({ tasks: [...new Set(entry.tasks.map((task) => task.trim()))].sort(), boundaries, rest });
}

export default defineChangeClass({
  id: 'responsibility/changed',
  level: 'notice',
  messages: ['changed', 'added', 'removed', 'duty-changed', 'duty-added', 'duty-removed'],
  *check(pair, context) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const before = context.base.responsibilities.get(pair.base.value.code);
    const after = context.head.responsibilities.get(pair.head.value.code);
    if (!before && !after) return;
    const item = itemOf(pair);
    const strip = (value: object) => canonical({ ...value, power: undefined });
    if (before && after) {
      // The same object when the file did not change between the revisions (diff parses a shared blob once).
      if (before.value === after.value || strip(before.value) === strip(after.value)) return;
      yield { classId: 'responsibility/changed', messageId: 'changed', data: { name: item.name }, ...item, base: placeOf(before), head: placeOf(after) };
    } else if (after) {
      yield { classId: 'responsibility/changed', messageId: 'added', data: { name: item.name }, ...item, head: placeOf(after) };
    } else {
      yield { classId: 'responsibility/changed', messageId: 'removed', data: { name: item.name }, ...item, base: placeOf(before) };
    }
  },
  *checkCatalogue(context) {
    const { base, head } = context;
    const departmentName = (id: string) => head.catalogue.departmentById.get(id)?.value.name ?? base.catalogue.departmentById.get(id)?.value.name ?? id;
    const change = (key: string, { department, duty }: DepartmentResponsibility, messageId: string) =>
      ({ classId: 'responsibility/changed', messageId, code: '', department, name: duty, data: { department: departmentName(department), duty }, detail: `duty:${key}` });
    for (const [key, after] of head.duties) {
      const before = base.duties.get(key);
      if (!before) yield { ...change(key, after.value, 'duty-added'), head: placeOf(after, 'duty') };
      else if (before.value !== after.value && dutyContent(before.value) !== dutyContent(after.value)) yield { ...change(key, after.value, 'duty-changed'), base: placeOf(before, 'duty'), head: placeOf(after, 'duty') };
    }
    for (const [key, before] of base.duties) if (!head.duties.has(key)) yield { ...change(key, before.value, 'duty-removed'), base: placeOf(before, 'duty') };
  },
});
