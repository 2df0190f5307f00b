// The lines offices write under a table that are not entries of it: a total (合计 35 项), signatures (制表人：张三
// 审核人：李四), notes on filling it in (填表说明：…, 备注：…, 注：…) and a date. They are found at the end of a sheet only,
// from the first row that opens like one; a row that names an item or holds a code is never one of them.
import { halfWidth, parseDate } from '../tables/values.js';
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
export function footerRows(rows: string[][], headerRow: number, columns: MappedColumn[], skip: (row: number) => boolean): FooterRow[] {
  const fieldAt = new Map(columns.flatMap((c) => (c.target.type === 'field' ? [[c.index, c.target.field] as const] : [])));
  const remarkColumns = new Set(columns.filter((c) => /^(备注|说明|注)$/.test(c.header.replace(/[\s\u3000]+/g, '')) || (c.target.type === 'field' && /(^|\.)(note|status_note)$/.test(c.target.field))).map((c) => c.index));
  let start: number | undefined;
  for (let row = headerRow + 1; row < rows.length; row++) {
    if (skip(row)) continue;
    const filled = (rows[row] ?? []).flatMap((cell, index) => (cell.trim() ? [{ text: cell.trim(), index }] : []));
    if (!filled.length) continue;
    const texts = [...new Set(filled.map((c) => c.text))];
    const first = filled[0]!;
    const names = filled.filter((c) => ITEM_FIELDS.has(fieldAt.get(c.index) ?? ''));
    // A text merged over the whole row (a note across the table) repeats in every column, the name's too.
    const merged = texts.length === 1 && filled.length > 1;
    const code = filled.find((c) => fieldAt.get(c.index) === 'code' && c.text !== first.text && /^[\x21-\x7e]+$/.test(halfWidth(c.text).replace(/\s+/g, '')));
    // A remark column's own value (备注: 注：含延续) in a row of nothing else belongs to the item above.
    const remark = filled.length === 1 && remarkColumns.has(first.index);
    const dates = texts.every(isDateText) && !filled.every((c) => DATE_FIELDS.has(fieldAt.get(c.index) ?? ''));
    if ((isFooterLabel(first.text) || dates) && !code && !remark) start ??= row;
    else if (code || (!merged && names.some((c) => !namesNothing(c.text)))) start = undefined;
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

/** A row's distinct texts on one line, cut to a length a report line can hold. */
export function rowText(texts: string[]): string {
  const line = texts.join(' ').replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
