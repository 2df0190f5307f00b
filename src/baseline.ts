// Baseline mode (validate --since): a finding is "old" when the base revision has one with the same rule, on the same
// item, at the same path inside it — line numbers play no part, so edits elsewhere in a file change nothing. A file
// that cannot be read now (YAML syntax, encoding…) is never old: none of its entries is checked while it is broken.
import type { Catalogue, Entry } from './catalogue/model.js';
import { jsonPath, type Finding } from './findings.js';

/** "powers:CODE", "responsibilities:power:CODE": what an entry is, independent of where it sits. */
function identities(catalogue: Catalogue): Map<string, string> {
  const out = new Map<string, string>();
  const at = (entry: Entry<unknown>) => `${entry.file}\u0000${entry.path[0]}\u0000${entry.path[1]}`;
  for (const [section, map] of Object.entries(catalogue.keys) as Array<[string, Map<string, Entry<unknown>[]>]>) {
    for (const [key, entries] of map) entries.forEach((entry, n) => out.set(at(entry), `${section}:${key}${n ? `#${n}` : ''}`));
  }
  for (const entry of catalogue.sections.responsibilities) {
    const value = entry.value;
    out.set(at(entry), 'power' in value ? `responsibilities:power:${value.power}` : `responsibilities:department:${value.department}:${value.duty}`);
  }
  return out;
}

export function findingKeys(findings: readonly Finding[], catalogue: Catalogue): string[] {
  const ids = identities(catalogue);
  return findings.map((finding) => {
    const [section, index, ...rest] = finding.path;
    const identity = finding.path.length >= 2 ? ids.get(`${finding.file}\u0000${section}\u0000${index}`) : undefined;
    const where = identity ?? `${finding.file}:${jsonPath(finding.path.slice(0, 2))}`;
    return `${finding.ruleId}|${where}|${jsonPath(identity ? rest : finding.path.slice(2))}`;
  });
}

/**
 * The findings of `head` that `base` does not have (as many times as it has them). Every finding in a file that head
 * could not read is kept: its problems hide whatever else is wrong in it, so being broken before excuses nothing.
 */
export function newSince(head: { findings: Finding[]; catalogue: Catalogue }, base: { findings: Finding[]; catalogue: Catalogue }): Finding[] {
  const counts = new Map<string, number>();
  for (const key of findingKeys(base.findings, base.catalogue)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const keys = findingKeys(head.findings, head.catalogue);
  const broken = new Set(head.catalogue.unread.map((unread) => unread.file));
  return head.findings.filter((finding, i) => {
    if (broken.has(finding.file)) return true;
    const left = counts.get(keys[i]!) ?? 0;
    if (left === 0) return true;
    counts.set(keys[i]!, left - 1);
    return false;
  });
}
