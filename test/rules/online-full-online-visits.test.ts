// online/full-online-visits: fixture cases plus the message and the related online depth.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'online-full-online-visits';
const ID = 'online/full-online-visits';

describe('online/full-online-visits', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('points at visits and names the online depth as related', () => {
    const { result } = runCase(RULE, 'full-online-with-visit');
    const finding = result.findings.find((f) => f.ruleId === ID)!;
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('The item is marked fully online but still requires 1 visit.');
    expect(finding.messages['zh-CN']).toBe('事项标为全程网办，但仍需到现场 1 次。');
    expect(finding.path).toEqual(['powers', 0, 'visits']);
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0]).toMatchObject({ file: 'powers.yaml', line: 12, column: 21, path: ['powers', 0, 'online', 'depth'] });
  });

  it('relates a block-style depth at its first item, and leaves the missing reason to visits/reason', () => {
    const { result } = runCase(RULE, 'full-online-without-reason');
    const finding = result.findings.find((f) => f.ruleId === ID)!;
    expect(finding.message).toBe('The item is marked fully online but still requires 2 visits.');
    expect(finding.related[0]).toMatchObject({ file: 'powers.yaml', line: 12, column: 9, path: ['powers', 0, 'online', 'depth'] });
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual([ID, 'visits/reason']);
  });
});
