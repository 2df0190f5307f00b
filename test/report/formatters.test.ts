import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import json from '../../src/report/json.js';
import sarif from '../../src/report/sarif.js';
import github from '../../src/report/github.js';
import junit from '../../src/report/junit.js';
import codeclimate from '../../src/report/codeclimate.js';
import stylish from '../../src/report/stylish.js';
import { getFormatter } from '../../src/report/index.js';
import { allRules } from '../../src/rules/index.js';
import { report } from './fixtures.js';

describe('json', () => {
  it('has the documented top-level shape and one object per finding', () => {
    const output = JSON.parse(json(report()));
    expect(Object.keys(output)).toEqual(['version', 'tool', 'locale', 'catalogues', 'summary', 'findings']);
    expect(output.version).toBe(1);
    expect(output.tool).toEqual({ name: 'qingdan', version: '1.2.3' });
    expect(output.summary).toEqual({ errors: 1, warnings: 1, infos: 1 });
    expect(output.findings[0]).toEqual({
      ruleId: 'code/duplicate',
      severity: 'error',
      message: 'Item code A is a duplicate, 100% <sure> & "quoted"',
      messages: { 'zh-CN': '事项编码 A 重复', en: 'Item code A is a duplicate, 100% <sure> & "quoted"' },
      file: 'lists/powers/a,b.yaml',
      line: 2,
      column: 11,
      endLine: 2,
      endColumn: 12,
      path: ['powers', 0, 'code'],
      jsonPath: '$.powers[0].code',
      related: [{ file: 'lists/powers/c.yaml', line: 9, column: 11, endLine: 9, endColumn: 12, path: ['powers', 3, 'code'], jsonPath: '$.powers[3].code', message: 'Code A first used here.' }],
    });
    expect(output.findings[2].jsonPath).toBe('$');
  });
});

describe('sarif', () => {
  const log = JSON.parse(sarif(report()));
  const run = log.runs[0];

  it('is SARIF 2.1.0 with the rule catalogue in the driver', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('qingdan');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(allRules.map((r) => r.id));
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('maps severities to levels and positions to regions, with related locations', () => {
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
    const [first] = run.results;
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('code/duplicate');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'lists/powers/a,b.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 11, endLine: 2, endColumn: 12 },
    });
    expect(first.relatedLocations[0].physicalLocation.region.startLine).toBe(9);
    expect(first.relatedLocations[0].message.text).toBe('Code A first used here.');
    expect(first.partialFingerprints['qingdanPath/v1']).toBe('code/duplicate|lists/powers/a,b.yaml|$.powers[0].code');
  });

  it('writes paths as relative URI references: #, ? and % stay in the path, a colon is no scheme', () => {
    const base = report();
    const uris = (file: string) => {
      const finding = { ...base.findings[0]!, file, related: [{ ...base.findings[0]!.related[0]!, file }] };
      const result = JSON.parse(sarif(report({ findings: [finding] }))).runs[0].results[0];
      return [result.locations[0].physicalLocation.artifactLocation.uri, result.relatedLocations[0].physicalLocation.artifactLocation.uri];
    };
    expect(uris('lists/powers/a#b?c/t 1%.yaml')).toEqual(['lists/powers/a%23b%3Fc/t%201%25.yaml', 'lists/powers/a%23b%3Fc/t%201%25.yaml']);
    expect(uris('a:b.yaml')[0]).toBe('a%3Ab.yaml');
    expect(uris('lists/部门/食品.yaml')[0]).toBe('lists/%E9%83%A8%E9%97%A8/%E9%A3%9F%E5%93%81.yaml');
    expect(decodeURIComponent(new URL(uris('lists/powers/a#b?c/t 1%.yaml')[0]!, 'file:///repo/').pathname)).toBe('/repo/lists/powers/a#b?c/t 1%.yaml');
  });
});

