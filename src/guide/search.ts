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

/** A guide's grams: names, departments and categories are short and matched on single characters too; the rest by bigrams. */
function gramsOf(guide: GuideModel): string[] {
  const { grams } = searchApi();
  const departments = [guide.department.name, ...guide.coDepartments.map((d) => d.name)];
  const short = grams([guide.name, guide.category.name, ...departments, ...departments.flatMap(shortForms)].join('\n'), true);
  return [...new Set([...short, ...grams(guide.searchText, false)])];
}

/** With a memo (a resident build), a guide model that is the same object as last time keeps its grams. */
export function buildSearchIndex(guides: readonly GuideModel[], memo?: SiteMemo): SearchIndex {
  const postings = new Map<string, number[]>();
  guides.forEach((guide, i) => {
    let grams = memo?.grams.get(guide);
    if (!grams) {
      grams = gramsOf(guide);
      memo?.grams.set(guide, grams);
    }
    for (const gram of grams) {
      const list = postings.get(gram);
      if (list) list.push(i);
      else postings.set(gram, [i]);
    }
  });
  const encoded: Record<string, string> = {};
  for (const gram of [...postings.keys()].sort()) {
    let last = 0;
    encoded[gram] = postings
      .get(gram)!
      .map((n) => {
        const delta = n - last;
        last = n;
        return delta.toString(36);
      })
      .join(',');
  }
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
