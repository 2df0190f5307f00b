// Shared by the online classes: which online steps an item gained and lost.
import type { OnlineStep, Power } from '../../schema/definitions.js';

export function onlineSteps(base: Power, head: Power): { gained: OnlineStep[]; lost: OnlineStep[] } {
  const before = new Set(base.online?.depth ?? []);
  const after = new Set(head.online?.depth ?? []);
  return { gained: [...after].filter((s) => !before.has(s)), lost: [...before].filter((s) => !after.has(s)) };
}
