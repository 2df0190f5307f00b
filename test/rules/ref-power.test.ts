import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'ref-power';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'ref/power');
}

describe('ref/power', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('refuses a responsibility for an unlisted item, codes compared exactly (case matters)', () => {
    const list = findings('responsibility-unknown');
    expect(list.map((f) => [f.line, f.column, f.path])).toEqual([
      [3, 12, ['responsibilities', 0, 'power']],
      [8, 12, ['responsibilities', 1, 'power']],
    ]);
    expect(list[0]!.message).toBe('Item 11339921mb000000104010010000000 is not in the power list (no power outside the list).');
    expect(list[0]!.messages['zh-CN']).toBe('事项 11339921mb000000104010010000000 不在权力清单中（清单之外无权力）。');
    expect(list[0]!.related).toEqual([]);
  });

  it("checks each code of a flow's powers list as well as its power", () => {
    const [inList, single] = findings('flow-powers-list');
    expect(inList!.path).toEqual(['flows', 0, 'powers', 1]);
    expect(inList!.message).toBe('Item 11339921MB000000104010030000000 is not in the power list (no power outside the list).');
    expect(single!.path).toEqual(['flows', 1, 'power']);
    expect(single!.message).toBe('Item 11339921MB000000104010040000000 is not in the power list (no power outside the list).');
  });

  it('reports a flow that names no item at all, at the flow', () => {
    const [finding] = findings('flow-without-power');
    expect(finding!.message).toBe('Flow spjy-cn names no item (power or powers).');
    expect(finding!.messages['zh-CN']).toBe('流程 spjy-cn 没有写明所属事项（power 或 powers）。');
    expect(finding!.path).toEqual(['flows', 0]);
    expect(finding).toMatchObject({ file: 'z-flows.yaml', line: 2, column: 5, endLine: 2 });
  });

  it('reports a flow whose power line was commented out, and the item it leaves unlinked', () => {
    const { result } = runCase(RULE, 'flow-power-commented-out');
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([
      ['ref/power', 'flows.yaml', 2, 5],
      ['ref/flow', 'powers.yaml', 19, 11],
    ]);
    expect(result.findings[0]!.message).toBe('Flow spjy names no item (power or powers).');
  });
});
