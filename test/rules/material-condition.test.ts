// material/condition: fixture cases plus both message ids and where they point.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'material-condition';

function materialFindings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'material/condition');
}

describe('material/condition', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('missing: a conditional material without a condition (or with a blank one), at its required', () => {
    const findings = materialFindings('conditional-without-condition');
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(findings.map((f) => f.message)).toEqual([
      'Material "法定代表人授权委托书" is conditional but has no condition.',
      'Material "经营场所使用证明" is conditional but has no condition.',
    ]);
    expect(findings[0]!.messages['zh-CN']).toBe('材料“法定代表人授权委托书”为视情形提交（conditional），但没有写明情形（condition）。');
    expect(findings.map((f) => f.path)).toEqual([
      ['powers', 0, 'materials', 1, 'required'],
      ['powers', 0, 'materials', 2, 'required'],
    ]);
  });

  it('unused: a condition on a material that is always or never required, at the condition key', () => {
    const findings = materialFindings('condition-on-non-conditional');
    expect(findings.map((f) => f.message)).toEqual([
      'Material "食品经营许可申请书" has required: true, so its condition has no effect; set required: conditional if it depends on the case.',
      'Material "食品安全管理制度文本" has required: false, so its condition has no effect; set required: conditional if it depends on the case.',
    ]);
    expect(findings.map((f) => f.path)).toEqual([
      ['powers', 0, 'materials', 0, 'condition'],
      ['powers', 0, 'materials', 1, 'condition'],
    ]);
    expect(findings[0]).toMatchObject({ line: 13, column: 9, endLine: 13, endColumn: 18 });
  });
});
