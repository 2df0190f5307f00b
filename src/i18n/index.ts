// Message lookup and formatting in the chosen language; the locale default comes from config, then LANG.
import * as zh from './zh-CN.js';
import * as en from './en.js';
import { changes as zhChanges } from './changes-zh-CN.js';
import { changes as enChanges } from './changes-en.js';
import { standards as zhStandards } from './standards-zh-CN.js';
import { standards as enStandards } from './standards-en.js';
import type { Locale, MessageData } from '../findings.js';
import type { RuleMessages, UiKey } from './types.js';
import { label, TOO_LARGE } from './labels.js';

const catalogues = { 'zh-CN': zh, en } as const;

/** A placeholder of a message, as written and taken apart. */
interface Placeholder {
  whole: string;
  name: string;
  filter: string | undefined;
  args: string | undefined;
}

const PLACEHOLDER = /\{(\w+)(?:\|([\w-]+)((?::[^:}]*)*))?\}/g;
// Messages are a fixed set (ours, in each language), each taken apart once: a site of 4,000 items formats about a
// million of them, and a regular expression with a callback per call was a tenth of a build's template work.
const parsed = new Map<string, ReadonlyArray<string | Placeholder>>();

function partsOf(template: string): ReadonlyArray<string | Placeholder> {
  let parts = parsed.get(template);
  if (parts) return parts;
  const list: Array<string | Placeholder> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) list.push(template.slice(last, match.index));
    list.push({ whole: match[0], name: match[1]!, filter: match[2], args: match[3] });
    last = match.index + match[0].length;
  }
  if (last < template.length) list.push(template.slice(last));
  parts = list;
  parsed.set(template, parts);
  return parts;
}

/** The singular for a count of 1, else the plural: the one plural rule the messages follow. */
function forCount(count: unknown, one: string, other: string): string {
  return Number(count) === 1 ? one : other;
}

/** A label's singular and plural forms (` day| days`), or its one form for every count, for `count`. */
function formFor(forms: string, count: unknown): string {
  const [one = '', other = one] = forms.split('|');
  return forCount(count, one, other);
}

function fill({ whole, name, filter, args }: Placeholder, data: MessageData, locale: Locale): string {
  const value = data[name];
  if (value === undefined) return whole;
  if (!filter) return String(value);
  if (filter === 'plural') {
    const [one = '', other = ''] = (args ?? '').slice(1).split(':');
    return forCount(value, one, other);
  }
  // A time in the unit another field names (`{total|time:unit}` → 3个工作日); one too large for a number, in words.
  if (filter === 'time') {
    if (typeof value === 'number' && !Number.isFinite(value)) return TOO_LARGE[locale].inSentence;
    return `${value}${formFor(label(locale, 'unit', String(data[(args ?? ':unit').slice(1)])), value)}`;
  }
  // A list ("accept, handle") is labelled item by item and joined the way the language lists things.
  if (String(value).includes(', ')) return String(value).split(', ').map((item) => label(locale, filter, item)).join(locale === 'zh-CN' ? '、' : ', ');
  // A label with a singular and a plural form takes the form for the count named in its argument.
  return formFor(label(locale, filter, String(value)), args ? data[args.slice(1)] : undefined);
}

/**
 * Fills `{name}` placeholders. `{name|table}` shows a slug by its label (`{unit|unit}` → 个工作日), and
 * `{name|plural:one:other}` picks the English word for a count (`{errors|plural:error:errors}`); `{unit|unit:count}`
 * picks a label's singular or plural form by another field's count. `{total|time:unit}` is a time in the unit named
 * by another field (`3个工作日`, `1 working day`), or, too large for a number (Infinity), says so in words.
 */
export function format(template: string, data: MessageData = {}, locale: Locale = 'zh-CN'): string {
  const parts = partsOf(template);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : fill(part, data, locale);
  return out;
}

export function ruleMessage(locale: Locale, ruleId: string, messageId: string, data?: MessageData): string {
  const template = catalogues[locale].rules[ruleId]?.messages[messageId];
  if (template === undefined) return `${ruleId}: ${messageId}`;
  return format(template, data, locale);
}

/** A class's message from one of the class tables (diff's change classes, compare's divergence classes). */
function classMessage(tables: Record<Locale, RuleMessages>, locale: Locale, classId: string, messageId: string, data?: MessageData): string {
  const template = tables[locale][classId]?.messages[messageId];
  if (template === undefined) return `${classId}: ${messageId}`;
  return format(template, data, locale);
}

const changeCatalogues = { 'zh-CN': zhChanges, en: enChanges } as const;

export function changeMessage(locale: Locale, classId: string, messageId: string, data?: MessageData): string {
  return classMessage(changeCatalogues, locale, classId, messageId, data);
}

export function changeDescription(locale: Locale, classId: string): string {
  return changeCatalogues[locale][classId]?.description ?? classId;
}

const standardCatalogues = { 'zh-CN': zhStandards, en: enStandards } as const;

export function divergenceMessage(locale: Locale, classId: string, messageId: string, data?: MessageData): string {
  return classMessage(standardCatalogues, locale, classId, messageId, data);
}

export function divergenceDescription(locale: Locale, classId: string): string {
  return standardCatalogues[locale][classId]?.description ?? classId;
}

export function ruleDescription(locale: Locale, ruleId: string): string {
  return catalogues[locale].rules[ruleId]?.description ?? ruleId;
}

export function ui(locale: Locale, key: UiKey, data?: MessageData): string {
  return format(catalogues[locale].ui[key], data, locale);
}

export function hasRuleMessages(locale: Locale, ruleId: string): boolean {
  return ruleId in catalogues[locale].rules;
}

/** zh-CN unless the environment asks for English (LANG=en_US.UTF-8 and the like). */
export function localeFromEnvironment(env: NodeJS.ProcessEnv): Locale | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^zh/i.test(value)) return 'zh-CN';
  if (/^en/i.test(value)) return 'en';
  return undefined;
}

export function parseLocale(value: string): Locale | undefined {
  if (/^zh(-cn|_cn|-hans)?$/i.test(value)) return 'zh-CN';
  if (/^en(-\w+|_\w+)?$/i.test(value)) return 'en';
  return undefined;
}
