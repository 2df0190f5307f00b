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
  /** Runs of one file's entries, by their first entry's value. */
  private readonly runs = new WeakMap<object, Map<string, { file: string; entries: Array<{ value: object; path: DocPath }>; value: unknown }>>();

  /** What `make` gives for `entry`, or what it gave last time under `key` for the same value at the same place. */
  of<T>(key: string, entry: Entry<object>, make: () => T): T {
    return this.ofRun(key, [entry], make);
  }

  /**
   * What `make` gives for a run of entries of one file (as sections list them, file by file), or what it gave last
   * time under `key` for the same values at the same places: one look-up for a file's entries instead of one each.
   */
  ofRun<T>(key: string, run: ReadonlyArray<Entry<object>>, make: () => T): T {
    const first = run[0]!;
    let byKey = this.runs.get(first.value);
    const kept = byKey?.get(key);
    if (kept && kept.file === first.file && kept.entries.length === run.length && kept.entries.every((entry, i) => entry.value === run[i]!.value && samePath(entry.path, run[i]!.path))) {
      return kept.value as T;
    }
    const value = make();
    if (!byKey) {
      byKey = new Map();
      this.runs.set(first.value, byKey);
    }
    byKey.set(key, { file: first.file, entries: run.map(({ value, path }) => ({ value, path })), value });
    return value;
  }
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
