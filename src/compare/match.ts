// Phase one of qingdan compare: which items of the offices are the same item. Items correspond by basic code; when
// one catalogue lists several items under one basic code (sequence numbers kept per department, or one item for
// several bodies), names decide within the code — identical, then loosely equal, then the one item left on each
// side. What is left over is an item of its own (an "extra" row, shared by offices whose items have the same code and
// name).
import type { Entry } from '../catalogue/model.js';
import type { Power } from '../schema/definitions.js';
import { looseName } from './normalise.js';

/** One office's items, as phase one needs them. */
export interface OfficeItems {
  index: number;
  /** Items in force, by basic code, in catalogue order. */
  items: Map<string, Entry<Power>[]>;
}

export interface MatchedRow {
  basicCode: string;
  /** The name the row is known by: the reference's (or the first office's) item. */
  name: string;
  /** Reference mode: the reference's item; absent on a row of extra items. */
  reference?: Entry<Power>;
  /** Each office's items on this row (usually one; more when a catalogue lists the item for several bodies). */
  items: Map<number, Entry<Power>[]>;
}

/**
 * Places one office's items on the rows: rows of the same basic code first (by name, then the single leftover),
 * and a new row for anything else. `shared` rows (extras in reference mode) may take items of several offices.
 */
function place(office: OfficeItems, byCode: Map<string, MatchedRow[]>, addRow: (row: MatchedRow) => void): void {
  for (const [basicCode, entries] of office.items) {
    const candidates = byCode.get(basicCode) ?? [];
    const taken = new Set<MatchedRow>();
    const left: Entry<Power>[] = [];
    const put = (row: MatchedRow, entry: Entry<Power>) => {
      row.items.set(office.index, [...(row.items.get(office.index) ?? []), entry]);
      taken.add(row);
    };
    const free = (row: MatchedRow) => !taken.has(row) && !row.items.has(office.index);
    for (const entry of entries) {
      const row = candidates.find((r) => free(r) && r.name.trim() === entry.value.name.trim());
      if (row) put(row, entry);
      else left.push(entry);
    }
    const stillLeft: Entry<Power>[] = [];
    for (const entry of left) {
      const key = looseName(entry.value.name);
      const row = candidates.find((r) => free(r) && looseName(r.name) === key);
      if (row) put(row, entry);
      else stillLeft.push(entry);
    }
    // One unnamed-alike item on each side under the same code: the same item, renamed.
    const open = candidates.filter(free);
    if (stillLeft.length === 1 && open.length === 1) {
      put(open[0]!, stillLeft[0]!);
      continue;
    }
    for (const entry of stillLeft) {
      const key = looseName(entry.value.name);
      // The same item listed again for another body: it joins the row this office already has for it.
      const own = candidates.find((r) => r.items.has(office.index) && looseName(r.name) === key);
      if (own) {
        own.items.get(office.index)!.push(entry);
        continue;
      }
      const row: MatchedRow = { basicCode, name: entry.value.name, items: new Map([[office.index, [entry]]]) };
      addRow(row);
      candidates.push(row);
      byCode.set(basicCode, candidates);
      taken.add(row);
    }
  }
}

/** Rows for reference mode: the reference's items in its order, then the extra items, by code and name. */
export function matchToReference(reference: OfficeItems, locals: OfficeItems[]): { rows: MatchedRow[]; extra: MatchedRow[] } {
  const rows: MatchedRow[] = [];
  const byCode = new Map<string, MatchedRow[]>();
  for (const [basicCode, entries] of reference.items) {
    for (const entry of entries) {
      const row: MatchedRow = { basicCode, name: entry.value.name, reference: entry, items: new Map() };
      rows.push(row);
      byCode.set(basicCode, [...(byCode.get(basicCode) ?? []), row]);
    }
  }
  const extra: MatchedRow[] = [];
  for (const office of locals) place(office, byCode, (row) => extra.push(row));
  extra.sort((a, b) => compare(a.basicCode, b.basicCode) || compare(a.name, b.name));
  return { rows, extra };
}

/** Rows for peers: every office's items in turn, in the order first seen. */
export function matchPeers(offices: OfficeItems[]): MatchedRow[] {
  const rows: MatchedRow[] = [];
  const byCode = new Map<string, MatchedRow[]>();
  for (const office of offices) place(office, byCode, (row) => rows.push(row));
  return rows;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
