// What a resident build (`qingdan serve`) keeps from one build to the next, so that after an edit only what the
// edit reaches is made again: guide models with what they read, page keys, and the per-entry pieces of the files
// that list every item (open data, search index). A one-off `qingdan build` has none of this.
//
// It relies on the loader giving unchanged files' entries back as the same objects (LoadOptions.shared): an entry
// that is the same object is the same data. Anything else is compared by value.
import { randomBytes } from 'node:crypto';
import type { FlowModel } from '../flow/model.js';
import type { CatalogueRead, GuideModel } from './model.js';
import type { SearchState } from './search.js';
import { sameThrough, type ReadTree } from './template-reads.js';

export interface GuideMemo {
  /** The entry the model was made from. */
  power: object;
  reads: readonly CatalogueRead[];
  guide: GuideModel;
  flow: FlowModel | undefined;
  key: string;
  context: Record<string, unknown>;
}

export interface FlowMemo {
  flow: object;
  reads: readonly CatalogueRead[];
  model: FlowModel;
}

/** Equal as data: the same object, or plain arrays and objects whose members are equal (undefined members count). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

export class SiteMemo {
  /** Keys made here never meet keys of another session (or of a one-off build, which are hashes). */
  private readonly session = randomBytes(6).toString('hex');
  private counter = 0;
  /** What the pages were made with: templates, locale, site chrome. When it changes, nothing here holds. */
  private chrome: string | undefined;
  readonly guides = new Map<string, GuideMemo>();
  readonly flows = new Map<string, FlowMemo>();
  private readonly contexts = new Map<string, { context: unknown; key: string }>();
  /** Contexts of pages made from a few entries, with those entries and what making the context read. */
  private readonly made = new Map<string, { inputs: unknown[]; reads: readonly CatalogueRead[]; context: Record<string, unknown> }>();
  /**
   * Open data's JSON (catalogue.json's sections, services.jsonld's nodes) per chunk of entries, by its first entry
   * object (opendata.ts, commaLed). Chunks whose entries are gone are collected with their objects.
   */
  private jsonChunks = new Map<string, WeakMap<object, { values: readonly object[]; bytes: Buffer }>>();
  /** Per CSV table and entry: what its rows read from other entries, and their text. */
  private tables = new Map<string, WeakMap<object, { reads: string; bytes: Buffer }>>();
  /** Open data files' sizes when last made (the data page shows them). */
  readonly sizes = new Map<string, number>();
  /** The last search index, to update after an edit (search.ts). */
  search: SearchState | undefined;
  /** Per guide model: its search grams. */
  readonly grams = new WeakMap<object, readonly string[]>();

  /** Starts a build with this chrome; a different one (templates, locale, site name edited) forgets everything. */
  begin(chrome: string): void {
    if (chrome === this.chrome) return;
    this.chrome = chrome;
    this.guides.clear();
    this.flows.clear();
    this.contexts.clear();
    this.made.clear();
    this.search = undefined;
    this.tables = new Map();
    // A node's JSON-LD holds locale-dependent labels (the catalogue's JSON does not, but is cheap to make again).
    this.jsonChunks = new Map();
    this.sizes.clear();
  }

  chunks(kind: string): WeakMap<object, { values: readonly object[]; bytes: Buffer }> {
    return weakMapIn(this.jsonChunks, kind);
  }

  csv(table: string): WeakMap<object, { reads: string; bytes: Buffer }> {
    return weakMapIn(this.tables, table);
  }

  /**
   * The key of a page made from `context`: the last one while what the page reads of it is the same (all of it, or
   * through `reads`, what its template reads: template-reads.ts).
   */
  pageKey(pagePath: string, context: unknown, reads?: ReadTree): string {
    const previous = this.contexts.get(pagePath);
    if (previous && (reads ? sameThrough(previous.context, context, reads, sameValue) : sameValue(previous.context, context))) {
      previous.context = context;
      return previous.key;
    }
    const key = `${this.session}-${++this.counter}`;
    this.contexts.set(pagePath, { context, key });
    return key;
  }

  contextOf(pagePath: string): { inputs: unknown[]; reads: readonly CatalogueRead[]; context: Record<string, unknown> } | undefined {
    return this.made.get(pagePath);
  }

  rememberContext(pagePath: string, made: { inputs: unknown[]; reads: readonly CatalogueRead[]; context: Record<string, unknown> }): void {
    this.made.set(pagePath, made);
  }

  /** Forgets pages that are no longer in the site. */
  keepPages(paths: ReadonlySet<string>): void {
    for (const pagePath of this.contexts.keys()) if (!paths.has(pagePath)) this.contexts.delete(pagePath);
    for (const pagePath of this.made.keys()) if (!paths.has(pagePath)) this.made.delete(pagePath);
  }
}

/** The weak map kept under `key`, made on first use. */
function weakMapIn<V>(maps: Map<string, WeakMap<object, V>>, key: string): WeakMap<object, V> {
  let memo = maps.get(key);
  if (!memo) maps.set(key, (memo = new WeakMap()));
  return memo;
}
