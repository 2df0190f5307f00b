// standard/online: online steps of the reference the office does not offer (notice); steps beyond the reference are
// better (info).
import { defineDivergenceClass } from '../types.js';
import { bothSides, placeOf } from '../helpers.js';
import { ONLINE_STEPS } from '../../schema/values.js';

export default defineDivergenceClass({
  id: 'standard/online',
  level: 'notice',
  messages: ['less', 'more'],
  *check(pair) {
    if (!bothSides(pair)) return;
    const reference = new Set(pair.reference.value.online?.depth ?? []);
    const local = new Set(pair.local.value.online?.depth ?? []);
    // In the steps' own order, so the message reads like the list it came from.
    const lacking = ONLINE_STEPS.filter((step) => reference.has(step) && !local.has(step));
    const beyond = ONLINE_STEPS.filter((step) => local.has(step) && !reference.has(step));
    const places = { reference: placeOf(pair.reference, pair.reference.value.online ? 'online' : 'name'), local: placeOf(pair.local, pair.local.value.online ? 'online' : 'name') };
    const name = pair.reference.value.name;
    if (lacking.length) yield { classId: 'standard/online', messageId: 'less', data: { name, steps: lacking.join(', ') }, ...places, detail: 'less' };
    else if (beyond.length) yield { classId: 'standard/online', messageId: 'more', data: { name, steps: beyond.join(', ') }, ...places, detail: 'more', level: 'info', better: true };
  },
});
