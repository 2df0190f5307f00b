// Step durations in the unit of an item's time limit.
import type { Step, TimeUnit } from '../schema/definitions.js';

// Converting through hours: a working day has 8 office hours, a calendar day 24. Days and working days count 1:1,
// which errs towards a longer flow — the safe side when checking a promise.
const HOURS: Record<TimeUnit, number> = { hours: 1, 'working-days': 8, days: 24 };

export function convert(value: number, from: TimeUnit, to: TimeUnit): number {
  if (from === to) return value;
  if (from !== 'hours' && to !== 'hours') return value;
  return (value * HOURS[from]) / HOURS[to];
}

/**
 * A time to two decimals, as limits are printed. A sum of large durations (1e308 days) would overflow to Infinity when
 * scaled by 100; it has no hundredths to round anyway and stays as it is.
 */
export function toHundredths(value: number): number {
  return rounded(value, 2);
}

/** A number to so many decimals; one too large to scale has none to round and stays as it is (Infinity too). */
export function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  return Number.isFinite(scaled) ? Math.round(scaled) / factor : value;
}

/** A step's weight on the time-limit path: 0 when it is not counted (不计入办结时限). */
export function countedDuration(step: Step, unit: TimeUnit): number {
  if (step.counted === false || step.duration === undefined) return 0;
  return convert(step.duration, step.unit ?? unit, unit);
}
