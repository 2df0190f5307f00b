// flow/unreachable: fixture cases plus messages and the place of each orphan step.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'flow-unreachable';

describe('flow/unreachable', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('names the orphan step at its id', () => {
    const { result } = runCase(RULE, 'orphan');
    const finding = result.findings.find((f) => f.ruleId === 'flow/unreachable')!;
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('Step archive (归档) cannot be reached from the start.');
    expect(finding.messages['zh-CN']).toBe('步骤 archive（归档）从开始步骤无法到达。');
    expect(finding.path).toEqual(['flows', 0, 'steps', 5, 'id']);
  });

  it('reports every step of an orphan chain, an unreachable end included', () => {
    const { result } = runCase(RULE, 'orphan-chain');
    const findings = result.findings.filter((f) => f.ruleId === 'flow/unreachable');
    expect(findings.map((f) => f.message)).toEqual([
      'Step hearing (听证) cannot be reached from the start.',
      'Step hearing-report (听证笔录) cannot be reached from the start.',
      'Step withdrawn (撤回申请) cannot be reached from the start.',
    ]);
    expect(findings.map((f) => f.path)).toEqual([
      ['flows', 0, 'steps', 5, 'id'],
      ['flows', 0, 'steps', 6, 'id'],
      ['flows', 0, 'steps', 7, 'id'],
    ]);
  });
});
