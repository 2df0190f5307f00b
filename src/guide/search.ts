// The search index the site ships: per item its name, department, category and link, and postings per character
// bigram. Tokenising is done by the site's own search.js, loaded here, so the index and the browser agree.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { GuideModel } from './model.js';
import { shortForms } from './abbreviations.js';
import type { SiteMemo } from './memo.js';

interface SearchApi {
  grams(text: string, withUnigrams: boolean): string[];
  search(index: SearchIndex, query: string): SearchResult[];
}

export interface SearchIndex {
  version: 1;
  /** [name, department, category, href, code] per item. */
  docs: Array<[string, string, string, string, string]>;
  /** Bigram (or single character) → delta-encoded, base-36, comma-separated item numbers. */
  grams: Record<string, string>;
}

export interface SearchResult {
  name: string;
  department: string;
  category: string;
  href: string;
  code: string;
  score: number;
}

export const SEARCH_SCRIPT = new URL('../../templates/site/assets/search.js', import.meta.url);

let api: SearchApi | undefined;

/** The browser's search code, run in a sandbox with no document. */
export function searchApi(script: URL | string = SEARCH_SCRIPT): SearchApi {
  if (api && script === SEARCH_SCRIPT) return api;
  const sandbox: { qingdanSearch?: SearchApi } = {};
  vm.runInNewContext(readFileSync(script, 'utf8'), { self: sandbox, globalThis: sandbox, URLSearchParams });
  const loaded = sandbox.qingdanSearch!;
  if (script === SEARCH_SCRIPT) api = loaded;
  return loaded;
}

/** What the index reads of a guide: all a worker thread needs to make it (searchEntry). */
export interface SearchEntry {
  name: string;
  href: string;
  code: string;
  searchText: string;
  department: { name: string };
  category: { name: string };
  coDepartments: ReadonlyArray<{ name: string }>;
}

export function searchEntry(guide: GuideModel): SearchEntry {
  const { name, href, code, searchText, department, category, coDepartments } = guide;
  return { name, href, code, searchText, department: { name: department.name }, category: { name: category.name }, coDepartments: coDepartments.map((d) => ({ name: d.name })) };
}

/** A guide's grams: names, departments and categories are short and matched on single characters too; the rest by bigrams. */
function gramsOf(guide: SearchEntry): string[] {
  const { grams } = searchApi();
  const departments = [guide.department.name, ...guide.coDepartments.map((d) => d.name)];
  const short = grams([guide.name, guide.category.name, ...departments, ...departments.flatMap(shortForms)].join('\n'), true);
  return [...new Set([...short, ...grams(guide.searchText, false)])];
}

/** Item numbers as deltas in base 36: 0,3,4 → "0,3,1". */
function encode(list: readonly number[]): string {
  let last = 0;
  return list
    .map((n) => {
      const delta = n - last;
      last = n;
      return delta.toString(36);
    })
    .join(',');
}

/** Where `value` is or would go in a sorted list (the order of Array.prototype.sort: UTF-16 code units; numbers). */
function place<T extends string | number>(list: readonly T[], value: T): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What a resident build keeps of the last index: an edit changes a few items' postings, not the whole index. */
export interface SearchState {
  guides: readonly SearchEntry[];
  postings: Map<string, number[]>;
  encoded: Map<string, string>;
  /** The grams in the order the index lists them. */
  sorted: string[];
}

function fullState(guides: readonly SearchEntry[], gramsFor: (guide: SearchEntry) => readonly string[]): SearchState {
  const postings = new Map<string, number[]>();
  guides.forEach((guide, i) => {
    for (const gram of gramsFor(guide)) {
      const list = postings.get(gram);
      if (list) list.push(i);
      else postings.set(gram, [i]);
    }
  });
  const sorted = [...postings.keys()].sort();
  return { guides, postings, sorted, encoded: new Map(sorted.map((gram) => [gram, encode(postings.get(gram)!)])) };
}

/** The last index brought up to date: only items whose model is another object are looked at again. */
function updatedState(state: SearchState, guides: readonly SearchEntry[], gramsFor: (guide: SearchEntry) => readonly string[]): SearchState {
  const touched = new Set<string>();
  guides.forEach((guide, i) => {
    const before = state.guides[i]!;
    if (guide === before) return;
    const now = new Set(gramsFor(guide));
    const then = new Set(gramsFor(before));
    for (const gram of then) {
      if (now.has(gram)) continue;
      const list = state.postings.get(gram)!;
      list.splice(place(list, i), 1);
      touched.add(gram);
    }
    for (const gram of now) {
      if (then.has(gram)) continue;
      let list = state.postings.get(gram);
      if (!list) {
        state.postings.set(gram, (list = []));
        state.sorted.splice(place(state.sorted, gram), 0, gram);
      }
      list.splice(place(list, i), 0, i);
      touched.add(gram);
    }
  });
  for (const gram of touched) {
    const list = state.postings.get(gram)!;
    if (list.length) state.encoded.set(gram, encode(list));
    else {
      state.postings.delete(gram);
      state.encoded.delete(gram);
      state.sorted.splice(place(state.sorted, gram), 1);
    }
  }
  return { ...state, guides };
}

/**
 * With a memo (a resident build), a guide model that is the same object as last time keeps its grams, and when the
 * items are the same in number the last index is updated rather than made again.
 */
export function buildSearchIndex(guides: readonly SearchEntry[], memo?: SiteMemo): SearchIndex {
  const gramsFor = (guide: SearchEntry): readonly string[] => {
    let grams = memo?.grams.get(guide);
    if (!grams) {
      grams = gramsOf(guide);
      memo?.grams.set(guide, grams);
    }
    return grams;
  };
  const previous = memo?.search;
  const state = previous && previous.guides.length === guides.length ? updatedState(previous, guides, gramsFor) : fullState(guides, gramsFor);
  if (memo) memo.search = state;
  const encoded: Record<string, string> = {};
  for (const gram of state.sorted) encoded[gram] = state.encoded.get(gram)!;
  return { version: 1, docs: guides.map((g) => [g.name, g.department.name, g.category.name, g.href, g.code]), grams: encoded };
}

/** The index as a classic script, so search works when the site is opened straight from disk (file://). */
export function searchIndexScript(index: SearchIndex): string {
  return `self.qingdanSearchIndex = ${JSON.stringify(index)};\n`;
}

/** Reads an index back from the script written by searchIndexScript. */
export function parseSearchIndexScript(text: string): SearchIndex {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return JSON.parse(text.slice(start, end + 1)) as SearchIndex;
}
