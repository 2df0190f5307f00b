// Shared by the time classes: both limits in the head's unit, so a change of unit alone is no change.
import { convert, toHundredths } from '../../flow/time.js';
import type { Power } from '../../schema/definitions.js';

export function limits(base: Power, head: Power): { unit: Power['time_limit']['unit']; basePromised: number; baseStatutory: number; headPromised: number; headStatutory: number } {
  const unit = head.time_limit.unit;
  return {
    unit,
    basePromised: toHundredths(convert(base.time_limit.promised, base.time_limit.unit, unit)),
    baseStatutory: toHundredths(convert(base.time_limit.statutory, base.time_limit.unit, unit)),
    headPromised: head.time_limit.promised,
    headStatutory: head.time_limit.statutory,
  };
}
