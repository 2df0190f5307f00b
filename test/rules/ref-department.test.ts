import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'ref-department';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'ref/department');
}

describe('ref/department', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it("checks an item's department, delegated_by and co_departments, suggesting near misses", () => {
    const list = findings('power-fields');
    expect(list.map((f) => [f.path, f.message])).toEqual([
      [['powers', 0, 'delegated_by'], 'Department scjg is not listed in departments; did you mean scjgj?'],
      [['powers', 0, 'co_departments', 1], 'Department gsj is not listed in departments.'],
      [['powers', 1, 'department'], 'Department spjj is not listed in departments; did you mean spj?'],
      [['powers', 1, 'co_departments', 1], 'Department nyncj is not listed in departments.'],
    ]);
    expect(list[0]!.messages['zh-CN']).toBe('部门 scjg 未在 departments 中列出，是否应为 scjgj？');
    expect(list[1]!.messages['zh-CN']).toBe('部门 gsj 未在 departments 中列出。');
    expect(list[0]).toMatchObject({ line: 8, column: 19, endLine: 8, endColumn: 23, related: [] });
  });

  it("checks a department's parent", () => {
    const [finding] = findings('department-parent');
    expect(finding!.path).toEqual(['departments', 1, 'parent']);
    expect(finding!.message).toBe('Department xzf is not listed in departments.');
  });

  it('checks department-level responsibilities and their boundaries', () => {
    const list = findings('responsibility-department');
    expect(list.map((f) => [f.path, f.message])).toEqual([
      [['responsibilities', 0, 'department'], 'Department spjj is not listed in departments; did you mean spj?'],
      [['responsibilities', 0, 'boundaries', 1, 'with'], 'Department wjj is not listed in departments.'],
    ]);
  });

  it("checks a flow step's department (its lane), with the column counted in UTF-16 units", () => {
    const [finding] = findings('flow-step-department');
    expect(finding!.path).toEqual(['flows', 0, 'steps', 4, 'department']);
    expect(finding).toMatchObject({ file: 'flows.yaml', line: 15, column: 56, endColumn: 60 });
    expect(finding!.message).toBe('Department scjg is not listed in departments; did you mean scjgj?');
  });
});
