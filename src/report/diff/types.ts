// What every diff formatter receives; formatters are pure functions of it.
import type { DiffResult, DepartmentSummary, YardstickTotals } from '../../diff/diff.js';
import type { Change, ChangeLevel } from '../../diff/types.js';
import type { Locale } from '../../findings.js';
import { rounded } from '../../flow/time.js';
import { TOO_LARGE } from '../../i18n/labels.js';

export interface DiffReport extends DiffResult {
  color: boolean;
  toolVersion: string;
  failOn: ChangeLevel | 'none';
}

export type DiffFormatter = (report: DiffReport) => string;

export function countByLevel(changes: readonly Change[]): Record<ChangeLevel, number> {
  const counts: Record<ChangeLevel, number> = { breaking: 0, notice: 0, info: 0 };
  for (const change of changes) if (!change.waiver) counts[change.level]++;
  return counts;
}

const round = (n: number) => rounded(n, 1);

/**
 * "12 → 9 (−3)", with a percentage for time: the reform claims in one cell. A sum too large for a number (promised
 * limits of 1e308 days) is said in words, with no difference to compute.
 */
export function delta(summary: DepartmentSummary, key: keyof YardstickTotals, locale: Locale, percent = false): string {
  const before = round(summary.base[key]);
  const after = round(summary.head[key]);
  if (!Number.isFinite(before) || !Number.isFinite(after)) {
    const shown = (n: number) => (Number.isFinite(n) ? String(n) : TOO_LARGE[locale].label);
    return before === after ? shown(after) : `${shown(before)} → ${shown(after)}`;
  }
  const change = round(after - before);
  if (change === 0) return String(after);
  const sign = change > 0 ? '+' : '−';
  const pct = percent && before > 0 ? `, ${sign}${Math.abs(round((change / before) * 100))}%` : '';
  return `${before} → ${after} (${sign}${Math.abs(change)}${pct})`;
}

export function where(change: Change): string {
  const place = change.head ?? change.base;
  return place ? `${place.file}:${place.line}:${place.column}` : '';
}
