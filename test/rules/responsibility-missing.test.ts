import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'responsibility-missing';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'responsibility/missing');
}

describe('responsibility/missing', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('reports an item in force without an entry, at its code, whatever department-level duties say', () => {
    const list = findings('main-item');
    expect(list.map((f) => [f.line, f.column, f.path])).toEqual([
      [3, 11, ['powers', 0, 'code']],
      [11, 11, ['powers', 1, 'code']],
    ]);
    expect(list[0]!.message).toBe(
      'Item 11339921MB000000104010020000000 (食品生产许可) has no responsibility entry: add its duties and accountability under responsibilities.',
    );
    expect(list[0]!.messages['zh-CN']).toBe('事项 11339921MB000000104010020000000（食品生产许可）没有责任清单条目：请在 responsibilities 中写明其责任事项与追责。');
    expect(list[0]).toMatchObject({ file: 'z-powers.yaml', severity: 'error', endLine: 3, endColumn: 42, related: [] });
  });

  it('reports a delegated item', () => {
    const [finding] = findings('delegated');
    expect(finding!.message).toContain('Item 11339921MB000000234010020000000 (食品小作坊登记) has no responsibility entry');
    expect(finding).toMatchObject({ line: 3, column: 12 });
  });

  it("does not let a sub-item's entry cover its main item", () => {
    const list = findings('sub-item-entry-does-not-cover-parent');
    expect(list).toHaveLength(1);
    expect(list[0]!.path).toEqual(['powers', 0, 'code']);
    expect(list[0]!.message).toContain('(食品生产许可)');
  });
});
