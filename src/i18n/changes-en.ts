// English messages for qingdan diff's change classes, keyed by class id and message id.
import type { RuleMessages } from './types.js';

export const changes: RuleMessages = {
  'power/added': { description: 'A new item, or a cancelled one back in force. Breaking when it has no justification (the "边减边增" guard), except in a catalogue\'s first version (no catalogue at the base revision).', messages: { added: 'New item "{name}" ({category|category}).', unjustified: 'New item "{name}" ({category|category}) has no justification.' } },
  'power/removed': { description: 'An item was deleted from the list (rather than marked cancelled).', messages: { removed: 'Item "{name}" ({code}) was deleted. If it was cancelled, keep the entry with status: cancelled.' } },
  'power/cancelled': { description: 'An item\'s status became cancelled.', messages: { cancelled: 'Item "{name}" cancelled.' } },
  'power/suspended': { description: 'An item was suspended, or resumed (cancellation is power/cancelled).', messages: { suspended: 'Item "{name}" suspended.', resumed: 'Item "{name}" resumed.' } },
  'power/parent-changed': { description: 'An item became a sub-item of another, a main item again, or moved under another main item.', messages: { 'became-sub': 'Item "{name}" is now a sub-item of "{to}".', 'became-main': 'Item "{name}" is no longer a sub-item of "{from}": it is a main item.', moved: 'Sub-item "{name}" moved from "{from}" to "{to}".' } },
  'power/recoded': { description: 'The code changed while name and basis stayed: the same item, renumbered (a new department is reported as power/delegated too).', messages: { recoded: 'Item "{name}" recoded: {from} → {to}.' } },
  'power/renamed': { description: 'An item was renamed.', messages: { renamed: 'Item renamed: "{from}" → "{to}".' } },
  'power/category-changed': { description: 'An item moved to another category.', messages: { changed: 'Item "{name}" moved from {from|category} to {to|category}.' } },
  'power/delegated': {
    description: 'An item moved to another department or level, or was delegated.',
    messages: { department: 'Item "{name}" moved from department {from} to {to}.', level: 'Item "{name}" moved from {from|level} to {to|level} level.', status: 'Item "{name}" delegated (by {by}).' },
  },
  'time/promised-shortened': { description: 'The promised time limit got shorter.', messages: { shortened: '"{name}": promised time limit shortened from {from|time:unit} to {to|time:unit}.' } },
  'time/promised-lengthened': { description: 'The promised time limit got longer.', messages: { lengthened: '"{name}": promised time limit lengthened from {from|time:unit} to {to|time:unit}.' } },
  'time/statutory-changed': { description: 'The statutory time limit changed.', messages: { changed: '"{name}": statutory time limit changed from {from|time:unit} to {to|time:unit}.' } },
  'material/added': { description: 'A new required material.', messages: { added: '"{name}": new material "{material}".' } },
  'material/removed': { description: 'A material is no longer required.', messages: { removed: '"{name}": material "{material}" no longer required.' } },
  'material/changed': { description: 'A material is required differently (required, copies, medium, source, condition).', messages: { changed: '"{name}": material "{material}" changed: {changes}.' } },
  'visits/reduced': { description: 'Fewer in-person visits.', messages: { reduced: '"{name}": in-person visits down from {from} to {to}.' } },
  'visits/increased': { description: 'More in-person visits.', messages: { increased: '"{name}": in-person visits up from {from} to {to}.' } },
  'online/deepened': { description: 'More of the item can be done online.', messages: { deepened: '"{name}": now online too: {steps|online}.' } },
  'online/reduced': { description: 'Less of the item can be done online.', messages: { reduced: '"{name}": no longer online: {steps|online}.' } },
  'fee/added': { description: 'A new fee.', messages: { added: '"{name}": new fee "{fee}" ({standard}).' } },
  'fee/removed': { description: 'A fee dropped.', messages: { removed: '"{name}": fee "{fee}" dropped.' } },
  'fee/changed': { description: 'A fee\'s standard, basis or waiver changed.', messages: { standard: '"{name}": fee "{fee}" changed from "{from}" to "{to}".', other: '"{name}": the basis or waiver of fee "{fee}" changed.' } },
  'basis/changed': { description: 'The legal basis changed.', messages: { changed: '"{name}": legal basis changed; added {added}; removed {removed}.' } },
  'responsibility/changed': { description: 'The duties or accountability of an item changed, or a department\'s own duty list (tasks, boundaries).', messages: { changed: '"{name}": duties or accountability changed.', added: '"{name}": responsibility entry added.', removed: '"{name}": responsibility entry removed.', 'duty-changed': 'Department {department}: the tasks or boundaries of the duty "{duty}" changed.', 'duty-added': 'Department {department}: duty "{duty}" added.', 'duty-removed': 'Department {department}: duty "{duty}" removed.' } },
  'flow/steps-changed': { description: 'The steps of an item\'s flow changed.', messages: { changed: '"{name}": flow {flow} went from {before} to {after} steps (added: {added}; removed: {removed}; changed: {changed}).' } },
};
