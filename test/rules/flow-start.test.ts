// flow/start: fixture cases plus messages and the related first start.
import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'flow-start';

describe('flow/start', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('says a flow has no start, at its steps key', () => {
    const { result } = runCase(RULE, 'none');
    const finding = result.findings.find((f) => f.ruleId === 'flow/start')!;
    expect(finding.severity).toBe('error');
    expect(finding.message).toBe('Flow spjy has no start step (type: start).');
    expect(finding.messages['zh-CN']).toBe('流程 spjy 没有开始步骤（type: start）。');
    expect(finding.path).toEqual(['flows', 0, 'steps']);
    expect(finding.related).toEqual([]);
  });

  it('points at the second start and names the first as related', () => {
    const { result } = runCase(RULE, 'two');
    const finding = result.findings.find((f) => f.ruleId === 'flow/start')!;
    expect(finding.message).toBe('Flow spjy has 2 start steps; it must have one.');
    expect(finding.messages['zh-CN']).toBe('流程 spjy 有 2 个开始步骤，只能有一个。');
    expect(finding.path).toEqual(['flows', 0, 'steps', 1, 'type']);
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0]).toMatchObject({ file: 'flows.yaml', line: 6, column: 39, path: ['flows', 0, 'steps', 0, 'type'] });
  });

  it('reports every start after the first, each relating to the first', () => {
    const { result } = runCase(RULE, 'three');
    const findings = result.findings.filter((f) => f.ruleId === 'flow/start');
    expect(findings.map((f) => f.path)).toEqual([
      ['flows', 0, 'steps', 1, 'type'],
      ['flows', 0, 'steps', 6, 'type'],
    ]);
    for (const finding of findings) {
      expect(finding.message).toBe('Flow spjy has 3 start steps; it must have one.');
      expect(finding.related[0]).toMatchObject({ file: 'flows.yaml', line: 8, column: 15, path: ['flows', 0, 'steps', 0, 'type'] });
    }
  });
});
