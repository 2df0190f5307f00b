// Line endings: a lone CR (files saved by old Mac editors) ends a line, as YAML 1.2 says, for every position we give.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, brief, check, expectations } from '../harness.js';
import { SourceMap } from '../../src/catalogue/source-map.js';
import { FrameMaker } from '../../src/report/code-frame.js';
import { Chalk } from 'chalk';

const CR_ONLY = path.join(FIXTURES, 'line-endings/cr-only');
const files = Object.fromEntries(['powers.yaml', 'laws.yaml'].map((name) => [name, readFileSync(path.join(CR_ONLY, name), 'utf8')]));

describe('CR-only line endings', () => {
  it('the fixture really has CR-only line endings', () => {
    for (const text of Object.values(files)) {
      expect(text).toContain('\r');
      expect(text).not.toContain('\n');
    }
  });

  it('gives findings the line and column of the value, on the fast path (js-yaml) and the full parser (an alias)', () => {
    const result = check(files);
    const found = result.findings.map(brief).sort();
    expect(found).toEqual(expectations(files));
    expect(found).toEqual(['laws.yaml:10:16 schema/format', 'powers.yaml:11:13 visits/reason']);
    const format = result.findings.find((f) => f.ruleId === 'schema/format')!;
    expect([format.endLine, format.endColumn]).toEqual([10, 26]);
  });

  it('reads the same data as the same file with LF endings', () => {
    const lf = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replaceAll('\r', '\n')]));
    const brief = (result: ReturnType<typeof check>) => result.findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`).sort();
    expect(brief(check(files))).toEqual(brief(check(lf)));
  });

  it('puts a syntax error where it is, not on line 1', () => {
    const broken = 'departments:\r  - id: scjgj\r    name: "未闭合\r    level: county\r';
    expect(check({ 'extra.yaml': broken }).findings.map(brief)).toEqual(['extra.yaml:3:11 yaml/syntax']);
  });

  it('counts a lone CR, LF and CR LF each as one line break, mixed in one file', () => {
    const map = new SourceMap('a: 1\rb: 2\nc: 3\r\nd: 4\r');
    expect(map.locate(['b'])).toEqual({ line: 2, column: 4, endLine: 2, endColumn: 5 });
    expect(map.locate(['c'])).toEqual({ line: 3, column: 4, endLine: 3, endColumn: 5 });
    expect(map.locate(['d'])).toEqual({ line: 4, column: 4, endLine: 4, endColumn: 5 });
    expect(map.position(5)).toEqual({ line: 2, column: 1 });
  });

  it('shows the line a finding names in the code frame', () => {
    const frames = new FrameMaker(new Map([['powers.yaml', files['powers.yaml']!]]), new Chalk({ level: 0 }));
    expect(frames.frame('powers.yaml', 11, 13, 11, 14)).toBe([
      '      10 |     time_limit: {statutory: 20, promised: 5, unit: working-days}',
      '    > 11 |     visits: 1 # expect: visits/reason @13',
      '         |             ^',
      '      12 |     online: {depth: [consult, intake]}',
    ].join('\n'));
  });
});
