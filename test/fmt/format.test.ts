import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Lexer } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatText, type FormatOutcome } from '../../src/fmt/format.js';
import { parseYaml } from '../../src/catalogue/parse.js';
import { ROOT } from '../cli/run-cli.js';

function formatted(outcome: FormatOutcome): string {
  if (outcome.status !== 'formatted') throw new Error(`expected formatted, got ${JSON.stringify(outcome)}`);
  return outcome.text;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const kindOf = (file: string) => (path.basename(file) === 'qingdan.yaml' ? 'config' : 'file') as 'config' | 'file';

function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd());
}

describe('fmt: canonical key order', () => {
  it('orders a power\'s keys as the format lists its fields, nested objects too, unknown keys last', () => {
    const text = [
      'powers:',
      '  - time_limit: {unit: working-days, promised: 5, statutory: 20}',
      '    x-承办机构: 审批科',
      '    name: 食品经营许可',
      '    basis:',
      '      - article: 第三十五条',
      '        law: spaqf',
      '    code: A1',
      '    category: licensing',
      '    department: scjgj',
      '',
    ].join('\n');
    expect(formatted(formatText(text, 'p.yaml', 'file'))).toBe([
      'powers:',
      '  - code: A1',
      '    name: 食品经营许可',
      '    category: licensing',
      '    department: scjgj',
      '    basis:',
      '      - law: spaqf',
      '        article: 第三十五条',
      '    time_limit: {statutory: 20, promised: 5, unit: working-days}',
      '    x-承办机构: 审批科',
      '',
    ].join('\n'));
  });

  it('tells the two genres of responsibility apart, and orders sections as the format does', () => {
    const text = 'responsibilities:\n  - tasks: [a]\n    duty: 职责\n    department: scjgj\n  - duties: [{text: 受理, stage: accept}]\n    power: A1\ndepartments:\n  - level: county\n    name: 局\n    id: scjgj\n';
    expect(formatted(formatText(text, 'r.yaml', 'file'))).toBe(
      'departments:\n  - id: scjgj\n    name: 局\n    level: county\nresponsibilities:\n  - department: scjgj\n    duty: 职责\n    tasks: [a]\n  - power: A1\n    duties: [{stage: accept, text: 受理}]\n',
    );
  });

  it('orders qingdan.yaml by the config schema', () => {
    expect(formatted(formatText('profile: national\nrules: {}\nname: 清单\n', 'qingdan.yaml', 'config'))).toBe('name: 清单\nprofile: national\nrules: {}\n');
  });
});

