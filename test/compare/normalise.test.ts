import { describe, expect, it } from 'vitest';
import { lawKey, looseName, matchNames, sameLoosely } from '../../src/compare/normalise.js';

describe('loose names', () => {
  it.each([
    ['《营业执照》（复印件）', '营业执照复印件'],
    ['营业执照(复印件)', '营业执照'],
    ['身份证原件及复印件', '身份证'],
    ['身份证（原件和复印件各一份）', '身份证'],
    ['法定代表人身份证明 （复印件）（1份）', '法定代表人身份证明'],
    ['食品经营 许可', '食品经营许可'],
    ['ＡＢＣ公司章程', 'ABC公司章程'],
    ['“三合一”申请表', '三合一申请表'],
    // Zero-width space, zero-width joiner, soft hyphen, BOM: invisible, pasted from web pages and Word files.
    ['食品经营许可申请书\u200b', '食品经营许可申请书'],
    ['食品\u200d经营\u00ad许可\ufeff', '食品经营许可'],
  ])('%s is %s loosely', (a, b) => {
    expect(sameLoosely(a, b) || a === b).toBe(true);
    expect(looseName(a)).toBe(looseName(b));
  });

  it.each([
    ['营业执照副本', '营业执照'],
    ['场所平面图', '场所位置图'],
    ['复印件', '原件'],
  ])('%s is not %s', (a, b) => {
    expect(looseName(a)).not.toBe(looseName(b));
  });

  it('never strips a name down to nothing', () => {
    expect(looseName('复印件')).toBe('复印件');
    expect(looseName('（原件）')).toBe('(原件)');
  });

  it('matches identical names before loose ones, each item once, whatever the order', () => {
    const matching = matchNames(
      [{ name: '申请书' }, { name: '营业执照复印件' }, { name: '身份证' }],
      [{ name: '身份证（原件）' }, { name: '营业执照复印件' }, { name: '申请书' }, { name: '身份证' }],
    );
    expect(matching.matched.map((m) => [m.reference.name, m.local.name, m.loose])).toEqual([
      ['申请书', '申请书', false],
      ['营业执照复印件', '营业执照复印件', false],
      ['身份证', '身份证', false],
    ]);
    expect(matching.extra.map((e) => [e.item.name, e.index])).toEqual([['身份证（原件）', 0]]);
    expect(matching.missing).toEqual([]);
  });

  it('law titles compare without 《》, spaces or width differences', () => {
    expect(lawKey('《中华人民共和国 行政许可法》')).toBe(lawKey('中华人民共和国行政许可法'));
  });
});
