// How catalogue values are written in spreadsheet cells, and read back: labels for slugs, time limits, citations, lists.
import { LABELS } from '../i18n/labels.js';
import { CATEGORIES, ONLINE_STEPS } from '../schema/values.js';
import type { Category, Citation, TimeUnit } from '../schema/definitions.js';

const zh = LABELS['zh-CN'];

/** Labels a spreadsheet uses for each slug, the first one being what export writes; import also accepts the slug. */
export const VALUE_LABELS = {
  category: Object.fromEntries(CATEGORIES.map((c) => [c, [zh.category![c]!]])) as Record<Category, string[]>,
  level: {
    national: ['国家级', '国家', '中央', '1'], provincial: ['省级', '省', '2'], municipal: ['市级', '市', '设区的市级', '3'],
    county: ['县级', '县', '县（市、区）级', '区级', '4'], township: ['乡镇（街道）级', '乡级', '镇级', '乡镇级', '街道', '乡镇', '5'],
  },
  status: { active: ['在用', '有效', '正常'], suspended: ['暂停', '暂停实施'], delegated: ['委托下放', '委托', '下放'], cancelled: ['取消', '已取消'] },
  stage: {
    accept: ['受理', '立案'], review: ['审查', '审核', '调查', '告知'], decide: ['决定'], deliver: ['送达'],
    supervise: ['事后监管', '监管', '监督', '执行'], other: ['其他'],
  },
  online: Object.fromEntries(ONLINE_STEPS.map((s) => [s, [zh.online![s]!]])) as Record<string, string[]>,
  lawKind: {
    law: ['法律'], 'administrative-regulation': ['行政法规'], 'local-regulation': ['地方性法规'], rule: ['规章', '部门规章', '地方政府规章'],
    'normative-document': ['规范性文件'],
  },
  unit: { 'working-days': ['个工作日', '工作日'], days: ['天', '日', '个自然日', '自然日'], hours: ['小时', '个小时'] },
  applicants: { 'natural-person': ['自然人'], 'legal-person': ['法人', '法人或其他组织', '其他组织'] },
  source: { applicant: ['申请人自备', '申请人', '自备'], government: ['政府部门核发', '政府部门', '部门核发'], intermediary: ['中介机构出具', '中介机构'], issuer: ['出具单位提供', '出具单位', '其他单位出具'] },
  medium: { paper: ['纸质', '纸质材料'], electronic: ['电子', '电子材料', '电子版'], both: ['纸质和电子', '纸质、电子', '纸质/电子', '纸质或电子'] },
  required: { true: ['必要', '必须', '是', '必需', '必交'], false: ['非必要', '否', '非必需', '选交', '可选'], conditional: ['视情形', '容缺', '视情况', '情形', '有条件'] },
  riskLevel: { high: ['高'], medium: ['中'], low: ['低'] },
  stepType: { start: ['开始'], task: ['办理', '任务'], decision: ['判断', '决策'], end: ['结束'] },
} satisfies Record<string, Record<string, string[]>>;

export type LabelTable = keyof typeof VALUE_LABELS;

export function labelOf(table: LabelTable, slug: string): string {
  return (VALUE_LABELS[table] as Record<string, string[]>)[slug]?.[0] ?? slug;
}

/** Cell text without spaces, numbering and a trailing 责任/阶段 (受理阶段责任 → 受理), for looking a label up. */
function bare(text: string): string {
  return text.replace(/\s+/g, '').replace(/^(\d+[.、．]|[（(]\d+[)）])/, '').replace(/(阶段)?(责任|环节)$/, '');
}

/**
 * Digits and Latin letters typed in full width (a Chinese input method in full-width mode: ２０个工作日, ＭＢ) as ASCII,
 * the full-width full stop between them too (１．５小时), and the ideographic space as a space. Other punctuation stays:
 * labels are written with full-width brackets (县（市、区）级).
 */
