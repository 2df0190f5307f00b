import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'code-format';
const NATIONAL = '^[0-9A-HJ-NPQRTUWXY]{18}[1-5]\\d{12}$';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'code/format');
}

describe('code/format', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('explains the national format for a code that does not match it', () => {
    const [short, lowercase, badLevel] = findings('pattern');
    expect(short!.message).toBe(
      `Item code 11339921MB0000001040100100 does not match the national format (${NATIONAL}). Under national it has 31 characters: 18-character credit code + 1-digit level + 12-digit basic code.`,
    );
    expect(short!.path).toEqual(['powers', 0, 'code']);
    expect(short).toMatchObject({ line: 3, column: 11, endLine: 3, endColumn: 37 });
    expect(lowercase!.message).toContain('11339921mb000000104010010002000 does not match the national format');
    // Level digit 6 does not exist: that is a format error, not a level mismatch.
    expect(badLevel!.path).toEqual(['powers', 2, 'code']);
    expect(badLevel!.message).toContain('11339921MB000000106010010003000 does not match the national format');
    expect(short!.messages['zh-CN']).toBe(
      `事项编码 11339921MB0000001040100100 不符合 national 的格式（${NATIONAL}）。national 方案下应为 31 位：18 位统一社会信用代码 + 1 位层级 + 12 位基本编码。`,
    );
  });

  it('names full-width characters and spaces in a code, and gives the code without them', () => {
    const [fullwidth, space] = findings('fullwidth');
    expect(fullwidth!.message).toBe('Item code １１339921MB000000104010010004000 holds full-width characters or spaces (as typed with a Chinese input method or pasted from Word). Make them half-width and remove the spaces: 11339921MB000000104010010004000.');
    expect(fullwidth!.messages['zh-CN']).toBe('事项编码 １１339921MB000000104010010004000 含全角字符或空格（常见于用中文输入法录入或从 Word 粘贴）。请改为半角并去掉空格：11339921MB000000104010010004000。');
    expect(space!.message).toContain('remove the spaces: 11339921MB000000104010010005000.');
  });

  it('names the department whose credit code the prefix should be, and points at that credit code', () => {
    const [finding] = findings('credit-code');
    expect(finding!.message).toBe('The first 18 characters of the code, 11339921MB00000023, differ from the credit code 11339921MB00000010 of department scjgj.');
    expect(finding!.messages['zh-CN']).toBe('事项编码前 18 位 11339921MB00000023 与实施主体 scjgj 的统一社会信用代码 11339921MB00000010 不一致。');
    expect(finding!.related).toHaveLength(1);
    expect(finding!.related[0]).toMatchObject({ file: 'departments.yaml', line: 4, column: 18, path: ['departments', 0, 'credit_code'] });
    expect(finding!.related[0]!.message).not.toMatch(/[{}]/);
    expect(finding!.related[0]!.message).toContain('测试县市场监督管理局');
  });

  it('takes the level from the department when the item has none', () => {
    const [finding] = findings('level-from-department');
    expect(finding!.message).toBe('The 19th character of the code is 5, but level county is 4.');
    expect(finding!.messages['zh-CN']).toBe('事项编码第 19 位为 5，但行使层级 county 对应 4。');
    expect(finding!.related).toEqual([]);
  });

  it("takes the item's own level over the department's", () => {
    const [finding] = findings('level-on-power');
    expect(finding!.message).toBe('The 19th character of the code is 4, but level township is 5.');
  });

  it('reports a wrong body and a wrong level in one code as two findings', () => {
    const messages = findings('credit-code-and-level').map((f) => f.message);
    expect(messages).toEqual([
      'The first 18 characters of the code, 11339921MB00000023, differ from the credit code 11339921MB00000010 of department scjgj.',
      'The 19th character of the code is 3, but level county is 4.',
    ]);
  });

  it('checks against code_pattern, anchored, when qingdan.yaml sets one', () => {
    const [finding] = findings('custom-pattern');
    expect(finding!.path).toEqual(['powers', 1, 'code']);
    expect(finding!.message).toMatch(/^Item code SCJ-XK-02 does not match the code_pattern set in qingdan\.yaml \(\^\(\?:\[0-9A-Z\]\{31\}\|\[A-Z\]\{3\}-\[A-Z\]\{2\}-\[0-9\]\{3\}\)\$\)\./);
  });

  it('applies the same embedded checks under the sichuan profile, and names the profile', () => {
    const [creditCode, pattern] = findings('sichuan-profile');
    expect(creditCode!.message).toContain('differ from the credit code 11339921MB00000010 of department scjgj');
    expect(pattern!.message).toContain(`does not match the sichuan format (${NATIONAL})`);
  });
});
