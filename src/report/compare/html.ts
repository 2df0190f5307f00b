// html: one self-contained page (styles inline, no script, no outside requests) that an office can open or publish.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { ui } from '../../i18n/index.js';
import { classLabel, compareText, type CompareKey } from '../../i18n/compare.js';
import type { Cell, CellStatus } from '../../compare/compare.js';
import { columns, countByLevel, divergingRows, noDivergences, percent, title, validation, where, type CompareFormatter } from './types.js';

const TEMPLATES = new URL('../../../templates/compare/', import.meta.url);

let compiled: { page: HandlebarsTemplateDelegate; css: string } | undefined;
function templates(): { page: HandlebarsTemplateDelegate; css: string } {
  // Read once per process, on first use: the other formats never pay for it.
  compiled ??= {
    page: Handlebars.create().compile(readFileSync(new URL('report.hbs', TEMPLATES), 'utf8'), { strict: true, knownHelpersOnly: false }),
    css: readFileSync(new URL('report.css', TEMPLATES), 'utf8'),
  };
  return compiled;
}

const SYMBOL: Record<CellStatus, string> = { agree: '✓', better: '↑', differs: '≠', missing: '−', extra: '+', absent: '', reference: '', unavailable: '?' };

const html: CompareFormatter = (report) => {
  const l = report.locale;
  const t = (key: CompareKey, data?: Parameters<typeof compareText>[2]) => compareText(l, key, data);
  const list = (items: string[]) => items.join(l === 'zh-CN' ? '、' : ', ');
  const offices = columns(report);
  const label = (index: number) => report.offices[index]!.label;
  const reference = report.offices.find((o) => o.isReference);
  const rows = divergingRows(report);

  const cell = (c: Cell) => {
    const text = c.status === 'differs' || c.status === 'better' ? list(c.classes.map((id) => classLabel(l, id))) : c.status === 'absent' ? '' : t(`status-${c.status}`);
    return { status: c.status === 'differs' ? `differs ${c.level ?? 'notice'}` : c.status, symbol: SYMBOL[c.status], text: c.loose && c.status === 'agree' ? `${text} ≈` : text };
  };
  const byRow = new Map<number, typeof report.divergences>();
  for (const d of report.divergences) byRow.set(d.row, [...(byRow.get(d.row) ?? []), d]);
  const numbered = rows.map((row) => ({ row, number: report.rows.indexOf(row) }));

  const view = {
    lang: l,
    version: report.toolVersion,
    title: title(report),
    css: templates().css,
    counts: t('counts', countByLevel(report.divergences)),
    generated: t('generated', { version: report.toolVersion }),
    reference: reference ? { label: reference.label, root: reference.root, validation: validation(report, reference) } : undefined,
    words: {
      skip: t('skip-link'), reference: t('reference'), scores: t('scores'), scoresNote: t(report.mode === 'reference' ? 'scores-note' : 'scores-note-peers'),
      matrix: t('matrix'), matrixNote: t('matrix-note'), legend: t('legend'), code: t('col-code'), item: t('col-item'), none: noDivergences(report),
      details: t('details'), office: t('col-office'), level: t('col-level'), divergence: t('col-divergence'), place: t('col-place'), referencePlace: t('reference-place'),
      loose: t('loose'), looseNote: t('loose-note'), problems: t('problems'),
    },
    scoreHeader: (['col-office', 'col-score', 'col-total', 'col-agree', 'col-better', 'col-differs', 'col-missing', 'col-extra', 'col-validation'] as const).map((k) => t(k)),
    offices: offices.map((o) => ({
      label: o.label,
      root: o.root,
      score: o.score ? percent(o.score.score) : '—',
      bar: o.score ? Math.round(o.score.score * 100) : 0,
      numbers: o.score ? [o.score.total, o.score.agree, o.score.better, o.score.differs, o.score.missing, o.score.extra] : ['', '', '', '', '', ''],
      validation: validation(report, o),
    })),
    legend: (['agree', 'better', 'differs', 'missing', 'extra'] as const).map((status) => ({ status: status === 'differs' ? 'differs notice' : status, symbol: SYMBOL[status], text: t(`status-${status}`) })),
    columns: offices.map((o) => ({ label: o.label })),
    rows: numbered.map(({ row, number }) => ({
      id: `item-${number + 1}`,
      basicCode: row.basicCode,
      name: row.name,
      norm: row.normOffice !== undefined ? `${t('norm')} ${label(row.normOffice)}` : '',
      cells: offices.map((o) => cell(row.cells[o.index]!)),
    })),
    agreeing: report.rows.length > rows.length ? t('agreeing-rows', { count: report.rows.length - rows.length }) : '',
    items: numbered.map(({ row, number }) => ({
      id: `item-${number + 1}`,
      basicCode: row.basicCode,
      name: row.name,
      divergences: (byRow.get(number) ?? []).map((d) => ({
        office: label(d.office),
        level: d.level,
        levelText: ui(l, `level-${d.level}`),
        message: d.message,
        classId: d.classId,
        norm: d.normOffices ? t('norm-offices', { offices: list(d.normOffices.map(label)) }) : '',
        local: where(d.local),
        reference: where(d.reference),
      })),
    })),
    loose: report.loose.map((m) => ({ text: t('loose-item', { office: label(m.office), item: m.basicCode, local: m.local, reference: m.reference }), place: where(m.position) })),
    problems: report.offices.flatMap((o) => [
      ...(!o.usable ? [{ text: `${t('office-unusable', { office: o.label, root: o.root })} ${o.reason?.[l] ?? ''}`.trimEnd(), places: o.problems.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`) }] : []),
      ...(o.usable && o.problems.length ? [{ text: t('office-problems', { office: o.label, count: o.problems.length }), places: o.problems.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`) }] : []),
      ...(o.skipped.length ? [{ text: t('office-skipped', { office: o.label, count: o.skipped.length, codes: o.skipped.join(', ') }), places: [] }] : []),
    ]),
  };
  return templates().page(view);
};

export default html;
