// markdown: a pull-request comment — the summary table first, then the changes grouped by department.
import { ui } from '../../i18n/index.js';
import { visibleStrings } from '../visible.js';
import { countByLevel, delta, where, type DiffFormatter } from './types.js';
import type { DepartmentSummary } from '../../diff/diff.js';
import type { Change } from '../../diff/types.js';

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

const MARK = { breaking: '🔴', notice: '🟡', info: '🔵' } as const;

const markdown: DiffFormatter = (input) => {
  // Catalogue text (names, file names, quoted values) with its control characters shown, never sent raw.
  const report = visibleStrings(input);
  const l = report.locale;
  const out: string[] = [`## ${escape(ui(l, 'diff-title', { base: report.base, head: report.head }))}`, ''];
  if (!report.changes.length) {
    out.push(ui(l, 'diff-no-changes'));
  } else {
    const header = ['diff-department', 'diff-items-added', 'diff-items-cancelled', 'diff-materials', 'diff-promised', 'diff-visits', 'diff-full-online', 'diff-fees-removed'] as const;
    out.push(`| ${header.map((key) => ui(l, key)).join(' | ')} |`, `|---|${header.slice(1).map(() => '---:').join('|')}|`);
    const row = (d: DepartmentSummary, name: string) => `| ${name} | ${d.added} | ${d.cancelled} | ${delta(d, 'materials', l)} | ${delta(d, 'promisedDays', l, true)} | ${delta(d, 'visits', l)} | ${delta(d, 'fullOnline', l)} | ${d.feesRemoved} |`;
    for (const d of report.departments) out.push(row(d, escape(d.name)));
    out.push(row(report.total, `**${ui(l, 'diff-total')}**`), '');
    out.push(`**${ui(l, 'diff-counts', countByLevel(report.changes))}**`, '');
    out.push(`### ${ui(l, 'diff-details')}`, '');
    const byDepartment = new Map<string, Change[]>();
    for (const change of report.changes) byDepartment.set(change.departmentName, [...(byDepartment.get(change.departmentName) ?? []), change]);
    for (const [name, changes] of byDepartment) {
      out.push(`#### ${escape(name)}`, '');
      for (const change of changes) {
        const waived = change.waiver ? ` — ~~${ui(l, `level-${change.level}`)}~~ ${escape(ui(l, 'diff-waived', { ...change.waiver }))}` : '';
        out.push(`- ${MARK[change.level]} **${ui(l, `level-${change.level}`)}** ${escape(change.message)} \`${change.classId}\` · \`${where(change)}\` · \`${change.fingerprint}\`${waived}`);
      }
      out.push('');
    }
  }
  if (report.skipped.length) out.push(`> ${escape(ui(l, 'diff-skipped', { count: report.skipped.length, codes: report.skipped.join(', ') }))}`, '');
  for (const note of report.notes) out.push(`> ${escape(note)}`, '');
  return `${out.join('\n').trimEnd()}\n`;
};

export default markdown;
