// Findings of rules that read nothing but one entry (and what rules make of one entry), kept while that entry is the
// same object.
//
// `qingdan serve` reloads only the files whose bytes changed; the others keep their parsed values (LoadOptions.shared),
// so a flow that was not edited is the very same object in the next build, and a rule that reads only that flow finds
// the same things again. Walking the graphs of 4,000 flows for the flow rules took about 55 ms of every edit. A
// one-off validate has no memo (ctx.entries is undefined): keeping results for 100k flows that are never asked for
// again would only cost (see decisions.md, "Flow graphs are shared, walk results are not").
import type { Entry } from '../catalogue/model.js';
import type { DocPath, RawFinding } from '../findings.js';

interface Kept {
  file: string;
  path: DocPath;
  value: unknown;
}

const NONE: readonly RawFinding[] = [];

export class EntryMemo {
  private readonly kept = new WeakMap<object, Map<string, Kept>>();

  /** What `make` gives for `entry`, or what it gave last time under `key` for the same value at the same place. */
  of<T>(key: string, entry: Entry<object>, make: () => T): T {
    let byKey = this.kept.get(entry.value);
    const kept = byKey?.get(key);
    if (kept && kept.file === entry.file && samePath(kept.path, entry.path)) return kept.value as T;
    const value = make();
    if (!byKey) {
      byKey = new Map();
      this.kept.set(entry.value, byKey);
    }
    byKey.set(key, { file: entry.file, path: entry.path, value });
    return value;
  }

  /** The findings `check` makes for `entry`, or those it made last time for the same value at the same place. */
  *findings(ruleId: string, entry: Entry<object>, check: () => Iterable<RawFinding>): Generator<RawFinding> {
    yield* this.of(ruleId, entry, () => {
      const findings = [...check()];
      return findings.length ? findings : NONE;
    });
  }
}

function samePath(a: DocPath, b: DocPath): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** A rule's findings for one entry: through the memo when there is one (a resident build), else made now. */
export function perEntry(memo: EntryMemo | undefined, ruleId: string, entry: Entry<object>, check: () => Iterable<RawFinding>): Iterable<RawFinding> {
  return memo ? memo.findings(ruleId, entry, check) : check();
}
