// Phase one: match departments renamed in place; match items by code, undo code swaps; then pair leftovers whose code
// changed but whose name, department and basis did not, and, failing that, whose name and basis did not (an item moved
// to another department).
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { Power } from '../schema/definitions.js';
import { citationSet } from './helpers.js';
import type { PowerPair } from './types.js';

type Identity = (power: Power) => string;

const sameItem: Identity = (power) => JSON.stringify([power.name, power.department, citationSet(power.basis)]);

/**
 * Base department ids that the head spells differently for the same body: the id was edited (rsj → hrss) while the
 * credit code — or, when neither side has one, the name — stayed. Only a head id new to the revision and the one
 * candidate is taken: such an edit renames a slug, it moves no power (power/delegated would list every item).
 */
export function departmentRenames(base: Catalogue, head: Catalogue): Map<string, string> {
  const out = new Map<string, string>();
  const newHeads = [...head.departmentById.values()].filter((entry) => !base.departmentById.has(entry.value.id));
  if (!newHeads.length) return out;
  const taken = new Set<string>();
  for (const { value: department } of base.departmentById.values()) {
    if (head.departmentById.has(department.id)) continue;
    const byCredit = department.credit_code ? newHeads.filter((entry) => entry.value.credit_code === department.credit_code) : [];
    const byName = !department.credit_code ? newHeads.filter((entry) => !entry.value.credit_code && entry.value.name.trim() === department.name.trim()) : [];
    const candidates = byCredit.length ? byCredit : byName;
    const id = candidates[0]?.value.id;
    if (candidates.length === 1 && id !== undefined && !taken.has(id)) {
      taken.add(id);
      out.set(department.id, id);
    }
  }
  return out;
}

/** The department id a base item has in the head's terms (through a renamed department id). */
export function renamedDepartment(renames: ReadonlyMap<string, string>, id: string): string {
  return renames.get(id) ?? id;
}
// Under the national profile a code begins with the department's credit code, so an item moved to another department
// (划转) always changes code: without this second pass power/delegated could never say so.
const movedItem: Identity = (power) => JSON.stringify([power.name, citationSet(power.basis)]);

/** Pairs entries whose identity has exactly one candidate on each side; anything ambiguous stays removed + added. */
function pairUnique(removed: Array<Entry<Power>>, added: Array<Entry<Power>>, identity: Identity, pairs: PowerPair[], baseIdentity: Identity = identity): { removed: Array<Entry<Power>>; added: Array<Entry<Power>> } {
  const byIdentity = (entries: Array<Entry<Power>>, keyOf: Identity) => {
    const map = new Map<string, Array<Entry<Power>>>();
    for (const entry of entries) {
      const key = keyOf(entry.value);
      map.set(key, [...(map.get(key) ?? []), entry]);
    }
    return map;
  };
  const addedBy = byIdentity(added, identity);
  const pairedBase = new Set<Entry<Power>>();
  const pairedHead = new Set<Entry<Power>>();
  for (const [key, bases] of byIdentity(removed, baseIdentity)) {
    const heads = addedBy.get(key);
    if (bases.length === 1 && heads?.length === 1) {
      pairs.push({ base: bases[0]!, head: heads[0]!, recoded: true });
      pairedBase.add(bases[0]!);
      pairedHead.add(heads[0]!);
    }
  }
  return { removed: removed.filter((entry) => !pairedBase.has(entry)), added: added.filter((entry) => !pairedHead.has(entry)) };
}

/**
 * Pairs matched by code whose items are not the same item (name, department or basis differ) are re-paired when each
 * item has exactly one same-item counterpart among them: two items that swapped codes are two recodes, not two
 * renames with every field changed. A side left without its counterpart is removed or added.
 */
function undoSwaps(pairs: PowerPair[], baseItem: Identity, renames: ReadonlyMap<string, string>, removed: Array<Entry<Power>>, added: Array<Entry<Power>>): PowerPair[] {
  // The very same object on both sides (a file unchanged between the revisions is parsed once) is the same item,
  // unless its department was renamed: its identities are not worked out (two JSON texts for each of 100,000 items).
  const same = (pair: PowerPair) => pair.base!.value === pair.head!.value && !renames.has(pair.base!.value.department);
  const mismatched = pairs.filter((pair) => !same(pair) && baseItem(pair.base!.value) !== sameItem(pair.head!.value));
  if (mismatched.length < 2) return pairs;
  const regrouped: PowerPair[] = [];
  const left = pairUnique(mismatched.map((pair) => pair.base!), mismatched.map((pair) => pair.head!), sameItem, regrouped, baseItem);
  if (!regrouped.length) return pairs;
  const leftBase = new Set(left.removed);
  const leftHead = new Set(left.added);
  const broken = new Set(mismatched.filter((pair) => !leftBase.has(pair.base!) || !leftHead.has(pair.head!)));
  for (const pair of broken) {
    if (leftBase.has(pair.base!)) removed.push(pair.base!);
    if (leftHead.has(pair.head!)) added.push(pair.head!);
  }
  return [...pairs.filter((pair) => !broken.has(pair)), ...regrouped];
}

export function matchPowers(base: Catalogue, head: Catalogue, skip: ReadonlySet<string>, renames: ReadonlyMap<string, string> = new Map()): PowerPair[] {
  let pairs: PowerPair[] = [];
  const baseItem: Identity = (power) => sameItem({ ...power, department: renamedDepartment(renames, power.department) });
  let removed: Array<Entry<Power>> = [];
  for (const entry of base.powerByCode.values()) {
    if (skip.has(entry.value.code)) continue;
    const other = head.powerByCode.get(entry.value.code);
    if (other) pairs.push({ base: entry, head: other });
    else removed.push(entry);
  }
  let added = [...head.powerByCode.values()].filter((entry) => !skip.has(entry.value.code) && !base.powerByCode.has(entry.value.code));
  pairs = undoSwaps(pairs, baseItem, renames, removed, added);

  ({ removed, added } = pairUnique(removed, added, sameItem, pairs, baseItem));
  ({ removed, added } = pairUnique(removed, added, movedItem, pairs));
  for (const entry of removed) pairs.push({ base: entry });
  for (const entry of added) pairs.push({ head: entry });
  return pairs;
}
