// What every compare formatter receives; formatters are pure functions of it.
import type { CompareResult, Office, Row } from '../../compare/compare.js';
import type { ChangeLevel, Divergence, Position } from '../../compare/types.js';
import { compareText } from '../../i18n/compare.js';

export interface CompareReport extends CompareResult {
  color: boolean;
  toolVersion: string;
  failOn: ChangeLevel | 'none';
}

export type CompareFormatter = (report: CompareReport) => string;

export function countByLevel(divergences: readonly Divergence[]): Record<ChangeLevel, number> {
  const counts: Record<ChangeLevel, number> = { breaking: 0, notice: 0, info: 0 };
  for (const d of divergences) counts[d.level]++;
  return counts;
}

export function where(position: Position | undefined): string {
  return position ? `${position.file}:${position.line}:${position.column}` : '';
}

/** Offices that are compared against something: every usable one but the reference. */
export function columns(report: CompareResult): Office[] {
  return report.offices.filter((o) => !o.isReference);
}

/** Rows where some office differs, is missing the item or has it as an extra. */
export function divergingRows(report: CompareResult): Row[] {
  return report.rows.filter((row) => row.cells.some((cell) => cell.classes.length > 0));
}

export function title(report: CompareResult): string {
  const l = report.locale;
  const reference = report.offices.find((o) => o.isReference);
  return reference ? compareText(l, 'title', { count: report.offices.length - 1, reference: reference.name }) : compareText(l, 'title-peers', { count: report.offices.length });
}

export function percent(score: number): string {
  return `${(Math.floor(score * 1000) / 10).toFixed(1)}%`;
}

/**
 * The sentence for a matrix without divergences. "Every office agrees" would be untrue when an office could not be
 * compared (its qingdan.yaml broken): then the sentence says how many were left out.
 */
export function noDivergences(report: CompareResult): string {
  const left = report.offices.filter((o) => !o.isReference && !o.usable).length;
  return left ? compareText(report.locale, 'no-divergences-some-left-out', { count: left }) : compareText(report.locale, 'no-divergences');
}

export function validation(report: CompareResult, office: Office): string {
  return office.usable ? compareText(report.locale, 'validation', { errors: office.errors, warnings: office.warnings }) : compareText(report.locale, 'validation-unusable');
}
