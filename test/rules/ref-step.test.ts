import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'ref-step';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'ref/step');
}

describe('ref/step', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('checks every id of a next list, block or flow style, at its index', () => {
    const [typo, unknown] = findings('next-list');
    expect(typo!.message).toBe('Flow spjy has no step don; did you mean done?');
    expect(typo!.messages['zh-CN']).toBe('流程 spjy 中没有步骤 don，是否应为 done？');
    expect(typo!.path).toEqual(['flows', 0, 'steps', 2, 'next', 1]);
    expect(typo).toMatchObject({ line: 13, column: 24, endColumn: 27, related: [] });
    expect(unknown!.message).toBe('Flow spjy has no step archive.');
    expect(unknown!.messages['zh-CN']).toBe('流程 spjy 中没有步骤 archive。');
    expect(unknown!.path).toEqual(['flows', 0, 'steps', 3, 'next', 1]);
  });

  it('checks branches[].to of a decision, with a did-you-mean', () => {
    expect(findings('branches-to').map((f) => [f.line, f.column, f.path, f.message])).toEqual([
      [14, 31, ['flows', 0, 'steps', 2, 'branches', 2, 'to'], 'Flow spjy has no step revew; did you mean review?'],
      [16, 17, ['flows', 0, 'steps', 2, 'branches', 3, 'to'], 'Flow spjy has no step buyushouli.'],
    ]);
  });

  it('checks a single next and reports only the typo, not the steps it cuts off', () => {
    const { result } = runCase(RULE, 'next-single');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toBe('Flow spjy has no step acept; did you mean accept?');
    expect(result.findings[0]!.path).toEqual(['flows', 0, 'steps', 3, 'next']);
  });

  it('does not resolve a step id against another flow', () => {
    const [finding] = findings('other-flow');
    expect(finding!.message).toBe('Flow spjy-cn has no step review.');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 1, 'next', 1]);
  });
});