export function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A code as written (实施编码, 统一社会信用代码, 基本编码): spaces dropped, full-width digits and letters as ASCII. */
export function codeText(value: string): string;
export function codeText(value: string | undefined): string | undefined;
export function codeText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : halfWidth(value).replace(/\s+/g, '');
}

/** The slug for a cell: an exact slug, a label or an alias (case and spaces ignored); extra labels from a mapping file first. */
export function slugOf(table: LabelTable, text: string, extra: Record<string, string> = {}): string | undefined {
  if (text.trim() in extra) return extra[text.trim()];
  const value = halfWidth(text).trim();
  if (value in extra) return extra[value];
  const labels = VALUE_LABELS[table] as Record<string, string[]>;
  if (value in labels) return value;
  const wanted = bare(value);
  for (const [slug, names] of Object.entries(labels)) if (names.some((name) => bare(name) === wanted)) return slug;
  return undefined;
}

/** A list cell: one entry a line, numbering like 1. （1） ① removed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*/, '').trim())
    .filter(Boolean);
}

/** A list of short names (departments, applicants): lines, and within a line 、，,；; too. */
export function splitNames(text: string): string[] {
  return splitLines(text).flatMap((line) => line.split(/[、，,；;]/)).map((s) => s.trim()).filter(Boolean);
}

export function joinLines(values: readonly string[] | undefined): string {
  return (values ?? []).join('\n');
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十五 → 15, 二十 → 20, 一百二十 → 120; undefined when it is not a Chinese numeral. */
function chineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (char === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CHINESE_DIGITS[char]!;
  }
  return total + digit;
}

export interface Duration {
  value: number;
  unit?: TimeUnit;
}

/** "20个工作日", "5 天", "2小时", "即办" / "当场办结" (0), "二十个工作日", "２０日" (full width), a bare number (no unit). */
export function parseDuration(text: string | number): Duration | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? { value: text } : undefined;
  const value = halfWidth(text).replace(/\s+/g, '');
  if (/^(即办|即时办结|当场办结|当场|立即办结|即来即办)$/.test(value)) return { value: 0 };
  const match = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)(个工作日|工作日|个自然日|自然日|天|日|个小时|小时)?$/.exec(value);
  if (!match) return undefined;
  const number = /^\d/.test(match[1]!) ? Number(match[1]) : chineseNumber(match[1]!);
  if (number === undefined) return undefined;
  const unit = match[2] ? (slugOf('unit', match[2]) as TimeUnit) : undefined;
  return unit ? { value: number, unit } : { value: number };
}

/**
 * A date as offices write it in spreadsheets: 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日, 20240501 (full-width
 * digits too), or an Excel date serial number (a five-digit count of days, which a date cell without a date format
 * shows). Gives the ISO date the catalogue holds and whether it came from a serial number; undefined when it is
 * not a date of the calendar.
 */
export function parseDate(text: string): { date: string; serial: boolean } | undefined {
  const value = halfWidth(text).replace(/\s+/g, '');
  const iso = (year: number, month: number, day: number) => {
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2月30日 over into March: a date that does not exist is not read.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return date.toISOString().slice(0, 10);
  };
  const written = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))$/.exec(value);
  if (written) {
    const date = iso(Number(written[1]), Number(written[2] ?? written[4] ?? written[6]), Number(written[3] ?? written[5] ?? written[7]));
    return date === undefined ? undefined : { date, serial: false };
  }
  // Excel counts days from 1899-12-30 (its 1900 leap-year error included); five digits are 1927 to 2173.
  if (/^\d{5}$/.test(value)) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(value) * 86_400_000).toISOString().slice(0, 10);
    return { date, serial: true };
  }
  return undefined;
}

export function formatDuration(value: number, unit: TimeUnit | undefined): string {
  return unit ? `${value}${labelOf('unit', unit)}` : String(value);
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? '是' : '否';
}

