// flow/decision-branches: fixture cases plus each message id and where it points.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'flow-decision-branches';

function branchFindings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'flow/decision-branches');
}

describe('flow/decision-branches', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('too-few: one branch, pointing at the branches', () => {
    const [finding] = branchFindings('one-branch');
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toContain('Decision complete (材料是否齐全) has 1 branch');
    expect(finding!.message).toContain('it needs at least two (branches).');
    expect(finding!.messages['zh-CN']).toBe('判断步骤 complete（材料是否齐全）只有 1 个分支，至少需要两个（branches）。');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 2, 'branches']);
  });

  it('too-few: a decision that uses next has no branches, pointing at its type', () => {
    const [finding] = branchFindings('next-instead-of-branches');
    expect(finding!.message).toBe('Decision complete (材料是否齐全) has 0 branches; it needs at least two (branches).');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 2, 'type']);
  });

  it('no-condition: an empty when, pointing at the branch', () => {
    const findings = branchFindings('empty-when');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('The branch of decision complete to fix has no condition (when).');
    expect(findings[0]!.messages['zh-CN']).toBe('判断步骤 complete 通往 fix 的分支没有写条件（when）。');
    expect(findings[0]!.path).toEqual(['flows', 0, 'steps', 2, 'branches', 1]);
  });

  it('no-condition: a when of a full-width space and a missing when', () => {
    const findings = branchFindings('blank-and-missing-when');
    expect(findings.map((f) => f.message)).toEqual([
      'The branch of decision verify to done has no condition (when).',
      'The branch of decision verify to refuse has no condition (when).',
    ]);
    expect(findings.map((f) => f.path)).toEqual([
      ['flows', 0, 'steps', 5, 'branches', 0],
      ['flows', 0, 'steps', 5, 'branches', 1],
    ]);
  });

  it('branches-on-task: points at the branches key of the task', () => {
    const [finding] = branchFindings('branches-on-task');
    expect(finding!.message).toBe('Step review (审查) is not a decision but has branches; make it type: decision or use next.');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 4, 'branches']);
    expect(finding).toMatchObject({ line: 20, column: 9, endLine: 20, endColumn: 17 });
  });
});
