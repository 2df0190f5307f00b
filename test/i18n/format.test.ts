import { describe, expect, it } from 'vitest';
import { format, ruleMessage } from '../../src/i18n/index.js';
import { label } from '../../src/i18n/labels.js';
import * as zhRules from '../../src/i18n/zh-CN.js';
import * as enRules from '../../src/i18n/en.js';
import { site as zhSite } from '../../src/i18n/site-zh-CN.js';
import { site as enSite } from '../../src/i18n/site-en.js';
import type { Locale, MessageData } from '../../src/findings.js';

/** format as it was written before messages were taken apart once: one regular expression with a callback. */
function formatByRegex(template: string, data: MessageData, locale: Locale): string {
  return template.replace(/\{(\w+)(?:\|([\w-]+)((?::[^:}]*)*))?\}/g, (whole, name: string, filter?: string, args?: string) => {
    const value = data[name];
    if (value === undefined) return whole;
    if (!filter) return String(value);
    if (filter === 'plural') {
      const [one = '', other = ''] = (args ?? '').slice(1).split(':');
      return Number(value) === 1 ? one : other;
    }
    if (filter === 'time') {
      if (typeof value === 'number' && !Number.isFinite(value)) return locale === 'zh-CN' ? '过大、无法计算的时长' : 'a time too large to compute';
      const [one = '', other = one] = label(locale, 'unit', String(data[(args ?? ':unit').slice(1)])).split('|');
      return `${value}${Number(value) === 1 ? one : other}`;
    }
    if (String(value).includes(', ')) return String(value).split(', ').map((item) => label(locale, filter, item)).join(locale === 'zh-CN' ? '、' : ', ');
    const text = label(locale, filter, String(value));
    if (!text.includes('|')) return text;
    const [one = '', other = ''] = text.split('|');
    const count = args ? data[args.slice(1)] : undefined;
    return Number(count) === 1 ? one : other;
  });
}

/** Every message string of a table, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('shows slugs by their labels in the locale', () => {
    expect(format('{n}{unit|unit}', { n: 5, unit: 'working-days' }, 'zh-CN')).toBe('5个工作日');
    expect(format('{c|category}', { c: 'licensing' }, 'zh-CN')).toBe('行政许可');
    expect(format('{c|category}', { c: 'licensing' }, 'en')).toBe('licensing');
  });

  it('takes the singular or plural form by count', () => {
    expect(format('{n}{unit|unit:n}', { n: 1, unit: 'days' }, 'en')).toBe('1 day');
    expect(format('{n}{unit|unit:n}', { n: 2, unit: 'days' }, 'en')).toBe('2 days');
    expect(format('{n} {n|plural:error:errors}', { n: 1 }, 'en')).toBe('1 error');
    expect(format('{n} {n|plural:error:errors}', { n: 0 }, 'en')).toBe('0 errors');
  });

  it('prints a time in the unit another field names, and one too large for a number in words, never Infinity', () => {
    expect(format('{t|time:unit}', { t: 1, unit: 'days' }, 'en')).toBe('1 day');
    expect(format('{t|time:unit}', { t: 2.5, unit: 'working-days' }, 'en')).toBe('2.5 working days');
    expect(format('{t|time:unit}', { t: 3, unit: 'working-days' }, 'zh-CN')).toBe('3个工作日');
    expect(format('{t|time:unit}', { t: 1e308, unit: 'hours' }, 'zh-CN')).toBe('1e+308小时');
    expect(format('由 {t|time:unit} 缩短', { t: Infinity, unit: 'hours' }, 'zh-CN')).toBe('由 过大、无法计算的时长 缩短');
    expect(format('from {t|time:unit} to', { t: Infinity, unit: 'hours' }, 'en')).toBe('from a time too large to compute to');
  });

  it('fills every message of both languages as the regular expression did, with any data', () => {
    const messages = { 'zh-CN': [...strings(zhRules), ...strings(zhSite)], en: [...strings(enRules), ...strings(enSite)] } as const;
    const names = new Set([...messages['zh-CN'], ...messages.en].flatMap((text) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]!)));
    expect(names.size).toBeGreaterThan(30);
    const samples: MessageData[] = [{}, ...[0, 1, 2, 'days', 'working-days', 'licensing, penalty', 'accept, handle', '<b>$&$1</b>', ''].map((value) => Object.fromEntries([...names].map((name) => [name, value])))];
    let compared = 0;
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const template of messages[locale]) {
        for (const data of samples) {
          expect(format(template, data, locale), template).toBe(formatByRegex(template, data, locale));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    for (const template of ['', '{', '}{a}{', '{a}{a}', 'x{a|plural:1:2}y{b|unit:a}z', '{a|nosuch}']) {
      expect(format(template, { a: 1, b: 'days' }, 'en')).toBe(formatByRegex(template, { a: 1, b: 'days' }, 'en'));
    }
  });

  it('reads time-limit messages naturally in both languages', () => {
    const data = { promised: 1, statutory: 1, unit: 'hours' };
    expect(ruleMessage('en', 'time/promised-exceeds-statutory', 'statutory', data)).toBe('Statutory time limit of 1 hour.');
    expect(ruleMessage('zh-CN', 'time/promised-exceeds-statutory', 'statutory', data)).toBe('法定时限 1小时。');
  });
});
