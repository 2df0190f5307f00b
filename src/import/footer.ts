// The rows of a sheet that are not entries of it. Under the table: a total (合计 35 项), signatures (制表人：张三
// 审核人：李四), notes on filling it in (填表说明：…, 备注：…, 注：…) and a date, found at the end of a sheet only, from
// the first row that opens like one. Within it: subtotals between departments' blocks (小计, 合计), headings (以下为…部门
// 事项, 一、…) and rows with nothing but a 序号. A row that names an item or holds a code is never one of them.
import { codeText, halfWidth, parseDate } from '../tables/values.js';
import type { MappedColumn } from './header.js';

export interface FooterRow {
  /** 0-based, as Sheet.rows. */
  row: number;
  /** The row's texts, to name it in the report. */
  text: string;
}

const TOTAL = /^(合计|总计|小计|共计)/;
const SIGNATURE = /^(单位|主要|分管)?(制表|填表|填报|审核|审批|审定|复核|核稿|校对|经办|联系|负责)人/;
const FORM = /^(制表|填表|填报)(单位|日期|时间|说明)/;
// Words that are labels only when a colon or nothing follows: 注销登记 is an item, 注：… is not.
const LABEL = /^(填表说明|说明|备注|附注|注\d*|日期|审核|审批|联系电话|联系方式|分管领导|单位负责人)([（(][^）)]*[）)])?([:：]|$)/;
const CHINESE_DATE = /^[〇零一二三四五六七八九]{4}年[〇零一二三四五六七八九十]{1,2}月([〇零一二三四五六七八九十]{1,3}日)?$/;

/** 合计…, 制表人：…, 填表说明, 备注：…, 注：… — spaces inside ignored (制 表 人：), as offices space labels out. */
export function isFooterLabel(text: string): boolean {
  const compact = text.replace(/[\s\u3000]+/g, '');
  return TOTAL.test(compact) || SIGNATURE.test(compact) || FORM.test(compact) || LABEL.test(compact) || /^(说明|备注|附注|注|日期|审核)[\s\u3000]/.test(text.trim());
}

/** 2024年5月1日, 2024-05-01, 2024年5月, 二〇二四年五月一日 — not an Excel date number, which a row of numbers may hold. */
export function isDateText(text: string): boolean {
  const value = halfWidth(text).replace(/\s+/g, '');
  const date = parseDate(value);
  return (date !== undefined && !date.serial) || /^\d{4}年\d{1,2}月$/.test(value) || CHINESE_DATE.test(value);
}

/** Text in an item's name or code column that names no item: a label, a date, a count (35项), a bracket (（盖章）). */
function namesNothing(text: string): boolean {
  return isFooterLabel(text) || isDateText(text) || /^[（(][^）)]*[）)]$/.test(text) || /^[\d.,，\s]+(项|个|条|件|类)?$/.test(halfWidth(text));
}

/** Fields whose cell names an entry: a row with one of them is an item, whatever else it holds. */
const ITEM_FIELDS = new Set(['code', 'name', 'sub_item', 'id', 'title', 'material.name', 'fee.name', 'procedure.name', 'risk.step', 'duty', 'flow.id', 'step.id', 'step.name']);
const DATE_FIELDS = new Set(['status_since', 'reviewed', 'effective']);

/**
 * The footer rows of a sheet's data (rows after `headerRow`, those `skip` says nothing of left out): from the first
 * row that opens like a footer line — its first cell a label (合计, 制表人：, 备注：…) or nothing but dates — to the
 * end, provided no row from there on names an item. Rows before it without an item continue the item above, as a
 * CSV saved from merged cells has them.
 */
/** A cell's text that could be a code (实施编码): printable ASCII once written as a code is read (codeText). */
function codeLike(text: string): boolean {
  return /^[\x21-\x7e]+$/.test(codeText(text));
}

/** The field each column fills, by column index. */
function fieldsByColumn(columns: MappedColumn[]): Map<number, string> {
  return new Map(columns.flatMap((c) => (c.target.type === 'field' ? [[c.index, c.target.field] as const] : [])));
}

/** The data rows (after `headerRow`, those `skip` says nothing of left out) that hold anything: their filled cells and distinct texts. */
function* filledRows(rows: string[][], headerRow: number, skip: (row: number) => boolean): Generator<{ row: number; filled: Array<{ text: string; index: number }>; texts: string[] }> {
  for (let row = headerRow + 1; row < rows.length; row++) {
    if (skip(row)) continue;
    const filled = (rows[row] ?? []).flatMap((cell, index) => (cell.trim() ? [{ text: cell.trim(), index }] : []));
    if (filled.length) yield { row, filled, texts: [...new Set(filled.map((c) => c.text))] };
  }
}

