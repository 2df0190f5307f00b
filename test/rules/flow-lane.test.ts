// flow/lane: fixture cases plus the message and its place.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'flow-lane';

describe('flow/lane', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('names each task without a department, at its name, as a warning', () => {
    const { result } = runCase(RULE, 'no-department');
    const findings = result.findings.filter((f) => f.ruleId === 'flow/lane');
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(findings.map((f) => f.message)).toEqual(['Task accept (受理) has no department.', 'Task review (审查) has no department.']);
    expect(findings[0]!.messages['zh-CN']).toBe('办理步骤 accept（受理）没有承办部门（department）。');
    expect(findings.map((f) => f.path)).toEqual([
      ['flows', 0, 'steps', 1, 'name'],
      ['flows', 0, 'steps', 4, 'name'],
    ]);
    // A Chinese name counts one column per character: 受理 spans columns 28–30.
    expect(findings[0]).toMatchObject({ line: 7, column: 28, endLine: 7, endColumn: 30 });
  });
});
