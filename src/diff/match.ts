// Phase one: match items by code; then pair leftovers whose code changed but whose name, department and basis did not,
// and, failing that, whose name and basis did not (an item moved to another department).
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { Power } from '../schema/definitions.js';
import { citationSet } from './helpers.js';
import type { PowerPair } from './types.js';

type Identity = (power: Power) => string;

const sameItem: Identity = (power) => JSON.stringify([power.name, power.department, citationSet(power.basis)]);
// Under the national profile a code begins with the department's credit code, so an item moved to another department
// (划转) always changes code: without this second pass power/delegated could never say so.
const movedItem: Identity = (power) => JSON.stringify([power.name, citationSet(power.basis)]);

/** Pairs entries whose identity has exactly one candidate on each side; anything ambiguous stays removed + added. */
function pairUnique(removed: Array<Entry<Power>>, added: Array<Entry<Power>>, identity: Identity, pairs: PowerPair[]): { removed: Array<Entry<Power>>; added: Array<Entry<Power>> } {
  const byIdentity = (entries: Array<Entry<Power>>) => {
    const map = new Map<string, Array<Entry<Power>>>();
    for (const entry of entries) {
      const key = identity(entry.value);
      map.set(key, [...(map.get(key) ?? []), entry]);
    }
    return map;
  };
  const addedBy = byIdentity(added);
  const pairedBase = new Set<Entry<Power>>();
  const pairedHead = new Set<Entry<Power>>();
  for (const [key, bases] of byIdentity(removed)) {
    const heads = addedBy.get(key);
    if (bases.length === 1 && heads?.length === 1) {
      pairs.push({ base: bases[0]!, head: heads[0]!, recoded: true });
      pairedBase.add(bases[0]!);
      pairedHead.add(heads[0]!);
    }
  }
  return { removed: removed.filter((entry) => !pairedBase.has(entry)), added: added.filter((entry) => !pairedHead.has(entry)) };
}

export function matchPowers(base: Catalogue, head: Catalogue, skip: ReadonlySet<string>): PowerPair[] {
  const pairs: PowerPair[] = [];
  let removed: Array<Entry<Power>> = [];
  for (const entry of base.powerByCode.values()) {
    if (skip.has(entry.value.code)) continue;
    const other = head.powerByCode.get(entry.value.code);
    if (other) pairs.push({ base: entry, head: other });
    else removed.push(entry);
  }
  let added = [...head.powerByCode.values()].filter((entry) => !skip.has(entry.value.code) && !base.powerByCode.has(entry.value.code));

  ({ removed, added } = pairUnique(removed, added, sameItem, pairs));
  ({ removed, added } = pairUnique(removed, added, movedItem, pairs));
  for (const entry of removed) pairs.push({ base: entry });
  for (const entry of added) pairs.push({ head: entry });
  return pairs;
}