describe('fmt: quoting', () => {
  it('drops quotes YAML does not need and keeps (as double quotes) those it does', () => {
    const text = [
      'departments:',
      "  - id: 'scjgj'",
      '    name: "市场监督管理局"',
      '    credit_code: \'113399210025412733\'',
      '    level: county',
      '    address: "路: 1号"',
      '    phone: "#8"',
      '    hours: \'say "hi"\'',
      '',
    ].join('\n');
    expect(formatted(formatText(text, 'd.yaml', 'file'))).toBe([
      'departments:',
      '  - id: scjgj',
      '    name: 市场监督管理局',
      '    credit_code: "113399210025412733"',
      '    level: county',
      '    address: "路: 1号"',
      '    hours: say "hi"',
      '    phone: "#8"',
      '',
    ].join('\n'));
  });

  it('keeps the quotes of text that validate\'s fast parser (js-yaml) would read as a number unquoted', () => {
    const text = ['laws:', '  - id: a', '    title: "0b101"', '    kind: rule', '    issuer: "+0o7"', '    x-a: "-0x1F"', '    x-b: "-.5"', '    x-c: "0b12"', '    x-d: "1.2.3"', ''].join('\n');
    const output = formatted(formatText(text, 'l.yaml', 'file'));
    expect(output).toBe(['laws:', '  - id: a', '    title: "0b101"', '    kind: rule', '    issuer: "+0o7"', '    x-a: "-0x1F"', '    x-b: "-.5"', '    x-c: 0b12', '    x-d: 1.2.3', ''].join('\n'));
    // What validate reads is unchanged: the title stays text, not the number 5.
    expect(parseYaml(output, 'l.yaml').data).toEqual(parseYaml(text, 'l.yaml').data);
  });

  it('keeps every number as written: no digits of a 31-digit code, no leading zero, no trailing .0 is lost', () => {
    // Moved (the code goes first), so the file is printed anew, numbers included.
    const text = [
      'powers:',
      '  - name: 甲',
      '    code: 1133992100254127334019990000000',
      '    time_limit: {statutory: 5.0, promised: 1e1, unit: working-days}',
      '    x-basic: 010010000000',
      '    x-phone: 05701234567',
      '    x-big: 12345678901234567890',
      '    x-hex: 0x1F',
      '    x-tagged: !!int 42',
      '    x-list: [1.50, -0, .inf]',
      '',
    ].join('\n');
    const lines = text.split('\n');
    const expected = [lines[0], '  - code: 1133992100254127334019990000000', '    name: 甲', ...lines.slice(3)].join('\n');
    expect(formatted(formatText(text, 'p.yaml', 'file'))).toBe(expected);
  });

  it('keeps block scalars, long lines unfolded, and normalises indentation to two spaces', () => {
    const long = '法'.repeat(200);
    const text = `laws:\n    -   id: a\n        title: ${long}\n        kind: law\n        issuer: |\n            第一行\n            第二行\n`;
    expect(formatted(formatText(text, 'l.yaml', 'file'))).toBe(`laws:\n  - id: a\n    title: ${long}\n    kind: law\n    issuer: |\n      第一行\n      第二行\n`);
  });
});

describe('fmt: block scalars, as written', () => {
  // A 设定依据 text and a 追责情形 wrapped at 80 columns by their author, in a file laid out with four-space indents.
  const WRAPPED = [
    'powers:',
    '    -   name: 食品经营许可',
    '        code: A1',
    '        basis:',
    '            -   text: >',
    '                    从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装',
    '                    食品的，不需要取得许可。',
    '',
    '                    仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。',
    '                law: spaqf',
    'responsibilities:',
    '    -   power: A1',
    '        accountability:',
    '            cases:',
    '                - >-  # 第七十二条',
    '                    对符合法定条件的行政许可申请不予受理的，或者不在办公场所公示依法应当公示的材料的，',
    '                    由其上级行政机关或者监察机关责令改正',
    '',
  ].join('\n');

  const FORMATTED = [
    'powers:',
    '  - code: A1',
    '    name: 食品经营许可',
    '    basis:',
    '      - law: spaqf',
    '        text: >',
    '          从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装',
    '          食品的，不需要取得许可。',
    '',
    '          仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。',
    'responsibilities:',
    '  - power: A1',
    '    accountability:',
    '      cases:',
    '        - >- # 第七十二条',
    '          对符合法定条件的行政许可申请不予受理的，或者不在办公场所公示依法应当公示的材料的，',
    '          由其上级行政机关或者监察机关责令改正',
    '',
  ].join('\n');

  it('keeps the line breaks of a folded scalar (> and >-), re-indenting its lines with the structure around it', () => {
    expect(formatted(formatText(WRAPPED, 'p.yaml', 'file'))).toBe(FORMATTED);
    expect(parseYaml(FORMATTED, 'p.yaml').data).toEqual(parseYaml(WRAPPED, 'p.yaml').data);
  });

  it('leaves a formatted file with wrapped folded scalars as it is (fmt --check passes on it)', () => {
    expect(formatText(FORMATTED, 'p.yaml', 'file')).toEqual({ status: 'formatted', text: FORMATTED, changed: false });
  });

  it('keeps headers as written — chomping (- +), an indentation indicator, a tag, an anchor — and the text\'s own indentation', () => {
    const text = [
      'laws:',
      '    -   kind: law',
      '        id: a',
      '        title: 法',
      '        x-indented: |2-',
      '            更深一层',
      '          本行',
      '        x-kept: &k !!str >+',
      '            保留',
      '            末尾空行',
      '',
      '',
      '        x-more: >',
      '            折叠',
      '              不折叠的缩进行',
      '            再折叠',
      '        x-alias: *k',
      '',
    ].join('\n');
    const out = formatted(formatText(text, 'l.yaml', 'file'));
    expect(out).toBe([
      'laws:',
      '  - id: a',
      '    title: 法',
      '    kind: law',
      '    x-indented: |2-',
      '        更深一层',
      '      本行',
      '    x-kept: &k !!str >+',
      '      保留',
      '      末尾空行',
      '',
      '',
      '    x-more: >',
      '      折叠',
      '        不折叠的缩进行',
      '      再折叠',
      '    x-alias: *k',
      '',
    ].join('\n'));
    expect(parseYaml(out, 'l.yaml').data).toEqual(parseYaml(text, 'l.yaml').data);
    expect(formatted(formatText(out, 'l.yaml', 'file'))).toBe(out);
  });
});