export function parseYesNo(text: string): boolean | undefined {
  const value = text.trim();
  if (/^(是|true|yes|y|√|✓|计入|允许|可以)$/i.test(value)) return true;
  if (/^(否|false|no|n|×|不计入|不允许|不可以)$/i.test(value)) return false;
  return undefined;
}

// Citations: 《title》article：quoted text — one a line.

const ARTICLE = /^(第[零〇一二两三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?(?:第[零〇一二两三四五六七八九十百\d]+款)?(?:第[零〇一二两三四五六七八九十百\d]+项)?)/;

export function formatCitation(citation: Citation, titleOf: (lawId: string) => string): string {
  // An article label that is not 第…条 (附件1) is closed by a colon, so that it reads back as the article.
  const plainArticle = !citation.article || new RegExp(`${ARTICLE.source}$`).test(citation.article);
  const tail = citation.text ? `：${citation.text}` : plainArticle ? '' : '：';
  return `《${titleOf(citation.law)}》${citation.article ?? ''}${tail}`;
}

export function formatCitations(citations: readonly Citation[] | undefined, titleOf: (lawId: string) => string): string {
  return (citations ?? []).map((c) => formatCitation(c, titleOf)).join('\n');
}

export interface CitedText {
  title: string;
  article?: string;
  text?: string;
}

/**
 * Reads a citation cell. Each 《…》 starts a citation; after it come article labels (第七条、第九条 gives two
 * citations) and, after ： or a space, quoted text, which runs to the end of the line (it may name other laws).
 * What is not a citation (a line without 《》) is returned as `unread`, to be reported.
 */
export function parseCitations(text: string): { citations: CitedText[]; unread: string[] } {
  const citations: CitedText[] = [];
  const unread: string[] = [];
  for (const line of splitLines(text)) {
    let rest = line;
    const open = rest.indexOf('《');
    if (open < 0) {
      unread.push(line);
      continue;
    }
    const before = rest.slice(0, open).replace(/^(依据|根据|按照)/, '').replace(/[：:，,\s]+$/, '').trim();
    if (before) unread.push(before);
    rest = rest.slice(open);
    while (rest.startsWith('《')) {
      const close = rest.indexOf('》');
      if (close < 0) {
        unread.push(rest);
        break;
      }
      const title = rest.slice(1, close).trim();
      rest = rest.slice(close + 1).trim();
      const articles: string[] = [];
      for (let match = ARTICLE.exec(rest); match; match = ARTICLE.exec(rest)) {
        articles.push(match[1]!);
        rest = rest.slice(match[1]!.length).replace(/^[、，,和及与]\s*/, '');
      }
      let quoted = '';
      if (/^[：:]/.test(rest)) {
        quoted = rest.slice(1).trim();
        rest = '';
      } else {
        rest = rest.replace(/^[；;，,、\s]+/, '');
        if (!rest.startsWith('《')) {
          // 《办法》附件1：… — a short label before a colon is the article.
          const split = !articles.length ? /^([^：:《]{1,20})[：:](.*)$/.exec(rest) : null;
          if (split) {
            articles.push(split[1]!.trim());
            quoted = split[2]!.trim();
          } else quoted = rest.replace(/^[；;，,。、\s]+$/, '');
          rest = '';
        }
      }
      if (articles.length <= 1) citations.push({ title, ...(articles[0] ? { article: articles[0] } : {}), ...(quoted ? { text: quoted } : {}) });
      else {
        for (const article of articles) citations.push({ title, article });
        if (quoted) unread.push(quoted);
      }
    }
  }
  return { citations, unread };
}

/**
 * Neutralises a CSV cell that a spreadsheet would run as a formula (OWASP: prefix with '). Text that already starts
 * with apostrophes before such a character gets one more, since import takes one away.
 */
export function neutralise(cell: string): string {
  return /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutralise` on import. */
export function unneutralise(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
