import { describe, expect, it } from 'vitest';
import { sameValue, SiteMemo } from '../../src/guide/memo.js';

describe('sameValue', () => {
  it('is true for the same object and for equal plain data, however nested', () => {
    const shared = { name: '食品经营许可' };
    expect(sameValue(shared, shared)).toBe(true);
    expect(sameValue({ a: [1, '二', { b: null }], c: shared }, { a: [1, '二', { b: null }], c: { name: '食品经营许可' } })).toBe(true);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
  });

  it('tells apart what a page would show differently', () => {
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue({}, [])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue({ list: [{ name: '甲' }] }, { list: [{ name: '乙' }] })).toBe(false);
  });
});

describe('SiteMemo.pageKey', () => {
  it('keeps a page key while the context is equal, and gives a new one when it changes or the chrome does', () => {
    const memo = new SiteMemo();
    memo.begin('zh-CN\0chrome-1');
    const first = memo.pageKey('index.html', { title: '首页', count: 3 });
    expect(memo.pageKey('index.html', { title: '首页', count: 3 })).toBe(first);
    const second = memo.pageKey('index.html', { title: '首页', count: 4 });
    expect(second).not.toBe(first);
    expect(memo.pageKey('stats.html', { title: '首页', count: 4 })).not.toBe(second);
    memo.begin('zh-CN\0chrome-2');
    expect(memo.pageKey('index.html', { title: '首页', count: 4 })).not.toBe(second);
  });

  it('never gives another session the same key', () => {
    const a = new SiteMemo();
    const b = new SiteMemo();
    expect(a.pageKey('index.html', {})).not.toBe(b.pageKey('index.html', {}));
  });

  it('forgets pages that are gone, so a page that comes back is made again', () => {
    const memo = new SiteMemo();
    const key = memo.pageKey('items/a.html', { name: '甲' });
    memo.keepPages(new Set(['index.html']));
    expect(memo.pageKey('items/a.html', { name: '甲' })).not.toBe(key);
  });
});
