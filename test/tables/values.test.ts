import { describe, expect, it } from 'vitest';
import { formatCitation, halfWidth, neutralise, parseCitations, parseDuration, slugOf, splitLines, splitNames, unneutralise } from '../../src/tables/values.js';

describe('citation cells', () => {
  it('reads 《title》article：text, several articles of one law, and text that names another law', () => {
    expect(parseCitations('1.《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。\n2.《行政许可法》第三十条、第三十二条').citations).toEqual([
      { title: '中华人民共和国食品安全法', article: '第三十五条', text: '国家对食品生产经营实行许可制度。' },
      { title: '行政许可法', article: '第三十条' },
      { title: '行政许可法', article: '第三十二条' },
    ]);
    expect(parseCitations('《建设工程质量管理条例》第五十八条：依照《建筑法》第六十四条处罚').citations).toEqual([
      { title: '建设工程质量管理条例', article: '第五十八条', text: '依照《建筑法》第六十四条处罚' },
    ]);
    expect(parseCitations('《食品安全法》第三十五条 国家对食品生产经营实行许可制度').citations[0]).toEqual({ title: '食品安全法', article: '第三十五条', text: '国家对食品生产经营实行许可制度' });
  });

  it('returns lines without 《》 as unread, to be kept and reported', () => {
    expect(parseCitations('依据食品安全法第35条\n《办法》附件1：')).toEqual({
      citations: [{ title: '办法', article: '附件1' }],
      unread: ['依据食品安全法第35条'],
    });
  });

  it('writes what it reads: an article that is not 第…条 is closed by a colon', () => {
    const title = () => '某办法';
    for (const citation of [{ law: 'a', article: '第七条' }, { law: 'a', article: '附件1' }, { law: 'a', text: '全文' }, { law: 'a' }, { law: 'a', article: '第七条第二款', text: '引文：含冒号' }]) {
      const [read] = parseCitations(formatCitation(citation, title)).citations;
      expect({ law: 'a', ...(read!.article ? { article: read!.article } : {}), ...(read!.text ? { text: read!.text } : {}) }).toEqual(citation);
    }
  });
});

describe('other cells', () => {
  it('reads time limits with units, Chinese numerals and 即办', () => {
    expect(parseDuration('20个工作日')).toEqual({ value: 20, unit: 'working-days' });
    expect(parseDuration('二十个工作日')).toEqual({ value: 20, unit: 'working-days' });
    expect(parseDuration('90日')).toEqual({ value: 90, unit: 'days' });
    expect(parseDuration('2 小时')).toEqual({ value: 2, unit: 'hours' });
    expect(parseDuration('即办')).toEqual({ value: 0 });
    expect(parseDuration('15')).toEqual({ value: 15 });
    expect(parseDuration('法律未规定')).toBeUndefined();
  });

  it('reads digits typed in full width (a Chinese input method in full-width mode), in time limits and labels', () => {
    expect(parseDuration('２０个工作日')).toEqual({ value: 20, unit: 'working-days' });
    expect(parseDuration('２０日')).toEqual({ value: 20, unit: 'days' });
    expect(parseDuration('１０\u3000天')).toEqual({ value: 10, unit: 'days' });
    expect(parseDuration('１．５小时')).toEqual({ value: 1.5, unit: 'hours' });
    expect(parseDuration('１５')).toEqual({ value: 15 });
    expect(slugOf('level', '４')).toBe('county');
    expect(slugOf('level', '县（市、区）级')).toBe('county');
    expect(halfWidth('１１３３９９２１ＭＢ１Ｃ４５７２ＸＱ')).toBe('11339921MB1C4572XQ');
  });

  it('maps labels, aliases and slugs; numbering and 责任 suffixes do not matter', () => {
    expect(slugOf('category', '行政许可')).toBe('licensing');
    expect(slugOf('category', 'licensing')).toBe('licensing');
    expect(slugOf('stage', '2.审查阶段责任')).toBe('review');
    expect(slugOf('level', '县（市、区）级')).toBe('county');
    expect(slugOf('category', '许可类', { 许可类: 'licensing' })).toBe('licensing');
    expect(slugOf('category', '其他职权')).toBeUndefined();
  });

  it('splits lists on lines (numbering removed, 3.5米 kept) and names on 、 too', () => {
    expect(splitLines('1.申请书\n（2）身份证明\n③ 3.5米以上的场地')).toEqual(['申请书', '身份证明', '3.5米以上的场地']);
    expect(splitNames('县财政局、县审计局\n县税务局')).toEqual(['县财政局', '县审计局', '县税务局']);
  });

  it('neutralises cells a spreadsheet would run as formulas, and reads them back', () => {
    for (const cell of ['=1+1', '+86 570', '-5', '@SUM(A1)', '\tx']) {
      expect(neutralise(cell)).toBe(`'${cell}`);
      expect(unneutralise(neutralise(cell))).toBe(cell);
    }
    expect(neutralise('食品经营许可')).toBe('食品经营许可');
  });

  it('reads back text that itself starts with an apostrophe before a formula character', () => {
    // Import removes one apostrophe before = + - @: text written that way must get one more on export.
    for (const cell of ["'=1+1", "''-5", "'@x", "'普通", "it's"]) expect(unneutralise(neutralise(cell))).toBe(cell);
    expect(neutralise("'=1+1")).toBe("''=1+1");
    expect(neutralise("'普通")).toBe("'普通");
  });
});
