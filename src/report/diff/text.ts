// text: the diff at a terminal — the reform summary, then each change with its level, place and fingerprint.
import { Chalk } from 'chalk';
import { visibleOnOneLine, visibleStrings } from '../visible.js';
import { textWidth } from '../width.js';
import { ui } from '../../i18n/index.js';
import { countByLevel, delta, where, type DiffFormatter } from './types.js';
import type { DepartmentSummary } from '../../diff/diff.js';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

const text: DiffFormatter = (input) => {
  // Catalogue text (names, file names, quoted values) with its control characters shown, never sent raw.
  // Line breaks in names and quoted values shown as ␊, so that each line of the report stays one line.
  const report = visibleStrings(input, visibleOnOneLine);
  const chalk = new Chalk({ level: report.color ? 1 : 0 });
  const l = report.locale;
  const out: string[] = [chalk.bold(ui(l, 'diff-title', { base: report.base, head: report.head })), ''];
  if (!report.changes.length) {
    out.push(ui(l, 'diff-no-changes'));
  } else {
    const header = ['diff-department', 'diff-items-added', 'diff-items-cancelled', 'diff-materials', 'diff-promised', 'diff-visits', 'diff-full-online', 'diff-fees-removed'] as const;
    const row = (d: DepartmentSummary, name: string) => [name, String(d.added), String(d.cancelled), delta(d, 'materials', l), delta(d, 'promisedDays', l, true), delta(d, 'visits', l), delta(d, 'fullOnline', l), String(d.feesRemoved)];
    const rows = [header.map((key) => ui(l, key)), ...report.departments.map((d) => row(d, d.name)), row(report.total, ui(l, 'diff-total'))];
    const widths = header.map((_, i) => Math.max(...rows.map((r) => textWidth(r[i]!))));
    rows.forEach((r, i) => out.push(`  ${r.map((cell, k) => pad(cell, widths[k]!)).join('  ')}`.trimEnd() + (i === 0 ? '' : '')));
    out.push('');
    const paint = { breaking: chalk.red, notice: chalk.yellow, info: chalk.blue } as const;
    for (const change of report.changes) {
      const label = change.waiver ? chalk.dim(ui(l, `level-${change.level}`)) : paint[change.level](ui(l, `level-${change.level}`));
      out.push(`  ${label}  ${change.message}  ${chalk.dim(change.classId)}`);
      const waived = change.waiver ? `  ${chalk.green(ui(l, 'diff-waived', { ...change.waiver }))}` : '';
      out.push(chalk.dim(`      ${change.departmentName} · ${where(change)} · ${ui(l, 'diff-fingerprint')} ${change.fingerprint}`) + waived);
    }
  }
  if (report.skipped.length) out.push('', chalk.yellow(ui(l, 'diff-skipped', { count: report.skipped.length, codes: report.skipped.join(', ') })));
  for (const note of report.notes) out.push(chalk.yellow(note));
  out.push('', ui(l, 'diff-counts', countByLevel(report.changes)));
  return `${out.join('\n')}\n`;
};

export default text;
