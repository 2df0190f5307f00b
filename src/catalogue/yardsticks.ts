// The reform's yardsticks as definitions shared by rules, statistics and diff.
import type { OnlineStep } from '../schema/definitions.js';

/** The online steps that together make an item "全程网办" (fully online); zero visits is checked separately. */
export const FULL_ONLINE_STEPS: readonly OnlineStep[] = ['accept', 'handle', 'result'];

export function isFullOnline(depth: readonly OnlineStep[] | undefined): boolean {
  return !!depth && FULL_ONLINE_STEPS.every((step) => depth.includes(step));
}
