// Findings of rules that read nothing but one entry (and what rules make of one entry), kept while that entry is the
// same object.
//
// `qingdan serve` reloads only the files whose bytes changed; the others keep their parsed values (LoadOptions.shared),
// so a flow that was not edited is the very same object in the next build, and a rule that reads only that flow finds
// the same things again. Walking the graphs of 4,000 flows for the flow rules took about 55 ms of every edit. A
// one-off validate has no memo (ctx.entries is undefined): keeping results for 100k flows that are never asked for
// again would only cost (see decisions.md, "Flow graphs are shared, walk results are not").
import type { Entry } from '../catalogue/model.js';
import { fileRuns } from '../catalogue/walk.js';
import type { DocPath, RawFinding } from '../findings.js';

const NONE: readonly RawFinding[] = [];

export class EntryMemo {
  /** One entry's values, by the entry's value: its place as last seen, and what each key made of it. */
  private readonly single = new WeakMap<object, { file: string; path: DocPath; made: Map<string, unknown> }>();
  /** Runs of one file's entries, by their first entry's value: the run as last seen, and what each key made of it. */
  private readonly runs = new WeakMap<object, KeptRun>();
  /**
   * Run arrays already compared with the kept run. fileRuns gives every rule of a build the same arrays for a list,
   * so a file's run is compared once a build, not once per rule (14 rules and the reference walks on every edit).
   */
  private readonly compared = new WeakMap<ReadonlyArray<Entry<object>>, KeptRun>();

  /** What `make` gives for `entry`, or what it gave last time under `key` for the same value at the same place. */
  of<T>(key: string, entry: Entry<object>, make: () => T): T {
    let kept = this.single.get(entry.value);
    if (!kept || kept.file !== entry.file || !samePath(kept.path, entry.path)) {
      kept = { file: entry.file, path: entry.path, made: new Map() };
      this.single.set(entry.value, kept);
    }
    return made(kept.made, key, make);
  }

  /**
   * What `make` gives for a run of entries of one file (as sections list them, file by file), or what it gave last
   * time under `key` for the same values at the same places: one look-up for a file's entries instead of one each.
   */
  ofRun<T>(key: string, run: ReadonlyArray<Entry<object>>, make: () => T): T {
    let kept = this.compared.get(run);
    if (!kept) {
      const first = run[0]!;
      kept = this.runs.get(first.value);
      if (!kept || kept.file !== first.file || kept.entries.length !== run.length || !kept.entries.every((entry, i) => entry.value === run[i]!.value && samePath(entry.path, run[i]!.path))) {
        kept = { file: first.file, entries: run.map(({ value, path }) => ({ value, path })), made: new Map() };
        this.runs.set(first.value, kept);
      }
      this.compared.set(run, kept);
    }
    return made(kept.made, key, make);
  }
}

interface KeptRun {
  file: string;
  entries: Array<{ value: object; path: DocPath }>;
  made: Map<string, unknown>;
}

/** What `make` gave under `key`, made now if it never did. */
function made<T>(kept: Map<string, unknown>, key: string, make: () => T): T {
  if (kept.has(key)) return kept.get(key) as T;
  const value = make();
  kept.set(key, value);
  return value;
}

function samePath(a: DocPath, b: DocPath): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/**
 * A rule's findings for each entry of `list`, each read alone: through the memo when there is one (a resident build),
 * which keeps the findings of each file's run of entries while they are unchanged (a look-up per entry cost serve
 * 5–8 ms a rule on 4,000 flows), else made now.
 */
export function* eachEntry<T extends object>(memo: EntryMemo | undefined, ruleId: string, list: ReadonlyArray<Entry<T>>, check: (entry: Entry<T>) => Iterable<RawFinding>): Generator<RawFinding> {
  if (!memo) {
    for (const entry of list) yield* check(entry);
    return;
  }
  for (const run of fileRuns(list)) {
    yield* memo.ofRun(ruleId, run, () => {
      const findings: RawFinding[] = [];
      for (const entry of run) for (const finding of check(entry)) findings.push(finding);
      return findings.length ? findings : NONE;
    });
  }
}