export function footerRows(rows: string[][], headerRow: number, columns: MappedColumn[], skip: (row: number) => boolean): FooterRow[] {
  const fieldAt = fieldsByColumn(columns);
  const remarkColumns = new Set(columns.filter((c) => /^(备注|说明|注)$/.test(c.header.replace(/[\s\u3000]+/g, '')) || (c.target.type === 'field' && /(^|\.)(note|status_note)$/.test(c.target.field))).map((c) => c.index));
  let start: number | undefined;
  for (const { row, filled, texts } of filledRows(rows, headerRow, skip)) {
    const first = filled[0]!;
    const names = filled.filter((c) => ITEM_FIELDS.has(fieldAt.get(c.index) ?? ''));
    // A text merged over the whole row (a note across the table) repeats in every column, the name's too.
    const merged = texts.length === 1 && filled.length > 1;
    const code = filled.find((c) => fieldAt.get(c.index) === 'code' && c.text !== first.text && codeLike(c.text));
    // A remark column's own value (备注: 注：含延续) in a row of nothing else belongs to the item above.
    const remark = filled.length === 1 && remarkColumns.has(first.index);
    const dates = texts.every(isDateText) && !filled.every((c) => DATE_FIELDS.has(fieldAt.get(c.index) ?? ''));
    const namesItem = !merged && names.some((c) => !namesNothing(c.text));
    if ((isFooterLabel(first.text) || dates) && !code && !remark && !namesItem) start ??= row;
    else if (code || namesItem) start = undefined;
  }
  if (start === undefined) return [];
  const found: FooterRow[] = [];
  for (let row = start; row < rows.length; row++) {
    if (skip(row)) continue;
    const texts = [...new Set((rows[row] ?? []).map((cell) => cell.trim()).filter(Boolean))];
    if (texts.length) found.push({ row, text: rowText(texts) });
  }
  return found;
}

export interface NonItemRow {
  /** 0-based, as Sheet.rows. */
  row: number;
  text: string;
  /** total: 小计, 合计 between blocks; heading: 以下为…部门事项, 一、…, a text merged across the row; number: a 序号 alone. */
  kind: 'total' | 'heading' | 'number';
}

/** 市场监督管理局小计, 合计：12项 — a subtotal's label, at the start or at the end of the text. */
function isTotalText(text: string): boolean {
  const compact = halfWidth(text).replace(/[\s\u3000]+/g, '');
  return TOTAL.test(compact) || /(小计|合计|总计|共计)([:：]?\d+(项|个|条|件|类)?)?$/.test(compact);
}

/** 以下为县交通运输局事项, 一、县市场监督管理局, （一）行政许可, 第二部分, 行政许可（12项）. */
const HEADING = /^(以下为?|下列为?)|^[一二三四五六七八九十百]+[、.．]|^[（(][一二三四五六七八九十百]+[）)]|^第[一二三四五六七八九十百\d]+(部分|类|章|节|篇)|[（(]\d+(项|个|条)[）)]$/;

function isHeadingText(text: string): boolean {
  return HEADING.test(halfWidth(text).replace(/[\s\u3000]+/g, ''));
}

/**
 * Rows within a sheet's data (after `headerRow`, those `skip` says nothing of — hidden rows, lines under the table —
 * left out) that are not entries: a subtotal (its first cell, numbering or name cell a 小计/合计 label), a heading (a
 * text merged across the row; a text in the numbering column alone; 以下为…, 一、… alone in the name column), or a row
 * with nothing but a number in the numbering column. None holds a code or a name that names an item; a row holding
 * only a remark continues the item above.
 */
export function nonItemRows(rows: string[][], headerRow: number, columns: MappedColumn[], skip: (row: number) => boolean): NonItemRow[] {
  const fieldAt = fieldsByColumn(columns);
  const ignored = new Set(columns.filter((c) => c.target.type === 'ignored').map((c) => c.index));
  const firstColumn = Math.min(...columns.map((c) => c.index));
  const found: NonItemRow[] = [];
  for (const { row, filled, texts } of filledRows(rows, headerRow, skip)) {
    const text = rowText(texts);
    const field = (c: { index: number }) => fieldAt.get(c.index) ?? '';
    if (filled.some((c) => field(c) === 'code' && codeLike(c.text))) continue;
    // One text over columns beyond the item's names (a name merged over 事项名称 and 子项名称 is an item's).
    const merged = texts.length === 1 && filled.length > 1 && filled.some((c) => !ITEM_FIELDS.has(field(c)) && !ignored.has(c.index));
    const labelled = (c: { index: number }) => ignored.has(c.index) || ITEM_FIELDS.has(field(c)) || c.index === firstColumn;
    const besides = (cell: { index: number }) => filled.filter((c) => c !== cell).every((c) => ignored.has(c.index) || namesNothing(c.text));
    const heading = filled.find((c) => ITEM_FIELDS.has(field(c)) && isHeadingText(c.text) && besides(c));
    const names = filled.filter((c) => ITEM_FIELDS.has(field(c)) && c !== heading && !namesNothing(c.text) && !isTotalText(c.text));
    if (names.length && !merged) continue;
    if (filled.some((c) => labelled(c) && isTotalText(c.text))) found.push({ row, text, kind: 'total' });
    else if (merged || heading) found.push({ row, text, kind: 'heading' });
    else if (filled.every((c) => ignored.has(c.index))) found.push({ row, text, kind: /^[\d.\s]+$/.test(halfWidth(text)) ? 'number' : 'heading' });
  }
  return found;
}

/** A row's distinct texts on one line, cut to a length a report line can hold. */
export function rowText(texts: string[]): string {
  const line = texts.join(' ').replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
