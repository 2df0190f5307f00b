import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'responsibility-incomplete';

function findings(name: string) {
  return runCase(RULE, name).result.findings.filter((f) => f.ruleId === 'responsibility/incomplete');
}

describe('responsibility/incomplete', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('points at the duties key of an entry without accountability, as a warning', () => {
    const [block, inline] = findings('no-accountability');
    expect(block!.message).toBe(
      'The responsibility entry of item 11339921MB000000104010010000000 has no accountability: state the cases, basis and subjects.',
    );
    expect(block!.messages['zh-CN']).toBe('事项 11339921MB000000104010010000000 的责任条目没有追责（accountability）：请写明追责情形、依据和对象。');
    expect(block).toMatchObject({ file: 'responsibilities.yaml', line: 3, column: 5, endLine: 3, endColumn: 11, severity: 'warning', related: [] });
    expect(block!.path).toEqual(['responsibilities', 0, 'duties']);
    // In a flow mapping the key sits mid-line.
    expect(inline).toMatchObject({ file: 'z-more.yaml', line: 10, column: 46, endColumn: 52 });
  });

  it('points at the accountability key when its basis is missing or empty', () => {
    const [missing, empty] = findings('no-basis');
    expect(missing!.message).toBe('The accountability of item 11339921MB000000104010010000000 has no basis (accountability.basis).');
    expect(missing!.messages['zh-CN']).toBe('事项 11339921MB000000104010010000000 的追责没有依据（accountability.basis）。');
    expect(missing).toMatchObject({ line: 8, column: 5, endColumn: 19, severity: 'warning' });
    expect(missing!.path).toEqual(['responsibilities', 0, 'accountability']);
    expect(empty!.message).toBe('The accountability of item 11339921MB000000104010010001000 has no basis (accountability.basis).');
    expect(empty).toMatchObject({ file: 'z-more.yaml', line: 13, column: 5 });
  });

  it('tells the two kinds apart within one file', () => {
    expect(findings('both-kinds').map((f) => [f.line, f.column, f.path])).toEqual([
      [16, 5, ['responsibilities', 0, 'duties']],
      [22, 5, ['responsibilities', 1, 'accountability']],
    ]);
    expect(findings('both-kinds')[1]!.message).toBe('The accountability of item 11339921MB000000104060010000000 has no basis (accountability.basis).');
  });
});