describe('github', () => {
  it('writes one workflow command per finding with escaped properties and data', () => {
    const lines = github(report()).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=lists/powers/a%2Cb.yaml,line=2,col=11,endLine=2,endColumn=12,title=code/duplicate::Item code A is a duplicate, 100%25 <sure> & "quoted"%0Alists/powers/c.yaml:9:11 Code A first used here.',
      '::warning file=lists/powers/a%2Cb.yaml,line=4,col=13,endLine=4,endColumn=14,title=visits/reason::line one%0Aline two',
      '::notice file=lists/empty.yaml,line=1,col=1,endLine=1,endColumn=1,title=file/empty::The file is empty.',
    ]);
  });

  it('gives no columns to a finding over several lines, which GitHub does not accept', () => {
    const base = report();
    const block = { ...base.findings[1]!, line: 4, column: 15, endLine: 7, endColumn: 1 };
    expect(github(report({ findings: [block] }))).toBe('::warning file=lists/powers/a%2Cb.yaml,line=4,endLine=7,title=visits/reason::line one%0Aline two\n');
  });
});

describe('junit', () => {
  const xml = junit(report());

  it('is well-formed XML with escaped text', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('100% &lt;sure&gt; &amp; &quot;quoted&quot;');
  });

  it('has a suite per file, a failing case per error or warning and a passing case for clean files', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = parsed.testsuites.testsuite as Array<Record<string, unknown>>;
    expect(suites.map((s) => s['@_name'])).toEqual(['lists/powers/a,b.yaml', 'lists/empty.yaml', 'lists/clean.yaml']);
    expect(suites.map((s) => s['@_failures'])).toEqual(['2', '0', '0']);
    const cases = suites[0]!.testcase as Array<Record<string, unknown>>;
    expect(cases.map((c) => c['@_name'])).toEqual(['lists/powers/a,b.yaml:2:11 code/duplicate', 'lists/powers/a,b.yaml:4:13 visits/reason']);
    expect((cases[0]!.failure as Record<string, unknown>)['@_type']).toBe('error');
  });

  it('counts every test case in <testsuites tests>: the sum of the suites', () => {
    expect(xml).toContain('<testsuites name="qingdan validate" tests="4" failures="2">');
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' }).parse(xml);
    const suites = parsed.testsuites.testsuite as Array<Record<string, string>>;
    expect(suites.reduce((sum, suite) => sum + Number(suite['@_tests']), 0)).toBe(4);
  });

  it('keeps line breaks and tabs of a message in attributes as character references, which a parser would turn into spaces', () => {
    const base = report();
    const text = junit(report({ findings: [{ ...base.findings[1]!, message: 'a\tb\r\nc ]]> "d"' }] }));
    expect(text).toContain('<failure message="a&#9;b&#13;&#10;c ]]&gt; &quot;d&quot;" type="warning">lists/powers/a,b.yaml:4:13\na\tb&#13;\nc ]]&gt; &quot;d&quot;</failure>');
    expect(XMLValidator.validate(text)).toBe(true);
  });

  it('drops control characters that XML 1.0 cannot carry', () => {
    const base = report();
    const withControl = report({ findings: [{ ...base.findings[0]!, message: 'bad\u0001char' }] });
    expect(XMLValidator.validate(junit(withControl))).toBe(true);
  });
});

