import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'ref-parent';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'ref/parent');
}

describe('ref/parent', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('refuses an item that is its own main item', () => {
    const [finding] = findings('self');
    expect(finding!.message).toBe('An item cannot be its own main item (11339921MB000000104010020000000).');
    expect(finding!.messages['zh-CN']).toBe('事项不能以自己（11339921MB000000104010020000000）为主项。');
    expect(finding).toMatchObject({ file: 'more-powers.yaml', line: 5, column: 13, endColumn: 44, path: ['powers', 0, 'parent'], related: [] });
  });

  it('reports a main item that is not listed, codes compared exactly', () => {
    const [typo, lowercase] = findings('unknown');
    expect(typo!.message).toBe('Main item 11339921MB000000104010100000000 is not in the power list.');
    expect(typo!.messages['zh-CN']).toBe('主项 11339921MB000000104010100000000 不在权力清单中。');
    expect(lowercase!.message).toBe('Main item 11339921mb000000104010010000000 is not in the power list.');
    expect(lowercase!.path).toEqual(['powers', 1, 'parent']);
  });

  it('reports both items of a two-item cycle, each naming the main item it points at', () => {
    expect(findings('cycle').map((f) => [f.path, f.message])).toEqual([
      [['powers', 0, 'parent'], 'The chain of main items from 11339921MB000000104010030000000 loops.'],
      [['powers', 1, 'parent'], 'The chain of main items from 11339921MB000000104010020000000 loops.'],
    ]);
    expect(findings('cycle')[0]!.messages['zh-CN']).toBe('主项链 11339921MB000000104010030000000 形成循环。');
  });

  it('reports an item whose chain of main items runs into a cycle elsewhere', () => {
    const tail = findings('chain-into-cycle').find((f) => f.path[1] === 2);
    expect(tail!.message).toBe('The chain of main items from 11339921MB000000104010020000000 loops.');
    expect(tail).toMatchObject({ line: 19, column: 13 });
  });

  it('finds self and unknown main items in flow-style rows, at the parent value', () => {
    expect(findings('self-and-unknown-inline').map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([
      [3, 71, 102, 'Main item 11339921MB000000104010020000000 is not in the power list.'],
      [4, 71, 102, 'An item cannot be its own main item (11339921MB000000104010030000000).'],
    ]);
  });
});
