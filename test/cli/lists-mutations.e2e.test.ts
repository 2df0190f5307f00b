// Breaking each rule in a copy of the bundled lists/ gives exit 1 and that rule at the right file:line:col, in every format.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { copyCatalogue, edit, positionOf, ROOT, runCli, type CliResult } from './run-cli.js';

const SCJGJ = '11339921MB1C4572XQ'; // 县市场监督管理局's credit code in lists/departments.yaml
const code = (basic: string) => `${SCJGJ}4${basic}`;

// New entries that each break one rule, in a file of their own so the bundled files stay intact.
const BROKEN_POWERS = `powers:
  - code: ${code('010990010000')}
    name: 违规事项甲（重复编码）
    category: licensing
    department: scjgj
    basis: [{law: xzxkf, article: 第三十条}]
    time_limit: {statutory: 20, promised: 5, unit: working-days}
  - code: ${code('010990010000')}
    name: 违规事项乙（编码格式）
    category: licensing
    department: scjgj
    basis: [{law: xzxkf, article: 第三十条}]
    time_limit: {statutory: 20, promised: 5, unit: working-days}
  - code: SCJ-BAD-001
    name: 违规事项丙
    category: licensing
    department: scjgj
    basis: [{law: xzxkf, article: 第三十条}]
    time_limit: {statutory: 20, promised: 5, unit: working-days}
  - code: ${code('010990020000')}
    name: 违规事项丁（引用）
    category: licensing
    department: scjgjj
    basis: [{law: xzxkff, article: 第三十条}, {law: xzxkf, article: 第九百条}]
    parent: ${code('010999990000')}
    flow: no-such-flow
    time_limit: {statutory: 20, promised: 30, unit: working-days}
    visits: 2
    materials:
      - {name: 委托书, required: conditional, source: applicant, medium: paper}
    fees:
      - {name: 工本费, standard: 每件10元}
    online: {depth: [accept, handle, result]}
  - code: ${code('010990030000')}
    name: 违规事项戊（流程超时）
    category: licensing
    department: scjgj
    basis: [{law: xzxkf, article: 第三十条}]
    time_limit: {statutory: 20, promised: 2, unit: working-days}
    flow: broken-slow
responsibilities:
  - power: ${code('010990030000')}
    duties: [{stage: accept, text: 受理}]
  - power: ${code('019999990000')}
    duties: [{stage: accept, text: 受理}]
    accountability: {cases: [失职], basis: [{law: xzxkf, article: 第七十二条}]}
flows:
  - id: broken-slow
    name: 超时流程
    power: ${code('010990030000')}
    steps:
      - {id: s, name: 申请, type: start, next: a}
      - {id: a, name: 受理, type: task, department: scjgj, duration: 3, next: e}
      - {id: e, name: 办结, type: end}
  - id: broken-shape
    name: 结构错误流程
    power: ${code('010990030000')}
    steps:
      - {id: a, name: 受理, type: task, next: b}
      - {id: b, name: 审查, type: task, department: scjgj, next: a}
      - {id: c, name: 孤立步骤, type: task, department: scjgj, next: d}
      - {id: d, name: 是否通过, type: decision, branches: [{to: a, when: 是}]}
      - {id: x, name: 停住, type: task, department: scjgj}
  - id: broken-orphan
    name: 孤立步骤流程
    power: ${code('010990030000')}
    steps:
      - {id: s, name: 申请, type: start, next: e}
      - {id: orphan, name: 无人到达, type: task, department: scjgj, next: e}
      - {id: e, name: 办结, type: end}
`;

interface Expected {
  ruleId: string;
  file: string;
  needle: string;
  after?: string;
}

const E = (ruleId: string, file: string, needle: string, after?: string): Expected => ({ ruleId, file, needle, ...(after ? { after } : {}) });
const BROKEN = 'lists/powers/zz-broken.yaml';

const EXPECTED: Expected[] = [
  E('yaml/syntax', 'lists/zz-syntax.yaml', '"未闭合'),
  E('yaml/duplicate-key', 'lists/zz-duplicate-key.yaml', 'name: 重复', 'name: 部门'),
  E('yaml/alias-limit', 'lists/zz-alias-bomb.yaml', '*a'),
  E('file/encoding', 'lists/zz-gbk.yaml', '\ufffd'),
  E('file/empty', 'lists/zz-empty.yaml', ''),
  E('schema/enum', 'lists/powers/jyj.yaml', 'licencing'),
  E('department/credit-code', 'lists/departments.yaml', '11339921002541003H'),
  E('code/duplicate', BROKEN, code('010990010000'), '违规事项甲'),
  E('code/format', BROKEN, 'SCJ-BAD-001'),
  E('ref/department', BROKEN, 'scjgjj'),
  E('ref/law', BROKEN, 'xzxkff'),
  E('ref/article', BROKEN, '第九百条'),
  E('ref/parent', BROKEN, code('010999990000')),
  E('ref/flow', BROKEN, 'no-such-flow'),
  E('ref/power', BROKEN, code('019999990000')),
  E('responsibility/missing', BROKEN, code('010990020000')),
  E('responsibility/incomplete', BROKEN, 'duties', `power: ${code('010990030000')}`),
  E('time/promised-exceeds-statutory', BROKEN, '30', 'promised'),
  E('visits/reason', BROKEN, '2', 'visits: '),
  E('online/full-online-visits', BROKEN, '2', 'visits: '),
  E('material/condition', BROKEN, 'conditional', '委托书'),
  E('fee/basis', BROKEN, '{name: 工本费'),
  E('time/flow-exceeds-promised', BROKEN, 'steps', 'id: broken-slow'),
  E('flow/start', BROKEN, 'steps', 'id: broken-shape'),
  E('flow/end', BROKEN, 'steps', 'id: broken-shape'),
  E('flow/cycle', BROKEN, 'a', '{id: a, name: 受理, type: task, next'),
  E('flow/lane', BROKEN, '受理', '{id: a, name: 受理, type: task, next'),
  E('flow/decision-branches', BROKEN, '[{to: a', 'name: 是否通过'),
  E('flow/unreachable', BROKEN, 'orphan', '- {id: orphan'),
  E('flow/dead-end', BROKEN, 'x', '{id: x'),
];

