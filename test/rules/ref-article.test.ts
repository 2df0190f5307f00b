import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'ref-article';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'ref/article');
}

const FOOD_SAFETY_ARTICLES = { file: 'laws.yaml', line: 9, column: 15, path: ['laws', 1, 'articles'], message: 'The articles of 中华人民共和国食品安全法.' };
const LICENSING_ARTICLES = { file: 'laws.yaml', line: 5, column: 15, path: ['laws', 0, 'articles'], message: 'The articles of 中华人民共和国行政许可法.' };

describe('ref/article', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it("suggests the nearest listed article and points at the law's list", () => {
    const [finding] = findings('did-you-mean');
    expect(finding!.message).toBe('中华人民共和国食品安全法 lists no article 第三十六条; did you mean 第三十五条?');
    expect(finding!.messages['zh-CN']).toBe('《中华人民共和国食品安全法》没有列出条款 第三十六条，是否应为 第三十五条？');
    expect(finding!.path).toEqual(['powers', 0, 'basis', 0, 'article']);
    // Columns count each Chinese character as one unit.
    expect(finding).toMatchObject({ line: 7, column: 35, endLine: 7, endColumn: 40 });
    expect(finding!.related).toHaveLength(1);
    expect(finding!.related[0]).toMatchObject(FOOD_SAFETY_ARTICLES);
  });

  it('gives no suggestion when nothing is close, e.g. Arabic numerals for a Chinese label', () => {
    const [arabic, farOff] = findings('unknown');
    expect(arabic!.message).toBe('中华人民共和国食品安全法 lists no article 第35条.');
    expect(arabic!.messages['zh-CN']).toBe('《中华人民共和国食品安全法》没有列出条款 第35条。');
    expect(arabic!.related[0]).toMatchObject(FOOD_SAFETY_ARTICLES);
    expect(farOff!.message).toBe('中华人民共和国行政许可法 lists no article 第八十八条.');
    expect(farOff!.path).toEqual(['responsibilities', 0, 'accountability', 'basis', 0, 'article']);
    expect(farOff!.related[0]).toMatchObject(LICENSING_ARTICLES);
  });

  it('checks citations in special procedures and duties against the cited law, not another one', () => {
    const [procedure, duty] = findings('procedures-and-duties');
    // 第四十二条 is listed, but for the licensing law, not the food safety law cited here.
    expect(procedure!.message).toBe('中华人民共和国食品安全法 lists no article 第四十二条.');
    expect(procedure!.path).toEqual(['powers', 0, 'special_procedures', 0, 'basis', 0, 'article']);
    expect(duty!.message).toBe('中华人民共和国行政许可法 lists no article 第四十三条; did you mean 第四十二条?');
    expect(duty!.path).toEqual(['responsibilities', 0, 'duties', 0, 'basis', 0, 'article']);
    expect(duty!.related[0]).toMatchObject(LICENSING_ARTICLES);
  });
});
