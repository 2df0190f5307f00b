// fee/basis: fixture cases plus both message ids and where they point.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'fee-basis';

function feeFindings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'fee/basis');
}

describe('fee/basis', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('missing: an empty basis list, at the fee', () => {
    const [finding] = feeFindings('empty-basis');
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toBe('Fee "许可证工本费" has no basis.');
    expect(finding!.messages['zh-CN']).toBe('收费“许可证工本费”没有收费依据（basis）。');
    expect(finding!.path).toEqual(['powers', 0, 'fees', 0]);
  });

  it('missing: no basis at all, only for the fee without one', () => {
    const findings = feeFindings('no-basis');
    expect(findings.map((f) => [f.message, f.path])).toEqual([['Fee "许可证工本费" has no basis.', ['powers', 0, 'fees', 0]]]);
  });

  it('waiver: waivable without a waiver basis (absent or empty), at waivable', () => {
    const findings = feeFindings('waivable-without-waiver-basis');
    expect(findings.map((f) => [f.message, f.path])).toEqual([
      ['Fee "许可证工本费" is marked waivable but has no waiver_basis.', ['powers', 0, 'fees', 0, 'waivable']],
      ['Fee "许可证补办费" has no basis.', ['powers', 0, 'fees', 1]],
      ['Fee "许可证补办费" is marked waivable but has no waiver_basis.', ['powers', 0, 'fees', 1, 'waivable']],
    ]);
    expect(findings[0]!.messages['zh-CN']).toBe('收费“许可证工本费”标明可减免，但没有减免依据（waiver_basis）。');
  });
});