function writeMutations(lists: string): void {
  writeFileSync(path.join(lists, 'powers/zz-broken.yaml'), BROKEN_POWERS);
  // The files that cannot be read hold no section that other mutations refer to: a departments: file that cannot be
  // read stops ref/department (the id may be there), which has a test of its own.
  writeFileSync(path.join(lists, 'zz-syntax.yaml'), 'x-notes:\n  - id: bad\n    name: "未闭合\n    level: county\n');
  writeFileSync(path.join(lists, 'zz-duplicate-key.yaml'), 'departments:\n  - id: dup\n    name: 部门\n    name: 重复\n    level: county\n');
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 8; i++) bomb.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(9).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
  writeFileSync(path.join(lists, 'zz-alias-bomb.yaml'), `${bomb.join('\n')}\n`);
  writeFileSync(path.join(lists, 'zz-gbk.yaml'), Buffer.concat([Buffer.from('x-notes:\n  - id: gbk\n    name: '), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), Buffer.from('\n    level: county\n')]));
  writeFileSync(path.join(lists, 'zz-empty.yaml'), '');
  edit(path.join(lists, 'powers/jyj.yaml'), 'category: licensing', 'category: licencing');
  edit(path.join(lists, 'departments.yaml'), 'credit_code: 11339921002541003G', 'credit_code: 11339921002541003H');
}

function expectedPosition(lists: string, expected: Expected): string {
  const file = path.join(path.dirname(lists), expected.file);
  if (expected.ruleId === 'file/encoding') return `${expected.file}:3:11`; // the first byte of the GBK text
  if (expected.ruleId === 'file/empty') return `${expected.file}:1:1`;
  const { line, column } = positionOf(file, expected.needle, expected.after);
  return `${expected.file}:${line}:${column}`;
}

describe('every rule broken in a copy of lists/', () => {
  let lists: string;
  const outputs: Record<string, CliResult> = {};

  beforeAll(async () => {
    lists = copyCatalogue(path.join(ROOT, 'lists'));
    writeMutations(lists);
    const cwd = path.dirname(lists);
    for (const format of ['json', 'sarif', 'github', 'junit', 'stylish']) {
      outputs[format] = await runCli(['validate', 'lists', '-f', format, '--lang', 'en'], { cwd });
    }
  }, 60_000);

  it('exits 1 in every format', () => {
    expect(Object.fromEntries(Object.entries(outputs).map(([format, result]) => [format, result.code]))).toEqual({ json: 1, sarif: 1, github: 1, junit: 1, stylish: 1 });
  });

  it.each(EXPECTED.map((e) => [e.ruleId, e] as const))('%s: json', (_rule, expected) => {
    const findings = JSON.parse(outputs.json!.stdout).findings as Array<{ ruleId: string; file: string; line: number; column: number }>;
    const at = findings.filter((f) => f.ruleId === expected.ruleId).map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(at).toContain(expectedPosition(lists, expected));
  });

  it.each(EXPECTED.map((e) => [e.ruleId, e] as const))('%s: sarif, github, junit, stylish', (_rule, expected) => {
    const where = expectedPosition(lists, expected);
    const [file, line, column] = where.split(':');
    const results = JSON.parse(outputs.sarif!.stdout).runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
    const sarifAt = results
      .filter((r) => r.ruleId === expected.ruleId)
      .map((r) => r.locations[0]!.physicalLocation)
      .map((p) => `${decodeURI(p.artifactLocation.uri)}:${p.region.startLine}:${p.region.startColumn}`);
    expect(sarifAt).toContain(where);
    expect(outputs.github!.stdout).toContain(`file=${file},line=${line},col=${column},`);
    expect(outputs.github!.stdout).toMatch(new RegExp(`file=${file!.replace(/[.]/g, '\\.')},line=${line},col=${column},[^:]*title=${expected.ruleId.replace('/', '\\/')}::`));
    const junit = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(outputs.junit!.stdout);
    const names = (junit.testsuites.testsuite as Array<{ testcase: Array<Record<string, string>> }>).flatMap((s) => s.testcase.map((c) => c['@_name']));
    expect(names).toContain(`${where} ${expected.ruleId}`);
    expect(outputs.stylish!.stdout).toMatch(new RegExp(`  ${where.replace(/[.]/g, '\\.')}  (error|warning|info)  .*  ${expected.ruleId.replace('/', '\\/')}\\n`));
  });

  it('covers every rule of DOMAIN.md §4 that a catalogue can break', () => {
    const ids = new Set(EXPECTED.map((e) => e.ruleId));
    for (const rule of ['yaml/syntax', 'yaml/duplicate-key', 'yaml/alias-limit', 'file/encoding', 'code/duplicate', 'code/format', 'department/credit-code', 'ref/department', 'ref/law', 'ref/article', 'ref/power', 'ref/flow', 'ref/parent', 'responsibility/missing', 'responsibility/incomplete', 'time/promised-exceeds-statutory', 'time/flow-exceeds-promised', 'flow/start', 'flow/end', 'flow/unreachable', 'flow/dead-end', 'flow/decision-branches', 'flow/cycle', 'flow/lane', 'visits/reason', 'material/condition', 'fee/basis', 'online/full-online-visits']) {
      expect(ids, rule).toContain(rule);
    }
  });
});
