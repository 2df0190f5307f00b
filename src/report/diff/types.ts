// What every diff formatter receives; formatters are pure functions of it.
import type { DiffResult, DepartmentSummary, YardstickTotals } from '../../diff/diff.js';
import type { Change, ChangeLevel } from '../../diff/types.js';

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

const round = (n: number) => Math.round(n * 10) / 10;

/** "12 → 9 (−3)", with a percentage for time: the reform claims in one cell. */
export function delta(summary: DepartmentSummary, key: keyof YardstickTotals, percent = false): string {
  const before = round(summary.base[key]);
  const after = round(summary.head[key]);
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
