// visits/reason: fixture cases plus the message and its place.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'visits-reason';

describe('visits/reason', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('points at the visits of an item that gives no reason', () => {
    const { result } = runCase(RULE, 'missing');
    const finding = result.findings.find((f) => f.ruleId === 'visits/reason')!;
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('1 in-person visit required but no visit_reason given.');
    expect(finding.messages['zh-CN']).toBe('需到现场 1 次，但没有写明原因（visit_reason）。');
    expect(finding.path).toEqual(['powers', 0, 'visits']);
  });

  it('treats a blank reason as none', () => {
    const { result } = runCase(RULE, 'blank-reason');
    expect(result.findings.map((f) => f.message)).toEqual(['2 in-person visits required but no visit_reason given.']);
  });
});
