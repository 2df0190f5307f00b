// markdown: a pull-request comment — the scores first, then the matrix of items that differ, then each office's
// divergences folded under its name.
import { ui } from '../../i18n/index.js';
import { visibleStrings } from '../visible.js';
import { LEVEL_RANK } from '../../diff/types.js';
import { escapeMarkdown as escape, largestThatFits, LEVEL_MARK as MARK, MARKDOWN_MAX_CHARACTERS } from '../markdown.js';
import { classLabel, compareText } from '../../i18n/compare.js';
import type { Cell } from '../../compare/compare.js';
import { columns, countByLevel, divergingRows, noDivergences, percent, title, validation, where, type CompareFormatter, type CompareReport } from './types.js';

const markdown: CompareFormatter = (input) => {
  // Catalogue text (names, file names, quoted values) with its control characters shown, never sent raw.
  const report = visibleStrings(input);
  // Too long for a comment: at most `shown` matrix rows, divergences (the most severe) and loose matches, each cut said.
  return largestThatFits(Math.max(report.rows.length, report.divergences.length, report.loose.length), (shown) => render(report, shown));
};

function render(report: CompareReport, shown: number): string {
  const l = report.locale;
  const t = (key: Parameters<typeof compareText>[1], data?: Parameters<typeof compareText>[2]) => compareText(l, key, data);
  const offices = columns(report);
  const out: string[] = [`## ${escape(title(report))}`, ''];

  out.push(`| ${(['col-office', 'col-score', 'col-total', 'col-agree', 'col-better', 'col-differs', 'col-missing', 'col-extra', 'col-validation'] as const).map((k) => t(k)).join(' | ')} |`, '|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const o of offices) {
    const s = o.score;
    out.push(`| ${escape(o.label)} | ${s ? `**${percent(s.score)}**` : '—'} | ${s ? [s.total, s.agree, s.better, s.differs, s.missing, s.extra].join(' | ') : ' |  |  |  |  | '} | ${validation(report, o)} |`);
  }
  out.push('', `_${escape(t(report.mode === 'reference' ? 'scores-note' : 'scores-note-peers'))}_`, '');

  const rows = divergingRows(report);
  if (!rows.length) {
    out.push(escape(noDivergences(report)), '');
  } else {
    const cell = (c: Cell) => {
      if (c.status === 'agree') return `✅${c.loose ? ' ≈' : ''}`;
      if (c.status === 'absent') return '';
      if (c.status === 'unavailable') return t('status-unavailable');
      const mark = c.status === 'better' ? '🔵' : MARK[c.level ?? 'notice'];
      return `${mark} ${c.classes.map((id) => classLabel(l, id)).join(l === 'zh-CN' ? '、' : ', ')}`;
    };
    out.push(`### ${t('matrix')}`, '', `_${escape(t('matrix-note'))}_ ✅ ${t('status-agree')} · 🔵 ${t('status-better')} · 🟡 ${ui(l, 'level-notice')} · 🔴 ${ui(l, 'level-breaking')} · ≈ ${t('status-loose')}`, '');
    out.push(`| ${t('col-code')} | ${t('col-item')} | ${offices.map((o) => escape(o.label)).join(' | ')} |`, `|---|---|${offices.map(() => '---').join('|')}|`);
    for (const row of rows.slice(0, shown)) out.push(`| \`${row.basicCode}\` | ${escape(row.name)} | ${offices.map((o) => cell(row.cells[o.index]!)).join(' | ')} |`);
    if (rows.length > shown) out.push('', `> ${escape(t('truncated-rows', { shown, count: rows.length, limit: MARKDOWN_MAX_CHARACTERS }))}`);
    const agreeing = report.rows.length - rows.length;
    if (agreeing) out.push('', t('agreeing-rows', { count: agreeing }));
    out.push('', `### ${t('details')}`, '');
    // The most severe divergences when not all fit, each office's in the report's order.
    const listed = new Set(report.divergences.length > shown ? [...report.divergences].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]).slice(0, shown) : report.divergences);
    if (listed.size < report.divergences.length) out.push(`> ${escape(t('truncated-divergences', { shown: listed.size, count: report.divergences.length, limit: MARKDOWN_MAX_CHARACTERS }))}`, '');
    for (const office of offices) {
      const all = report.divergences.filter((d) => d.office === office.index);
      if (!all.length) continue;
      // The office's counts are all of its divergences, listed or not.
      const counts = countByLevel(all);
      const mine = all.filter((d) => listed.has(d));
      out.push(`<details><summary><strong>${escape(office.label)}</strong> — ${escape(t('counts', counts))}</summary>`, '');
      for (const d of mine) {
        const places = [`\`${where(d.local)}\``, d.reference ? `${t('reference-place')} \`${where(d.reference)}\`` : ''].filter((p) => p && p !== '``');
        out.push(`- ${MARK[d.level]} **${ui(l, `level-${d.level}`)}** ${escape(d.message)} \`${d.classId}\`${places.length ? ` · ${places.join(' · ')}` : ''}`);
      }
      out.push('', '</details>', '');
    }
  }

  if (report.loose.length) {
    out.push(`### ${t('loose')}`, '', escape(t('loose-note')), '');
    for (const m of report.loose.slice(0, shown)) out.push(`- ${escape(t('loose-item', { office: report.offices[m.office]!.label, item: m.basicCode, local: m.local, reference: m.reference }))}${m.position ? ` · \`${where(m.position)}\`` : ''}`);
    if (report.loose.length > shown) out.push('', `> ${escape(t('truncated-loose', { shown, count: report.loose.length }))}`);
    out.push('');
  }
  for (const office of report.offices) {
    if (!office.usable) out.push(`> ${escape(`${t('office-unusable', { office: office.label, root: office.root })} ${office.reason?.[l] ?? ''}`.trimEnd())}${office.problems.length ? ` ${office.problems.map((f) => `\`${f.file}:${f.line}:${f.column}\``).join(', ')}` : ''}`, '');
    else if (office.problems.length) out.push(`> ${escape(t('office-problems', { office: office.label, count: office.problems.length }))} ${office.problems.map((f) => `\`${f.file}:${f.line}:${f.column}\``).join(', ')}`, '');
    if (office.skipped.length) out.push(`> ${escape(t('office-skipped', { office: office.label, count: office.skipped.length, codes: office.skipped.join(', ') }))}`, '');
  }
  out.push(`**${escape(t('counts', countByLevel(report.divergences)))}**`);
  return `${out.join('\n').trimEnd()}\n`;
}

export default markdown;
