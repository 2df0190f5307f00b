// markdown: a pull-request comment — the summary table first, then the changes grouped by department.
import { ui } from '../../i18n/index.js';
import { visibleStrings } from '../visible.js';
import { escapeMarkdown as escape, largestThatFits, LEVEL_MARK as MARK, MARKDOWN_MAX_CHARACTERS } from '../markdown.js';
import { countByLevel, delta, where, type DiffFormatter, type DiffReport } from './types.js';
import type { DepartmentSummary } from '../../diff/diff.js';
import type { Change } from '../../diff/types.js';

/** Codes of entries not compared are listed up to this many; a catalogue that fails the schema everywhere says how many. */
const SKIPPED_SHOWN = 50;

const markdown: DiffFormatter = (input) => {
  // Catalogue text (names, file names, quoted values) with its control characters shown, never sent raw.
  const report = visibleStrings(input);
  // A report too long for a comment lists the most severe changes that fit (changes come most severe first) and says
  // how many it left out; the summary table always stays.
  return largestThatFits(report.changes.length, (shown) => render(report, shown));
};

function render(report: DiffReport, shown: number): string {
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
    for (const change of report.changes.slice(0, shown)) {
      const list = byDepartment.get(change.departmentName);
      if (list) list.push(change);
      else byDepartment.set(change.departmentName, [change]);
    }
    for (const [name, changes] of byDepartment) {
      out.push(`#### ${escape(name)}`, '');
      for (const change of changes) {
        const waived = change.waiver ? ` — ~~${ui(l, `level-${change.level}`)}~~ ${escape(ui(l, 'diff-waived', { ...change.waiver }))}` : '';
        out.push(`- ${MARK[change.level]} **${ui(l, `level-${change.level}`)}** ${escape(change.message)} \`${change.classId}\` · \`${where(change)}\` · \`${change.fingerprint}\`${waived}`);
      }
      out.push('');
    }
    if (shown < report.changes.length) out.push(`> ${escape(ui(l, 'diff-truncated', { shown, count: report.changes.length, left: report.changes.length - shown, limit: MARKDOWN_MAX_CHARACTERS }))}`, '');
  }
  if (report.skipped.length) {
    const codes = report.skipped.slice(0, SKIPPED_SHOWN).join(', ') + (report.skipped.length > SKIPPED_SHOWN ? ', …' : '');
    out.push(`> ${escape(ui(l, 'diff-skipped', { count: report.skipped.length, codes }))}`, '');
  }
  for (const note of report.notes) out.push(`> ${escape(note)}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

export default markdown;
