import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'ref-flow';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'ref/flow');
}

describe('ref/flow', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it("reports an item's flow that is not listed, in block and flow style", () => {
    const [block, inline] = findings('unknown');
    expect(block!.message).toBe('Flow spjyy is not listed in flows; did you mean spjy?');
    expect(block!.messages['zh-CN']).toBe('流程 spjyy 未在 flows 中列出，是否应为 spjy？');
    expect(block!.path).toEqual(['powers', 0, 'flow']);
    expect(block!.related).toEqual([]);
    expect(inline!.path).toEqual(['powers', 1, 'flow']);
    expect(inline).toMatchObject({ line: 10, column: 235, endColumn: 239 });
  });

  it('reports a flow that does not name the item back, and points at the flow', () => {
    const [finding] = findings('not-linked');
    expect(finding!.message).toBe('Flow spjy does not name this item 11339921MB000000104010010001000 in power/powers.');
    expect(finding!.messages['zh-CN']).toBe('流程 spjy 的 power/powers 中没有此事项 11339921MB000000104010010001000。');
    expect(finding).toMatchObject({ file: 'more-powers.yaml', line: 10, column: 11, path: ['powers', 0, 'flow'] });
    expect(finding!.related).toHaveLength(1);
    expect(finding!.related[0]).toMatchObject({ file: 'flows.yaml', line: 2, column: 5, path: ['flows', 0], message: 'Flow spjy is here.' });
  });

  it("looks in the flow's powers list too", () => {
    const [finding] = findings('not-linked-powers-list');
    expect(finding!.message).toBe('Flow spjy-cn does not name this item 11339921MB000000104010010001000 in power/powers.');
    expect(finding!.related[0]).toMatchObject({ file: 'more-powers.yaml', line: 11, column: 5, path: ['flows', 0] });
  });

  it('reports a flow id whose file was never added', () => {
    const [finding] = findings('unknown-file-not-added');
    expect(finding!.message).toBe('Flow spjy-cn is not listed in flows.');
    expect(finding).toMatchObject({ line: 10, column: 11, endColumn: 18, path: ['powers', 0, 'flow'] });
  });
});
