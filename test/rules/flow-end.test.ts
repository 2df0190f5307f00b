// flow/end: fixture cases plus the message and its place.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'flow-end';

describe('flow/end', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('says a flow has no end, at its steps key', () => {
    const { result } = runCase(RULE, 'none');
    const finding = result.findings.find((f) => f.ruleId === 'flow/end')!;
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('Flow spjy has no end step (type: end).');
    expect(finding.messages['zh-CN']).toBe('流程 spjy 没有结束步骤（type: end）。');
    expect(finding.path).toEqual(['flows', 0, 'steps']);
    expect(finding).toMatchObject({ file: 'flows.yaml', line: 5, column: 5, endLine: 5, endColumn: 10 });
  });

  it('a last step typed task is both the missing end and a dead end', () => {
    const { result } = runCase(RULE, 'last-step-is-task');
    expect(result.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['flow/end', 'Flow spjy has no end step (type: end).'],
      ['flow/dead-end', 'Step done (办结) has no next step (next or branches); the flow stops here.'],
    ]);
  });
});
