// flow/cycle: fixture cases plus the steps named in each loop and where it points.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'flow-cycle';

function cycles(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'flow/cycle');
}

describe('flow/cycle', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('names both steps of a two-task loop, at the first of them', () => {
    const [finding] = cycles('two-task-loop');
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toBe('In flow spjy, step(s) review, recheck loop without a decision; the flow may never end.');
    expect(finding!.messages['zh-CN']).toBe('流程 spjy 中步骤 review, recheck 构成不经过判断的循环，流程可能永不结束。');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 4, 'id']);
  });

  it('finds a step that leads to itself', () => {
    const [finding] = cycles('self-loop');
    expect(finding!.message).toBe('In flow spjy, step(s) review loop without a decision; the flow may never end.');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 4, 'id']);
  });

  it('finds a decision-free loop nested inside an allowed 补正 loop, and only that one', () => {
    const findings = cycles('inner-loop-inside-decision-loop');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('In flow spjy, step(s) fix, notify loop without a decision; the flow may never end.');
    expect(findings[0]!.path).toEqual(['flows', 0, 'steps', 3, 'id']);
  });
});
