import { describe, expect, it } from 'vitest';
import { format, ruleMessage } from '../../src/i18n/index.js';

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

  it('reads time-limit messages naturally in both languages', () => {
    const data = { promised: 1, statutory: 1, unit: 'hours' };
    expect(ruleMessage('en', 'time/promised-exceeds-statutory', 'statutory', data)).toBe('Statutory time limit of 1 hour.');
    expect(ruleMessage('zh-CN', 'time/promised-exceeds-statutory', 'statutory', data)).toBe('法定时限 1小时。');
  });
});
