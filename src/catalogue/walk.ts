// Enumerates the places in a catalogue where a kind of reference occurs, so each ref rule stays a few lines.
import type { Catalogue, Entry, Sections } from './model.js';
import type { Citation } from '../schema/definitions.js';
import type { DocPath } from '../findings.js';
import { SECTION_NAMES } from '../schema/values.js';

export interface Occurrence<T> {
  value: T;
  file: string;
  path: DocPath;
}

function at<T>(entry: Entry<unknown>, rest: DocPath, value: T): Occurrence<T> {
  return { value, file: entry.file, path: [...entry.path, ...rest] };
}

function citationList(out: Array<Occurrence<Citation>>, entry: Entry<unknown>, rest: DocPath, list: Citation[] | undefined): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) out.push(at(entry, [...rest, i], list[i]!));
}

/** A section's entries in runs of one file each (sections list them file by file). */
export function fileRuns<T>(entries: ReadonlyArray<Entry<T>>): ReadonlyArray<ReadonlyArray<Entry<T>>> {
  let runs = runsOf.get(entries) as Array<Array<Entry<T>>> | undefined;
  if (!runs) {
    runs = [];
    for (let start = 0, end = 1; start < entries.length; start = end, end = start + 1) {
      while (end < entries.length && entries[end]!.file === entries[start]!.file) end++;
      runs.push(entries.slice(start, end));
    }
    runsOf.set(entries, runs);
  }
  return runs;
}

/**
 * The runs of each list, kept while the list lives: the rules of one build ask for the same sections' runs, and a
 * resident build's memo compares each run array once (rules/entry-memo.ts). Lists are never changed once made.
 */
const runsOf = new WeakMap<ReadonlyArray<Entry<unknown>>, ReadonlyArray<ReadonlyArray<Entry<unknown>>>>();

/** What a resident build keeps of each entry between builds (rules/entry-memo.ts): `make`'s result for an unchanged entry. */
export interface EntryCache {
  ofRun<T>(key: string, run: ReadonlyArray<Entry<object>>, make: () => T): T;
}

/** How each section's entries add their occurrences, walked in the format's order of sections (SECTION_NAMES). */
type Walkers<T> = { [S in keyof Sections]?: (out: Array<Occurrence<T>>, entry: Sections[S][number]) => void };

/**
 * Several rules walk the same references; each list is built once per catalogue. With a resident build's cache, each
 * file's part of the list is kept while its entries are unchanged: on 4,000 items the walks made 40,000 occurrences,
 * each with its path, on every edit `serve` rebuilt for.
 */
function memoise<T>(kind: string, walkers: Walkers<T>): (catalogue: Catalogue, cache?: EntryCache) => ReadonlyArray<Occurrence<T>> {
  const memo = new WeakMap<Catalogue, Array<Occurrence<T>>>();
  return (catalogue, cache) => {
    let list = memo.get(catalogue);
    if (!list) {
      const out: Array<Occurrence<T>> = [];
      for (const section of SECTION_NAMES) {
        const each = walkers[section] as ((out: Array<Occurrence<T>>, entry: Entry<object>) => void) | undefined;
        if (!each) continue;
        const entries = catalogue.sections[section] as Array<Entry<object>>;
        if (!cache) {
          for (const entry of entries) each(out, entry);
          continue;
        }
        // Each file's run is kept whole: a look-up per entry cost what it saved.
        for (const run of fileRuns(entries)) {
          const own = cache.ofRun(kind, run, () => {
            const made: Array<Occurrence<T>> = [];
            for (const entry of run) each(made, entry);
            return made;
          });
          for (const occurrence of own) out.push(occurrence);
        }
      }
      list = out;
      memo.set(catalogue, list);
    }
    return list;
  };
}

/** Every legal citation in the catalogue, wherever a `basis` list may stand. */
export const citations = memoise<Citation>('walk:citations', {
  powers: (out, entry) => {
    const power = entry.value;
    citationList(out, entry, ['basis'], power.basis);
    power.special_procedures?.forEach((procedure, i) => citationList(out, entry, ['special_procedures', i, 'basis'], procedure.basis));
    power.materials?.forEach((material, i) => citationList(out, entry, ['materials', i, 'basis'], material.basis));
    power.fees?.forEach((fee, i) => {
      citationList(out, entry, ['fees', i, 'basis'], fee.basis);
      citationList(out, entry, ['fees', i, 'waiver_basis'], fee.waiver_basis);
    });
  },
  responsibilities: (out, entry) => {
    const responsibility = entry.value;
    if ('power' in responsibility) {
      responsibility.duties.forEach((duty, i) => citationList(out, entry, ['duties', i, 'basis'], duty.basis));
      citationList(out, entry, ['accountability', 'basis'], responsibility.accountability?.basis);
    } else {
      responsibility.boundaries?.forEach((boundary, i) => citationList(out, entry, ['boundaries', i, 'basis'], boundary.basis));
    }
  },
});

/** Every place that names a department by id. */
export const departmentReferences = memoise<string>('walk:departments', {
  departments: (out, entry) => {
    if (entry.value.parent !== undefined) out.push(at(entry, ['parent'], entry.value.parent));
  },
  powers: (out, entry) => {
    const power = entry.value;
    out.push(at(entry, ['department'], power.department));
    power.co_departments?.forEach((id, i) => out.push(at(entry, ['co_departments', i], id)));
    if (power.delegated_by !== undefined) out.push(at(entry, ['delegated_by'], power.delegated_by));
  },
  responsibilities: (out, entry) => {
    const responsibility = entry.value;
    if ('department' in responsibility) {
      out.push(at(entry, ['department'], responsibility.department));
      responsibility.boundaries?.forEach((boundary, i) => out.push(at(entry, ['boundaries', i, 'with'], boundary.with)));
    }
  },
  flows: (out, entry) => {
    entry.value.steps.forEach((step, i) => {
      if (step.department !== undefined) out.push(at(entry, ['steps', i, 'department'], step.department));
    });
  },
});

/** Every place that names a power by code (responsibilities and flows; a power's parent is ref/parent's). */
export const powerReferences = memoise<string>('walk:powers', {
  responsibilities: (out, entry) => {
    if ('power' in entry.value) out.push(at(entry, ['power'], entry.value.power));
  },
  flows: (out, entry) => {
    if (entry.value.power !== undefined) out.push(at(entry, ['power'], entry.value.power));
    entry.value.powers?.forEach((code, i) => out.push(at(entry, ['powers', i], code)));
  },
});

/** The codes of the powers a flow serves. */
export function flowPowerCodes(flow: { power?: string; powers?: string[] }): string[] {
  return [...(flow.power !== undefined ? [flow.power] : []), ...(flow.powers ?? [])];
}
