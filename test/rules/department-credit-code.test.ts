import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'department-credit-code';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'department/credit-code');
}

describe('department/credit-code', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('says which check character is expected and which was written', () => {
    const [digit, letter] = findings('check-character');
    expect(digit!.message).toBe('Credit code 11339921MB00000037 has a wrong check character: the 18th should be 6, not 7. Check the code for a typo.');
    expect(digit!.messages['zh-CN']).toBe('统一社会信用代码 11339921MB00000037 校验码错误：第 18 位应为 6，现为 7。请核对代码是否抄错。');
    expect(digit!.path).toEqual(['departments', 0, 'credit_code']);
    expect(digit).toMatchObject({ file: 'z-departments.yaml', line: 5, column: 18, endLine: 5, endColumn: 36, severity: 'error' });
    expect(digit!.related).toEqual([]);
    expect(letter!.message).toBe('Credit code 11339921MB0000005D has a wrong check character: the 18th should be C, not D. Check the code for a typo.');
    expect(letter!.path).toEqual(['departments', 1, 'credit_code']);
  });

  it('catches a typo in the body of the code through the check character', () => {
    const [finding] = findings('body-typo');
    expect(finding!.message).toBe('Credit code 11339921MB00000094 has a wrong check character: the 18th should be Q, not 4. Check the code for a typo.');
  });

  it('leaves a lowercase code to the schema instead of reporting it twice', () => {
    const { result } = runCase(RULE, 'lowercase-check-character');
    expect(findings('lowercase-check-character')).toEqual([]);
    const [schema] = result.findings;
    expect(schema!.ruleId).toBe('schema/pattern');
    expect(schema!.message).toContain('(is 11339921MB0000005c)');
  });
});
