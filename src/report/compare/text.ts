// text: the comparison at a terminal — scores, a compact matrix of the items that differ, then each divergence with
// its office, level and both places.
import { Chalk } from 'chalk';
import { visibleOnOneLine, visibleStrings } from '../visible.js';
import { textWidth } from '../width.js';
import { ui } from '../../i18n/index.js';
import { compareText } from '../../i18n/compare.js';
import type { CellStatus } from '../../compare/compare.js';
import { columns, countByLevel, divergingRows, noDivergences, percent, title, validation, where, type CompareFormatter } from './types.js';

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return right ? fill + text : text + fill;
}

/** One ASCII character per cell, so that thirty offices still fit a terminal; the legend says what each means. */
const SYMBOL: Record<CellStatus, string> = { agree: '=', better: '^', differs: '~', missing: '-', extra: '+', absent: ' ', reference: ' ', unavailable: '?' };

const text: CompareFormatter = (input) => {
  // Catalogue text (names, file names, quoted values) with its control characters shown, never sent raw.
  // Line breaks in names and quoted values shown as ␊, so that each line of the report stays one line.
  const report = visibleStrings(input, visibleOnOneLine);
  const chalk = new Chalk({ level: report.color ? 1 : 0 });
  const l = report.locale;
  const t = (key: Parameters<typeof compareText>[1], data?: Parameters<typeof compareText>[2]) => compareText(l, key, data);
  const offices = columns(report);
  // Columns are numbered from 1 in the order given, the reference (when there is one) not among them.
  const number = new Map(offices.map((o, i) => [o.index, String(i + 1)]));
  const out: string[] = [chalk.bold(title(report)), ''];

  const header = [t('col-number'), t('col-office'), t('col-score'), t('col-total'), t('col-agree'), t('col-better'), t('col-differs'), t('col-missing'), t('col-extra'), t('col-validation')];
  const table = [
    header,
    ...offices.map((o) => {
      const s = o.score;
      return [number.get(o.index)!, o.label, s ? percent(s.score) : '—', ...(s ? [s.total, s.agree, s.better, s.differs, s.missing, s.extra].map(String) : ['', '', '', '', '', '']), validation(report, o)];
    }),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((r) => textWidth(r[i]!))));
  const numeric = new Set([0, 2, 3, 4, 5, 6, 7, 8]);
  table.forEach((r, i) => out.push(`  ${r.map((cell, k) => pad(cell, widths[k]!, numeric.has(k) && i > 0)).join('  ')}`.trimEnd()));
  const reference = report.offices.find((o) => o.isReference);
  if (reference) out.push(chalk.dim(`  ${t('reference')}: ${reference.name} (${reference.root}) · ${validation(report, reference)}`));
  out.push(chalk.dim(`  ${t(report.mode === 'reference' ? 'scores-note' : 'scores-note-peers')}`), '');

  const rows = divergingRows(report);
  if (!rows.length) {
    out.push(noDivergences(report));
  } else {
    const paint: Record<CellStatus, (s: string) => string> = { agree: chalk.green, better: chalk.blue, differs: chalk.yellow, missing: chalk.red, extra: chalk.red, absent: (s) => s, reference: (s) => s, unavailable: chalk.dim };
    const legend = (['agree', 'better', 'differs', 'missing', 'extra', 'unavailable'] as const).map((s) => `${SYMBOL[s]} ${t(`status-${s}`)}`).join('  ');
    out.push(chalk.bold(t('matrix')), chalk.dim(`  ${t('legend')}: ${legend}`));
    const codeWidth = Math.max(textWidth(t('col-code')), ...rows.map((r) => textWidth(r.basicCode)));
    const nameWidth = Math.min(24, Math.max(textWidth(t('col-item')), ...rows.map((r) => textWidth(r.name))));
    const cut = (name: string) => {
      if (textWidth(name) <= nameWidth) return name;
      let short = '';
      for (const ch of name) {
        if (textWidth(short + ch) > nameWidth - 1) break;
        short += ch;
      }
      return `${short}…`;
    };
    const colWidth = Math.max(...offices.map((o) => number.get(o.index)!.length));
    out.push(`  ${pad(t('col-code'), codeWidth)}  ${pad(t('col-item'), nameWidth)}  ${offices.map((o) => pad(number.get(o.index)!, colWidth)).join(' ')}`.trimEnd());
    for (const row of rows) {
      const cells = offices.map((o) => {
        const status = row.cells[o.index]!.status;
        const symbol = status === 'differs' && row.cells[o.index]!.level === 'breaking' ? 'X' : SYMBOL[status];
        return pad(paint[status](symbol), colWidth + (symbol.length - textWidth(symbol)));
      });
      out.push(`  ${pad(row.basicCode, codeWidth)}  ${pad(cut(row.name), nameWidth)}  ${cells.join(' ')}`.trimEnd());
    }
    const agreeing = report.rows.length - rows.length;
    if (agreeing) out.push(chalk.dim(`  ${t('agreeing-rows', { count: agreeing })}`));
    out.push(chalk.dim(`  X = ${t('status-differs')} (${ui(l, 'level-breaking')})`), '');

    out.push(chalk.bold(t('details')));
    const levelPaint = { breaking: chalk.red, notice: chalk.yellow, info: chalk.blue } as const;
    let current = -1;
    for (const d of report.divergences) {
      if (d.row !== current) {
        current = d.row;
        const row = report.rows[current]!;
        const norm = row.normOffice !== undefined ? chalk.dim(`  (${t('norm')} ${report.offices[row.normOffice]!.label})`) : '';
        out.push(`  ${chalk.bold(row.basicCode)} ${row.name}${norm}`);
      }
      const office = report.offices[d.office]!;
      out.push(`    ${office.label}  ${levelPaint[d.level](ui(l, `level-${d.level}`))}  ${d.message}  ${chalk.dim(d.classId)}`);
      const places = [where(d.local), d.reference ? `${t('reference-place')} ${where(d.reference)}` : '', d.normOffices ? t('norm-offices', { offices: d.normOffices.map((i) => report.offices[i]!.label).join(l === 'zh-CN' ? '、' : ', ') }) : ''].filter(Boolean);
      out.push(chalk.dim(`      ${places.join(' · ')}`));
    }
    out.push('');
  }

  if (report.loose.length) {
    out.push(chalk.bold(t('loose')), chalk.dim(`  ${t('loose-note')}`));
    for (const m of report.loose) out.push(`    ${t('loose-item', { office: report.offices[m.office]!.label, item: m.basicCode, local: m.local, reference: m.reference })}${m.position ? chalk.dim(`  ${where(m.position)}`) : ''}`);
    out.push('');
  }
  for (const office of report.offices) {
    if (!office.usable) out.push(chalk.yellow(`${t('office-unusable', { office: office.label, root: office.root })} ${office.reason?.[l] ?? ''}`.trimEnd()));
    else if (office.problems.length) out.push(chalk.yellow(t('office-problems', { office: office.label, count: office.problems.length })));
    for (const f of office.problems) out.push(chalk.yellow(`    ${f.file}:${f.line}:${f.column}  ${f.message}  ${f.ruleId}`));
    if (office.skipped.length) out.push(chalk.yellow(t('office-skipped', { office: office.label, count: office.skipped.length, codes: office.skipped.join(', ') })));
  }
  out.push(t('counts', countByLevel(report.divergences)));
  return `${out.join('\n')}\n`;
};

export default text;