describe('fmt: comments and blank lines', () => {
  it('moves a key\'s comment and the blank line before it with the key', () => {
    const text = [
      '# 文件说明',
      '',
      'powers:',
      '  # 第一项',
      '  - name: 甲 # 行尾注释',
      '',
      '    # 编码待核',
      '    code: A1',
      '',
      '  - code: A2',
      '    name: 乙',
      '# 文件末尾',
      '',
    ].join('\n');
    const out = formatted(formatText(text, 'p.yaml', 'file'));
    expect(out).toBe([
      '# 文件说明',
      '',
      'powers:',
      '  # 第一项',
      '  # 编码待核',
      '  - code: A1',
      '    name: 甲 # 行尾注释',
      '',
      '  - code: A2',
      '    name: 乙',
      '# 文件末尾',
      '',
    ].join('\n'));
    expect(comments(out).sort()).toEqual(comments(text).sort());
  });
});

describe('fmt: lists/ and every fixture', () => {
  const lists = yamlFiles(path.join(ROOT, 'lists'));
  it('leaves lists/ byte for byte as it is, every comment included', () => {
    for (const file of lists) {
      const text = readFileSync(file, 'utf8');
      const out = formatted(formatText(text, file, kindOf(file)));
      expect(comments(out), file).toEqual(comments(text));
      expect(out, file).toBe(text);
    }
    expect(lists.length).toBe(45);
  });

  it('is idempotent on every fixture: fmt of fmt is byte-identical', () => {
    const files = yamlFiles(path.join(ROOT, 'test/fixtures'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const first = formatText(readFileSync(file), file, kindOf(file));
      if (first.status !== 'formatted') continue;
      const second = formatted(formatText(first.text, file, kindOf(file)));
      expect(second, file).toBe(first.text);
      expect(comments(first.text).sort(), file).toEqual(comments(readFileSync(file, 'utf8')).sort());
    }
  });
});

describe('fmt: line ends and byte-order mark, the file\'s own', () => {
  const UNORDERED = "laws:\n  - title: '法'\n    id: a\n    kind: law\n";
  const ORDERED = 'laws:\n  - id: a\n    title: 法\n    kind: law\n';

  it('keeps CR LF: an already formatted Windows file is unchanged, byte for byte', () => {
    const crlf = ORDERED.replaceAll('\n', '\r\n');
    expect(formatText(Buffer.from(crlf), 'a.yaml', 'file')).toEqual({ status: 'formatted', text: crlf, changed: false });
  });

  it('writes the lines it reorders with CR LF too', () => {
    expect(formatted(formatText(Buffer.from(UNORDERED.replaceAll('\n', '\r\n')), 'a.yaml', 'file'))).toBe(ORDERED.replaceAll('\n', '\r\n'));
  });

  it('keeps a byte-order mark', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ORDERED)]);
    expect(formatText(bom, 'a.yaml', 'file')).toEqual({ status: 'formatted', text: `\ufeff${ORDERED}`, changed: false });
    expect(formatted(formatText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UNORDERED)]), 'a.yaml', 'file'))).toBe(`\ufeff${ORDERED}`);
  });

  it('keeps a lone CR (old Mac), and reads such a file as YAML does', () => {
    expect(formatted(formatText(Buffer.from(UNORDERED.replaceAll('\n', '\r')), 'a.yaml', 'file'))).toBe(ORDERED.replaceAll('\n', '\r'));
  });

  it('makes mixed line ends those of the first line break, and a file without one LF', () => {
    expect(formatted(formatText('laws:\r\n  - id: a\n    title: 法\r\n    kind: law\n', 'a.yaml', 'file'))).toBe(ORDERED.replaceAll('\n', '\r\n'));
    expect(formatted(formatText('laws: []', 'a.yaml', 'file'))).toBe('laws: []\n');
  });

  it('formats mixed CR LF and LF inside block scalars (| and >) in the line ends of the first line break, text kept (QA: blamed on aliases)', () => {
    const mixed = (first: string, other: string) =>
      `laws:${first}  - title: 法${other}    id: a${first}    kind: law${other}    x-note: |${first}      第一行${other}      第二行${first}${other}      第三行${other}    x-fold: >${other}      折叠${first}      文本${first}${first}      段落${other}`;
    const layout = 'laws:\n  - id: a\n    title: 法\n    kind: law\n    x-note: |\n      第一行\n      第二行\n\n      第三行\n    x-fold: >\n      折叠\n      文本\n\n      段落\n';
    for (const [first, other] of [['\r\n', '\n'], ['\n', '\r\n']] as const) {
      const outcome = formatText(Buffer.from(mixed(first, other)), 'a.yaml', 'file');
      expect(outcome).toEqual({ status: 'formatted', text: layout.replaceAll('\n', first), changed: true });
      expect(parseYaml(formatted(outcome), 'a.yaml').data).toEqual(parseYaml(mixed(first, other), 'a.yaml').data);
    }
  });

  it('keeps CR LF inside block scalars, whose text YAML reads with LF either way', () => {
    const text = 'laws:\r\n  - id: a\r\n    title: 法\r\n    kind: law\r\n    x-note: |\r\n      第一行\r\n      第二行\r\n';
    expect(formatText(Buffer.from(text), 'a.yaml', 'file')).toEqual({ status: 'formatted', text, changed: false });
  });
});

