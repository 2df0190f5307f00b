// Shared by divergence classes: places, the materials and fees of a pair matched once, citations as comparable keys.
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { Citation, Fee, Material, Power } from '../schema/definitions.js';
import { placeOf } from '../diff/helpers.js';
import { compact, lawKey, matchNames, type NameMatching } from './normalise.js';
import type { ItemPair } from './types.js';

export { placeOf };

export function bothSides(pair: ItemPair): pair is ItemPair & { reference: Entry<Power>; local: Entry<Power> } {
  return pair.reference !== undefined && pair.local !== undefined;
}

const matchings = { materials: new WeakMap<ItemPair, NameMatching<Material>>(), fees: new WeakMap<ItemPair, NameMatching<Fee>>() };

/** Both material classes and the loose-match notes read one matching per pair (likewise for fees). */
function matchingOf<K extends keyof typeof matchings>(list: K, pair: ItemPair & { reference: Entry<Power>; local: Entry<Power> }): K extends 'materials' ? NameMatching<Material> : NameMatching<Fee> {
  const cache = matchings[list] as WeakMap<ItemPair, NameMatching<{ name: string }>>;
  let matching = cache.get(pair);
  if (!matching) {
    matching = matchNames<{ name: string }>(pair.reference.value[list], pair.local.value[list]);
    cache.set(pair, matching);
  }
  return matching as K extends 'materials' ? NameMatching<Material> : NameMatching<Fee>;
}

export const materialsOf = (pair: ItemPair & { reference: Entry<Power>; local: Entry<Power> }): NameMatching<Material> => matchingOf('materials', pair);
export const feesOf = (pair: ItemPair & { reference: Entry<Power>; local: Entry<Power> }): NameMatching<Fee> => matchingOf('fees', pair);

/**
 * Offices keep their own law ids, so citations compare by the law's title (marks and widths ignored) and article.
 * Returns the comparable key and what to show for each citation.
 */
export function citations(list: readonly Citation[], catalogue: Catalogue): Map<string, string> {
  const out = new Map<string, string>();
  for (const citation of list) {
    const title = catalogue.lawById.get(citation.law)?.value.title ?? citation.law;
    const article = compact(citation.article ?? '');
    const key = `${lawKey(title)}\u0000${article}`;
    if (!out.has(key)) out.set(key, `《${lawKey(title)}》${article}`);
  }
  return out;
}

/** A list for a message: 、-joined, as both languages' messages quote them. */
export function listed(items: readonly string[]): string {
  return items.join('、');
}
