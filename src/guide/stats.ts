// The reform's yardsticks over the items in force, and bar charts of them as geometry for the chart partial.
import type { Locale } from '../findings.js';
import type { Power } from '../schema/definitions.js';
import { isFullOnline } from '../catalogue/yardsticks.js';
import { convert } from '../flow/time.js';
import { label } from '../i18n/labels.js';
import { siteWord } from './words.js';
import { CATEGORIES } from '../schema/values.js';

export interface Share {
  part: number;
  total: number;
  percent: number;
  text: string;
}

export interface Bar {
  label: string;
  value: number;
  valueText: string;
  /** Geometry in the chart's own units (the SVG scales to the page). */
  y: number;
  width: number;
  /** A second series (statutory beside promised), drawn under the first. */
  second?: { value: number; valueText: string; width: number; y: number };
}

export interface BarChart {
  id: string;
  title: string;
  width: number;
  height: number;
  labelWidth: number;
  barHeight: number;
  bars: Bar[];
  legend?: Array<{ label: string; className: string }>;
  /** Column headings of the data table that repeats the chart for screen readers and print. */
  columns: string[];
}

export interface SiteStats {
  items: number;
  fullOnline: Share;
  zeroVisit: Share;
  atMostOnce: Share;
  materialsPerItem: string;
  stepsPerFlow?: string;
  timeSaving: Share;
  charts: { categories: BarChart; time: BarChart; materials: BarChart };
}

const CHART_WIDTH = 640;
const LABEL_WIDTH = 200;
const VALUE_ROOM = 90;
const BAR = 22;
const GAP = 10;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function share(locale: Locale, part: number, total: number): Share {
  const percent = total ? Math.round((part / total) * 1000) / 10 : 0;
  return { part, total, percent, text: siteWord(locale, 'stats-share-of', { part, total }) };
}

function barChart(id: string, title: string, columns: string[], rows: Array<{ label: string; value: number; valueText: string; second?: { value: number; valueText: string } }>, legend?: BarChart['legend']): BarChart {
  const paired = rows.some((row) => row.second);
  const rowHeight = paired ? BAR * 2 + GAP : BAR + GAP;
  // A value too large to add up (time limits of 1e308 days sum to Infinity) gets a full bar, and the others their
  // share of the largest finite one: never NaN in an SVG attribute.
  const finite = (n: number) => (Number.isFinite(n) ? n : 0);
  const max = Math.max(1, ...rows.flatMap((row) => [finite(row.value), finite(row.second?.value ?? 0)]));
  const room = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const scale = room / max;
  const widthOf = (value: number) => (Number.isFinite(value) ? Math.max(value > 0 ? 2 : 0, Math.round(value * scale)) : room);
  const bars = rows.map((row, i): Bar => {
    const y = GAP + i * rowHeight;
    const bar: Bar = { label: row.label, value: row.value, valueText: row.valueText, y, width: widthOf(row.value) };
    if (row.second) bar.second = { ...row.second, width: widthOf(row.second.value), y: y + BAR };
    return bar;
  });
  const chart: BarChart = { id, title, width: CHART_WIDTH, height: GAP + rows.length * rowHeight, labelWidth: LABEL_WIDTH, barHeight: BAR, bars, columns };
  if (legend) chart.legend = legend;
  return chart;
}

export function computeStats(
  locale: Locale,
  powers: readonly Power[],
  departmentName: (id: string) => string,
  stepsPerFlow: readonly number[],
): SiteStats {
  const word = (id: Parameters<typeof siteWord>[1], data?: Record<string, string | number>) => siteWord(locale, id, data);
  const total = powers.length;
  const visits = (p: Power) => p.visits ?? 0;
  const materials = powers.map((p) => p.materials?.length ?? 0);
  const days = (p: Power, value: number) => convert(value, p.time_limit.unit, 'working-days');
  const statutoryTotal = powers.reduce((sum, p) => sum + days(p, p.time_limit.statutory), 0);
  const promisedTotal = powers.reduce((sum, p) => sum + days(p, p.time_limit.promised), 0);
  const saved = statutoryTotal ? Math.round(((statutoryTotal - promisedTotal) / statutoryTotal) * 1000) / 10 : 0;

  const categoryRows = CATEGORIES.map((slug) => ({ slug, count: powers.filter((p) => p.category === slug).length }))
    .filter((row) => row.count > 0)
    .map((row) => ({ label: label(locale, 'category', row.slug), value: row.count, valueText: word('items-count', { count: row.count }) }));

  const byDepartment = new Map<string, Power[]>();
  for (const power of powers) byDepartment.set(power.department, [...(byDepartment.get(power.department) ?? []), power]);
  const timeRows = [...byDepartment].map(([id, list]) => {
    const promised = round1(list.reduce((sum, p) => sum + days(p, p.time_limit.promised), 0) / list.length);
    const statutory = round1(list.reduce((sum, p) => sum + days(p, p.time_limit.statutory), 0) / list.length);
    return { label: departmentName(id), value: promised, valueText: String(promised), second: { value: statutory, valueText: String(statutory) } };
  });

  const BUCKETS = 8;
  const materialRows = Array.from({ length: BUCKETS + 1 }, (_, n) => {
    const count = materials.filter((m) => (n === BUCKETS ? m >= BUCKETS : m === n)).length;
    return { label: n === BUCKETS ? word('stats-materials-bucket-more', { count: n }) : word('stats-materials-bucket', { count: n }), value: count, valueText: String(count) };
  });

  const stats: SiteStats = {
    items: total,
    fullOnline: share(locale, powers.filter((p) => isFullOnline(p.online?.depth) && visits(p) === 0).length, total),
    zeroVisit: share(locale, powers.filter((p) => visits(p) === 0).length, total),
    atMostOnce: share(locale, powers.filter((p) => visits(p) <= 1).length, total),
    materialsPerItem: String(total ? round1(materials.reduce((a, b) => a + b, 0) / total) : 0),
    timeSaving: { part: round1(statutoryTotal - promisedTotal), total: round1(statutoryTotal), percent: saved, text: `${saved}%` },
    charts: {
      categories: barChart('chart-categories', word('stats-items-by-category'), [word('category'), word('stats-items')], categoryRows),
      time: barChart('chart-time', word('stats-promised-vs-statutory'), [word('stats-department'), word('promised'), word('statutory')], timeRows, [
        { label: word('promised'), className: 'bar' },
        { label: word('statutory'), className: 'bar-second' },
      ]),
      materials: barChart('chart-materials', word('stats-materials-distribution'), [word('stats-material-count'), word('stats-items')], materialRows),
    },
  };
  if (stepsPerFlow.length) stats.stepsPerFlow = String(round1(stepsPerFlow.reduce((a, b) => a + b, 0) / stepsPerFlow.length));
  return stats;
}
