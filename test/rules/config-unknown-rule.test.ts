import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'config-unknown-rule';

describe('config/unknown-rule', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('suggests the rule a typo meant, and says when nothing is close', () => {
    const { result } = runCase(RULE, 'misspelt');
    expect(result.findings.map((f) => [f.message, f.severity, f.path])).toEqual([
      ['There is no rule ref/lwa; did you mean ref/law?', 'warning', ['rules', 'ref/lwa']],
      ['There is no rule made/up; this setting does nothing. See docs/rules.md for the rules.', 'warning', ['rules', 'made/up']],
    ]);
    expect(result.findings[0]!.messages['zh-CN']).toBe('没有规则 ref/lwa，是否应为 ref/law？');
  });

  it('accepts a prefix that matches some rule and refuses one that matches none', () => {
    const { result } = runCase(RULE, 'prefix');
    expect(result.findings.map((f) => f.message)).toEqual(['No rule starts with nothing/*; this setting does nothing.', 'No rule starts with refs/*; did you mean ref/*?']);
    expect(result.findings[1]!.messages['zh-CN']).toBe('没有以 refs/* 开头的规则，是否应为 ref/*？');
  });

  it('checks the change classes named in diff.levels too', () => {
    const { result } = runCase(RULE, 'diff-levels');
    expect(result.findings.map((f) => [f.message, f.path])).toEqual([
      ['There is no change class material/addded for diff.levels; did you mean material/added?', ['diff', 'levels', 'material/addded']],
      ['There is no change class nothing/* for diff.levels; this setting does nothing. See docs/changes.md.', ['diff', 'levels', 'nothing/*']],
    ]);
  });
});
