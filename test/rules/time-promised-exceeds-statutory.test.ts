// time/promised-exceeds-statutory: fixture cases plus the message, related statutory limit and Chinese text.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'time-promised-exceeds-statutory';

describe('time/promised-exceeds-statutory', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('points at the promised limit and names the statutory one as related', () => {
    const { result } = runCase(RULE, 'exceeds');
    const finding = result.findings.find((f) => f.ruleId === 'time/promised-exceeds-statutory')!;
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('Promised time limit of 25 working days is longer than the statutory 20 working days.');
    expect(finding.path).toEqual(['powers', 0, 'time_limit', 'promised']);
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0]).toMatchObject({ file: 'powers.yaml', line: 9, column: 29, path: ['powers', 0, 'time_limit', 'statutory'], message: 'Statutory time limit of 20 working days.' });
    expect(finding.messages['zh-CN']).toBe('承诺时限 25个工作日长于法定时限 20个工作日。');
  });

  it('finds the later entry of another file in block style, and leaves a fractional promise under the limit alone', () => {
    const { result } = runCase(RULE, 'block-style');
    const findings = result.findings.filter((f) => f.ruleId === 'time/promised-exceeds-statutory');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('Promised time limit of 72 hours is longer than the statutory 48 hours.');
    expect(findings[0]!).toMatchObject({ file: 'z-more-powers.yaml', line: 11, column: 17, path: ['powers', 0, 'time_limit', 'promised'] });
    expect(findings[0]!.related[0]).toMatchObject({ file: 'z-more-powers.yaml', line: 10, column: 18, path: ['powers', 0, 'time_limit', 'statutory'] });
  });
});