describe('fmt: what it leaves alone', () => {
  it('skips YAML that is not a catalogue file', () => {
    expect(formatText('on: push\njobs: {}\n', 'ci.yaml', 'file')).toEqual({ status: 'skipped' });
  });

  it('reports a file it cannot parse, with the syntax finding', () => {
    const outcome = formatText('powers:\n  - code: "x\n', 'p.yaml', 'file');
    expect(outcome.status).toBe('broken');
    expect(outcome.status === 'broken' && outcome.findings.map((f) => f.ruleId)).toEqual(['yaml/syntax']);
  });

  it('reports a GB18030 file instead of guessing', () => {
    const bytes = Buffer.from([...Buffer.from('powers:\n  - name: '), 0xd0, 0xed, 0xbf, 0xc9, 0x0a]);
    const outcome = formatText(bytes, 'p.yaml', 'file');
    expect(outcome.status === 'broken' && outcome.findings[0]!.messageId).toBe('gb18030');
  });

  it('refuses a reorder that would put an alias before its anchor', () => {
    const text = 'powers:\n  - name: &n 食品经营许可\n    code: *n\n';
    expect(formatText(text, 'p.yaml', 'file')).toEqual({ status: 'unsafe', reason: 'alias' });
  });

  it('does not blame aliases for a value it cannot print (a !!binary value): reason data, not alias', () => {
    expect(formatText('powers:\n  - name: n\n    x-scan: !!binary aGVsbG8=\n', 'p.yaml', 'file')).toEqual({ status: 'unsafe', reason: 'data' });
  });
});
