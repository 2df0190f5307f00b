// Shared by the visit classes.
import type { Power } from '../../schema/definitions.js';

export function visitsOf(power: Power): number {
  return power.visits ?? 0;
}
