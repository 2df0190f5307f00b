// Phase one: match items by code; then pair leftovers whose code changed but whose name, department and basis did not.
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { Power } from '../schema/definitions.js';
import { citationSet } from './helpers.js';
import type { PowerPair } from './types.js';

function identity(power: Power): string {
  return JSON.stringify([power.name, power.department, citationSet(power.basis)]);
}

export function matchPowers(base: Catalogue, head: Catalogue, skip: ReadonlySet<string>): PowerPair[] {
  const pairs: PowerPair[] = [];
  const removed: Array<Entry<Power>> = [];
  for (const entry of base.powerByCode.values()) {
    if (skip.has(entry.value.code)) continue;
    const other = head.powerByCode.get(entry.value.code);
    if (other) pairs.push({ base: entry, head: other });
    else removed.push(entry);
  }
  const added = [...head.powerByCode.values()].filter((entry) => !skip.has(entry.value.code) && !base.powerByCode.has(entry.value.code));

  // A recode needs exactly one candidate on each side; anything ambiguous stays removed + added.
  const byIdentity = (entries: Array<Entry<Power>>) => {
    const map = new Map<string, Array<Entry<Power>>>();
    for (const entry of entries) {
      const key = identity(entry.value);
      map.set(key, [...(map.get(key) ?? []), entry]);
    }
    return map;
  };
  const removedBy = byIdentity(removed);
  const addedBy = byIdentity(added);
  const recodedBase = new Set<Entry<Power>>();
  const recodedHead = new Set<Entry<Power>>();
  for (const [key, bases] of removedBy) {
    const heads = addedBy.get(key);
    if (bases.length === 1 && heads?.length === 1) {
      pairs.push({ base: bases[0]!, head: heads[0]!, recoded: true });
      recodedBase.add(bases[0]!);
      recodedHead.add(heads[0]!);
    }
  }
  for (const entry of removed) if (!recodedBase.has(entry)) pairs.push({ base: entry });
  for (const entry of added) if (!recodedHead.has(entry)) pairs.push({ head: entry });
  return pairs;
}
