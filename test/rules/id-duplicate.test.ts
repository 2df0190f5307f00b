import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'id-duplicate';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'id/duplicate');
}

describe('id/duplicate', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('names an item given a second responsibility entry, and where its first is', () => {
    const [finding] = findings('responsibility-twice');
    expect(finding!.message).toBe('Item 11339921MB000000104010010000000 has more than one responsibility entry: merge them into one.');
    expect(finding!.messages['zh-CN']).toBe('事项 11339921MB000000104010010000000 有不止一条责任清单条目，请合并为一条。');
    expect(finding!.related[0]).toMatchObject({ file: 'responsibilities.yaml', line: 2, column: 12, message: '11339921MB000000104010010000000 first used here.' });
  });

  it('points every later department back at the first one, across files', () => {
    const list = findings('department-across-files');
    expect(list).toHaveLength(2);
    for (const finding of list) {
      expect(finding.file).toBe('z-departments.yaml');
      expect(finding.message).toBe('Id scjgj is used more than once in departments.');
      expect(finding.related).toHaveLength(1);
      expect(finding.related[0]).toMatchObject({ file: 'departments.yaml', line: 2, column: 9, path: ['departments', 0, 'id'], message: 'scjgj first used here.' });
    }
    expect(list.map((f) => f.path)).toEqual([
      ['departments', 0, 'id'],
      ['departments', 1, 'id'],
    ]);
    expect(list[0]!.messages['zh-CN']).toBe('部门中的标识 scjgj 重复。');
  });

  it('finds a duplicate law id in the same file, even when id is not the first key', () => {
    const [finding] = findings('law-same-file');
    expect(finding!.message).toBe('Id spaqf is used more than once in laws.');
    expect(finding!.path).toEqual(['laws', 2, 'id']);
    expect(finding!.related[0]).toMatchObject({ file: 'laws.yaml', line: 6, column: 9, path: ['laws', 1, 'id'] });
  });

  it('finds a duplicate flow id across files', () => {
    const [finding] = findings('flow-across-files');
    expect(finding!.message).toBe('Id spjy is used more than once in flows.');
    expect(finding!.related[0]).toMatchObject({ file: 'flows.yaml', line: 2, column: 9, path: ['flows', 0, 'id'] });
  });

  it('finds a step id used twice within one flow and names the flow', () => {
    const [finding] = findings('step');
    expect(finding!.message).toBe('Step id review is used more than once in flow spjy.');
    expect(finding!.messages['zh-CN']).toBe('流程 spjy 中的步骤标识 review 重复。');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 5, 'id']);
    expect(finding!.related).toHaveLength(1);
    expect(finding!.related[0]).toMatchObject({ file: 'flows.yaml', line: 15, column: 14, path: ['flows', 0, 'steps', 4, 'id'], message: 'review first used here.' });
  });

  it('finds two end steps given the same id', () => {
    const [finding] = findings('step-two-ends');
    expect(finding!.message).toBe('Step id done is used more than once in flow spjy-cn.');
    expect(finding!.related[0]).toMatchObject({ file: 'z-flows.yaml', line: 14, column: 14, path: ['flows', 0, 'steps', 2, 'id'] });
  });
});