describe('stylish', () => {
  it('prints file:line:col, severity, message and rule id, a code frame and the counts — no colour codes when plain', () => {
    const text = stylish(report());
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain('  lists/powers/a,b.yaml:2:11  error  Item code A is a duplicate, 100% <sure> & "quoted"  code/duplicate\n');
    expect(text).toContain('    ↳ related: lists/powers/c.yaml:9:11  Code A first used here.\n');
    expect(text).toContain('    > 2 |   - code: A\n        |           ^\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 1 error, 1 warning, 1 info');
  });

  it('keeps each finding on one line: a line break in a quoted value is shown as ␊', () => {
    const base = report();
    const text = stylish(report({ findings: [{ ...base.findings[1]!, related: [{ ...base.findings[0]!.related[0]!, message: 'x\ny' }] }] }));
    expect(text).toContain('  lists/powers/a,b.yaml:4:13  warning  line one␊line two  visits/reason\n    ↳ related: lists/powers/c.yaml:9:11  x␊y\n');
    const oddName = stylish(report({ findings: [{ ...base.findings[2]!, file: 'lists/a\nb.yaml' }] }));
    expect(oddName).toContain('lists/a␊b.yaml\n  lists/a␊b.yaml:1:1  info  The file is empty.  file/empty\n');
  });

  it('keeps the tabs before the value in the caret line, so the caret sits under it at any tab width', () => {
    const base = report();
    const source = 'powers:\ntime_limit: {statutory: 10,\tpromised: 5,\tunit: weeks}\n';
    const tabbed = report({ findings: [{ ...base.findings[1]!, file: 't.yaml', line: 2, column: 48, endLine: 2, endColumn: 53, related: [] }], sources: new Map([['t.yaml', source]]) });
    const lines = stylish(tabbed).split('\n');
    const code = lines.findIndex((l) => l.startsWith('    > 2 | '));
    expect(lines[code]).toBe('    > 2 | time_limit: {statutory: 10,\tpromised: 5,\tunit: weeks}');
    expect(lines[code + 1]).toBe(`        | ${' '.repeat(27)}\t${' '.repeat(12)}\t${' '.repeat(6)}^^^^^`);
  });

  it('uses colour when asked', () => {
    expect(stylish(report({ color: true }))).toMatch(/\u001b\[31m/);
  });

  it('places the caret under Chinese text by terminal width and crops very long lines', () => {
    const source = `name: ${'很长'.repeat(200)}X\n`;
    const base = report();
    const long = report({
      findings: [{ ...base.findings[1]!, file: 'x.yaml', line: 1, column: 407, endLine: 1, endColumn: 408, related: [] }],
      sources: new Map([['x.yaml', source]]),
    });
    const lines = stylish(long).split('\n');
    const codeLine = lines.find((l) => l.startsWith('    > 1 | '))!;
    const caretLine = lines[lines.indexOf(codeLine) + 1]!;
    expect(codeLine.length).toBeLessThan(130);
    const prefix = codeLine.slice(0, codeLine.indexOf('X'));
    // Every CJK character is two cells wide; the caret sits under the X.
    const cells = [...prefix].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    expect(caretLine.indexOf('^')).toBe(cells);
  });

  it('says the catalogue is clean when there are no findings', () => {
    expect(stylish(report({ findings: [] }))).toBe('✔ 青山县权责清单: 3 files, 1 department, 2 powers, 2 responsibilities, 0 flows; no problems found.\n');
  });
});

describe('codeclimate', () => {
  it('lists issues with GitLab Code Quality severities, paths, lines and stable fingerprints', () => {
    const issues = JSON.parse(codeclimate(report()));
    expect(issues.map((i: { severity: string }) => i.severity)).toEqual(['major', 'minor', 'info']);
    expect(issues[0]).toMatchObject({ type: 'issue', check_name: 'code/duplicate', location: { path: 'lists/powers/a,b.yaml', lines: { begin: 2, end: 2 } } });
    expect(issues[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const moved = report({ findings: report().findings.map((f) => ({ ...f, line: f.line + 10, endLine: f.endLine + 10 })) });
    expect(JSON.parse(codeclimate(moved)).map((i: { fingerprint: string }) => i.fingerprint)).toEqual(issues.map((i: { fingerprint: string }) => i.fingerprint));
    // The same issue in the other language (LANG differs between runners) keeps its fingerprint.
    const chinese = report({ locale: 'zh-CN', findings: report().findings.map((f) => ({ ...f, message: f.messages['zh-CN'] })) });
    expect(JSON.parse(codeclimate(chinese)).map((i: { fingerprint: string }) => i.fingerprint)).toEqual(issues.map((i: { fingerprint: string }) => i.fingerprint));
  });
});

describe('formatter lookup', () => {
  it('knows the six formats and nothing else', () => {
    for (const name of ['stylish', 'json', 'sarif', 'github', 'junit', 'codeclimate']) expect(getFormatter(name)).toBeTypeOf('function');
    expect(getFormatter('toString')).toBeUndefined();
    expect(getFormatter('xml')).toBeUndefined();
  });
});

describe('textWidth', () => {
  it('counts Chinese characters and full-width punctuation as two cells, ASCII as one', async () => {
    const { textWidth } = await import('../../src/report/width.js');
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('食品经营许可')).toBe(12);
    expect(textWidth('许可（新办）')).toBe(12);
    expect(textWidth('e\u0301')).toBe(1);
  });
});
