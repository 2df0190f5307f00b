import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'ref-law';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'ref/law');
}

describe('ref/law', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('checks the basis of an item, suggesting a near miss, and leaves the article of an unknown law alone', () => {
    const { result } = runCase(RULE, 'power-basis');
    const list = findings('power-basis');
    expect(list.map((f) => [f.path, f.message])).toEqual([
      [['powers', 0, 'basis', 1, 'law'], 'Law spaqff is not listed in laws; did you mean spaqf?'],
      [['powers', 0, 'basis', 2, 'law'], 'Law xzqzf is not listed in laws.'],
    ]);
    expect(list[0]!.messages['zh-CN']).toBe('法规 spaqff 未在 laws 中列出，是否应为 spaqf？');
    expect(list[1]!.messages['zh-CN']).toBe('法规 xzqzf 未在 laws 中列出。');
    expect(list[1]).toMatchObject({ line: 12, column: 15, endLine: 12, endColumn: 20, related: [] });
    expect(result.findings.filter((f) => f.ruleId === 'ref/article')).toEqual([]);
  });

  it('checks citations in special procedures, materials, fees and fee waivers', () => {
    expect(findings('materials-fees-procedures').map((f) => [f.path, f.message])).toEqual([
      [['powers', 0, 'special_procedures', 0, 'basis', 0, 'law'], 'Law spjyxkgl is not listed in laws.'],
      [['powers', 0, 'materials', 0, 'basis', 0, 'law'], 'Law spaq is not listed in laws; did you mean spaqf?'],
      [['powers', 0, 'fees', 0, 'basis', 0, 'law'], 'Law sfgl is not listed in laws.'],
      [['powers', 0, 'fees', 0, 'waiver_basis', 0, 'law'], 'Law xzxk is not listed in laws; did you mean xzxkf?'],
    ]);
  });

  it('checks citations in duties, accountability and department boundaries', () => {
    expect(findings('responsibility-citations').map((f) => [f.line, f.column, f.path])).toEqual([
      [9, 23, ['responsibilities', 0, 'duties', 1, 'basis', 0, 'law']],
      [15, 16, ['responsibilities', 0, 'accountability', 'basis', 1, 'law']],
      [23, 23, ['responsibilities', 1, 'boundaries', 0, 'basis', 0, 'law']],
    ]);
  });
});
