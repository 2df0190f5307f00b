// flow/steps-changed: the item's process (运行流程) gained, lost or changed steps (减环节 when it has fewer).
import { defineChangeClass } from '../types.js';
import { bothSides, canonical, isCancelled, itemOf, placeOf } from '../helpers.js';
import type { Flow } from '../../schema/definitions.js';
import { renamedDepartment } from '../match.js';

/** Steps by id, without presentation-only fields, so renaming a role or an output is not a process change. */
function shape(flow: Flow, renames: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  return new Map(flow.steps.map((step) => [step.id, canonical({ type: step.type, department: step.department === undefined ? undefined : renamedDepartment(renames, step.department), duration: step.duration, unit: step.unit, counted: step.counted, next: step.next, branches: step.branches, name: step.name })]));
}

export default defineChangeClass({
  id: 'flow/steps-changed',
  level: 'info',
  messages: ['changed'],
  *check(pair, context) {
    if (!bothSides(pair) || isCancelled(pair.head.value)) return;
    const before = context.base.flows.get(pair.base.value.code);
    const after = context.head.flows.get(pair.head.value.code);
    // The same object when the file did not change between the revisions (diff parses a shared blob once).
    if (!before || !after || before.value === after.value) return;
    const a = shape(before.value, context.departmentRenames);
    const b = shape(after.value);
    const added = [...b.keys()].filter((id) => !a.has(id));
    const removed = [...a.keys()].filter((id) => !b.has(id));
    const changed = [...b.keys()].filter((id) => a.has(id) && a.get(id) !== b.get(id));
    if (!added.length && !removed.length && !changed.length) return;
    yield {
      classId: 'flow/steps-changed',
      messageId: 'changed',
      data: { name: pair.head.value.name, flow: after.value.id, before: a.size, after: b.size, added: added.join(', ') || '—', removed: removed.join(', ') || '—', changed: changed.join(', ') || '—' },
      ...itemOf(pair),
      base: placeOf(before, 'steps'),
      head: placeOf(after, 'steps'),
    };
  },
});
