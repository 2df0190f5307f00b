// time/flow-exceeds-promised: fixture cases plus the computed totals, the path named in the message and the related promise.
import { describe, expect, it } from 'vitest';
import { baseFiles, check, fixtureCase, fixtureCases, runCase } from '../harness.js';

const RULE = 'time-flow-exceeds-promised';
const ID = 'time/flow-exceeds-promised';

describe('time/flow-exceeds-promised', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('names the longest path and the total, points at the steps and relates the promise', () => {
    const { result } = runCase(RULE, 'exceeds');
    const finding = result.findings.find((f) => f.ruleId === ID)!;
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe('Flow spjy can take 6 working days, more than the promised 5 working days: 申请 → 受理 → 材料是否齐全 → 审查 → 办结');
    expect(finding.path).toEqual(['flows', 0, 'steps']);
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0]).toMatchObject({
      file: 'powers.yaml',
      line: 9,
      column: 43,
      path: ['powers', 0, 'time_limit', 'promised'],
      message: 'Promised time limit of 5 working days.',
    });
    expect(finding.messages['zh-CN']).toBe('流程 spjy 最长需要 6个工作日，超过承诺时限 5个工作日：申请 → 受理 → 材料是否齐全 → 审查 → 办结');
  });

  it('converts a step in hours into working days at 8 hours a day (12 h = 1.5)', () => {
    const { result } = runCase(RULE, 'hours-step');
    expect(result.findings.find((f) => f.ruleId === ID)!.message).toBe(
      'Flow spjy can take 5.5 working days, more than the promised 5 working days: 申请 → 受理 → 材料是否齐全 → 审查 → 现场核查 → 办结',
    );
  });

  it('counts a working-days step 1:1 inside a calendar-days item', () => {
    const { result } = runCase(RULE, 'days-item');
    expect(result.findings.find((f) => f.ruleId === ID)!.message).toBe(
      'Flow spjy can take 6 days, more than the promised 5 days: 申请 → 受理 → 材料是否齐全 → 审查 → 邮寄送达 → 办结',
    );
  });

  it('takes the slower of two branches', () => {
    const { result } = runCase(RULE, 'slow-branch');
    expect(result.findings.find((f) => f.ruleId === ID)!.message).toBe(
      'Flow spjy can take 6 working days, more than the promised 5 working days: 申请 → 受理 → 适用何种程序 → 审查 → 现场核查 → 办结',
    );
  });

  it('checks a shared flow against each power and reports only the promise it breaks', () => {
    const { result } = runCase(RULE, 'shared-flow');
    const findings = result.findings.filter((f) => f.ruleId === ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('Flow spjy can take 4 working days, more than the promised 3 working days: 申请 → 受理 → 材料是否齐全 → 审查 → 办结');
    expect(findings[0]!.related[0]).toMatchObject({ file: 'powers.yaml', line: 18, column: 43, path: ['powers', 1, 'time_limit', 'promised'] });
  });

  it('passes the 补正 loop once: with a promise of 4 the flow takes 5 (2 + 3), not 7 or 8', () => {
    const files = fixtureCase(RULE, 'valid-loop-counted-once');
    const powers = baseFiles()['powers.yaml']!.replace('promised: 5', 'promised: 4');
    const result = check({ ...files, 'powers.yaml': powers });
    const findings = result.findings.filter((f) => f.ruleId === ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('Flow spjy can take 5 working days, more than the promised 4 working days: 申请 → 受理 → 材料是否齐全 → 审查 → 办结');
  });

  it('does not count a 听证 step marked counted: false (the same flow takes 25 without the mark)', () => {
    const files = fixtureCase(RULE, 'valid-hearing-not-counted');
    expect(check(files).findings.filter((f) => f.ruleId === ID)).toEqual([]);
    const counted = files['flows.yaml']!.replace('duration: 20, counted: false', 'duration: 20');
    const findings = check({ ...files, 'flows.yaml': counted }).findings.filter((f) => f.ruleId === ID);
    expect(findings.map((f) => f.message)).toEqual(['Flow spjy can take 25 working days, more than the promised 5 working days: 申请 → 受理 → 材料是否齐全 → 审查 → 听证 → 决定 → 办结']);
  });

  it('says a path too long for a number is too large to compute, in both languages, never Infinity', () => {
    // Two steps of 1e308 days sum to more than a number holds; one of them alone is a number, printed as it is.
    const files = fixtureCase(RULE, 'exceeds');
    const huge = (flows: string) => check({ ...files, 'flows.yaml': flows }).findings.filter((f) => f.ruleId === ID);
    const one = huge(files['flows.yaml']!.replace('duration: 5,', 'duration: 1e308,'));
    expect(one.map((f) => f.message)).toEqual(['Flow spjy can take 1e+308 working days, more than the promised 5 working days: 申请 → 受理 → 材料是否齐全 → 审查 → 办结']);
    const [two] = huge(files['flows.yaml']!.replace('duration: 1, next: complete', 'duration: 1e308, next: complete').replace('duration: 5,', 'duration: 1e308,'));
    expect(two!.message).not.toContain('Infinity');
    expect(two!.messages).toEqual({
      'zh-CN': '流程 spjy 最长需要 过大、无法计算的时长，超过承诺时限 5个工作日：申请 → 受理 → 材料是否齐全 → 审查 → 办结',
      en: 'Flow spjy can take a time too large to compute, more than the promised 5 working days: 申请 → 受理 → 材料是否齐全 → 审查 → 办结',
    });
  });
});
