// Small shared pieces for change classes: places, item identity, matching lists by name.
import type { Entry } from '../catalogue/model.js';
import type { Power } from '../schema/definitions.js';
import type { DocPath, Place } from '../findings.js';
import type { PowerPair, RawChange } from './types.js';

export function placeOf(entry: Entry<unknown> | undefined, ...rest: DocPath): Place | undefined {
  return entry ? { file: entry.file, path: [...entry.path, ...rest] } : undefined;
}

/** The fields every change of an item carries, taken from the head side when there is one. */
export function itemOf(pair: PowerPair): Pick<RawChange, 'code' | 'department' | 'name'> {
  const power = (pair.head ?? pair.base)!.value;
  return { code: power.code, department: power.department, name: power.name };
}

export function bothSides(pair: PowerPair): pair is { base: Entry<Power>; head: Entry<Power>; recoded?: boolean } {
  return pair.base !== undefined && pair.head !== undefined;
}

export function isCancelled(power: Power): boolean {
  return power.status === 'cancelled';
}

/**
 * Pairs list items by name (materials, fees): order alone is never a change. Returns pairs with their indexes, and the
 * items only one side has.
 */
export function matchByName<T extends { name: string }>(
  base: readonly T[] | undefined,
  head: readonly T[] | undefined,
): { matched: Array<{ base: T; head: T; baseIndex: number; headIndex: number }>; removed: Array<{ item: T; index: number }>; added: Array<{ item: T; index: number }> } {
  const headByName = new Map<string, number>();
  (head ?? []).forEach((item, index) => {
    if (!headByName.has(item.name)) headByName.set(item.name, index);
  });
  const matched: Array<{ base: T; head: T; baseIndex: number; headIndex: number }> = [];
  const removed: Array<{ item: T; index: number }> = [];
  const used = new Set<number>();
  (base ?? []).forEach((item, baseIndex) => {
    const headIndex = headByName.get(item.name);
    if (headIndex === undefined || used.has(headIndex)) removed.push({ item, index: baseIndex });
    else {
      used.add(headIndex);
      matched.push({ base: item, head: head![headIndex]!, baseIndex, headIndex });
    }
  });
  const added = (head ?? []).flatMap((item, index) => (used.has(index) ? [] : [{ item, index }]));
  return { matched, removed, added };
}

/** JSON with keys sorted, so that two values compare equal whatever order their keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A citation list as a set: order is not a change. */
export function citationSet(list: ReadonlyArray<{ law: string; article?: string }> | undefined): string[] {
  return [...new Set((list ?? []).map((c) => `${c.law}${c.article ? ` ${c.article}` : ''}`))].sort();
}

/** A department-level duty list entry is known by its department and its duty. */
export function dutyKey(entry: { department: string; duty: string }): string {
  return `${entry.department}\u0000${entry.duty.trim()}`;
}
