import { describe, expect, it } from 'vitest';
import { decode, parseYaml, MAX_ALIAS_COUNT } from '../../src/catalogue/parse.js';
import { SourceMap } from '../../src/catalogue/source-map.js';
import { brief, check } from '../harness.js';

function gbk(text: string): Uint8Array {
  // 部门 in GB18030, between ASCII parts: enough to tell the encodings apart.
  const parts = text.split('部门');
  return Buffer.concat([Buffer.from(parts[0]!), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), Buffer.from(parts[1]!)]);
}

describe('decode', () => {
  it('accepts UTF-8 and drops a byte-order mark', () => {
    const result = decode(Buffer.from('\ufeffname: 青山县\n', 'utf8'), 'a.yaml');
    expect(result).toEqual({ ok: true, text: 'name: 青山县\n' });
  });

  it('recognises GB18030, points at the first bad byte and gives the iconv command', () => {
    const result = decode(gbk('departments:\n  - id: d\n    name: 部门\n'), 'lists/a.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.finding.ruleId).toBe('file/encoding');
    expect(result.finding.messageId).toBe('gb18030');
    const place = result.finding.place;
    const span = new SourceMap(place.text!).spanOfRange(place.range![0], place.range![1]);
    expect(span).toMatchObject({ line: 3, column: 11 });
  });

  it('says UTF-16 when the file starts with a UTF-16 byte-order mark', () => {
    const result = decode(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'a.yaml');
    expect(result.ok === false && result.finding.messageId).toBe('utf16');
  });

  it('says not UTF-8 for bytes that are neither UTF-8 nor GB18030', () => {
    const result = decode(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xff, 0xff, 0x0a]), 'a.yaml');
    expect(result.ok === false && result.finding.messageId).toBe('not-utf8');
  });
});

describe('parseYaml', () => {
  it('keeps dates and yes/no as strings (YAML 1.2 core schema) on the fast path', () => {
    const result = parseYaml('effective: 2021-01-22\nflag: yes\nn: 0o17\n', 'a.yaml');
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({ effective: '2021-01-22', flag: 'yes', n: 15 });
  });

  it('gives the same data on the full path (aliases force it)', () => {
    const result = parseYaml('a: &x 2021-01-22\nb: *x\nflag: yes\n', 'a.yaml');
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({ a: '2021-01-22', b: '2021-01-22', flag: 'yes' });
  });

  it('reports every syntax error with its offset, and no data', () => {
    const text = 'departments:\n  - id: b\n    name: "未闭合\n    level: county\n';
    const result = parseYaml(text, 'a.yaml');
    expect(result.data).toBeUndefined();
    expect(result.problems.map((p) => [p.ruleId, p.messageId])).toEqual([['yaml/syntax', 'MISSING_CHAR']]);
  });

  it('names a [ or { that is never closed at the bracket, not as an indentation error where the next key starts', () => {
    const text = 'powers:\n  - name: x\n    basis: [{law: a, article: b}\n    code: y\n';
    const result = parseYaml(text, 'a.yaml');
    expect(result.data).toBeUndefined();
    expect(result.problems.map((p) => [p.ruleId, p.messageId, p.place.range])).toEqual([['yaml/syntax', 'UNCLOSED_FLOW', [text.indexOf('['), text.indexOf('[') + 1]]]);
    const open = 'departments:\n  - {id: a, name: b\n  - id: c\n';
    expect(parseYaml(open, 'a.yaml').problems.map((p) => [p.messageId, p.place.range?.[0]])).toEqual([['UNCLOSED_FLOW', open.indexOf('{')]]);
  });

  it('reports tabs used for indentation at the tab', () => {
    const text = 'departments:\n  - id: c\n\tname: x\n';
    const result = parseYaml(text, 'a.yaml');
    const problem = result.problems.find((p) => p.messageId === 'TAB_AS_INDENT')!;
    expect(new SourceMap(text).spanOfRange(...problem.place.range!)).toMatchObject({ line: 3, column: 1 });
  });

  it('reports a duplicate key at the second occurrence, with the first as related, and keeps the data', () => {
    const text = 'departments:\n  - id: a\n    level: county\n    level: township\n';
    const result = parseYaml(text, 'a.yaml');
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem!.ruleId).toBe('yaml/duplicate-key');
    expect(problem!.data).toEqual({ key: 'level' });
    const map = new SourceMap(text);
    expect(map.spanOfRange(...problem!.place.range!)).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 10 });
    expect(map.spanOfRange(...problem!.related![0]!.place.range!)).toMatchObject({ line: 3, column: 5 });
    expect(result.data).toBeDefined();
  });

  it('stops an alias bomb with yaml/alias-limit instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = parseYaml(`${lines.join('\n')}\n`, 'bomb.yaml');
    expect(result.data).toBeUndefined();
    expect(result.problems.map((p) => p.ruleId)).toEqual(['yaml/alias-limit']);
    expect(result.problems[0]!.data).toEqual({ limit: MAX_ALIAS_COUNT });
  });

  it('turns nesting deep enough to exhaust the stack into yaml/too-deep', () => {
    const text = `powers: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const result = parseYaml(text, 'deep.yaml');
    expect(result.data).toBeUndefined();
    expect(result.problems.map((p) => p.ruleId)).toContain('yaml/too-deep');
  });

  it('refuses several documents in one file', () => {
    const result = parseYaml('a: 1\n---\nb: 2\n', 'a.yaml');
    expect(result.problems.map((p) => p.messageId)).toEqual(['MULTIPLE_DOCS']);
  });

  it("says what to do about a second document, without the parser's advice to programmers", () => {
    const [en] = check({ 'extra.yaml': 'laws: []\n---\nflows: []\n' }).findings;
    expect(`${brief(en!)} ${en!.message}`).toBe('extra.yaml:2:1 yaml/syntax A catalogue file holds one YAML document: remove the extra --- line, or move what follows it into a file of its own.');
    const [zh] = check({ 'extra.yaml': 'laws: []\n---\nflows: []\n' }, 'zh-CN').findings;
    expect(zh!.message).toBe('一个清单文件只能有一个 YAML 文档：请删除多余的 --- 行，或把其后的内容移到另一个文件。');
  });

  it('refuses a NUL byte at its place, with what to do, and keeps the file out of the data', () => {
    const text = 'powers:\n  - code: A1\n    name: 食品\u0000经营许可\n';
    const result = check({ 'extra.yaml': text });
    const [finding] = result.findings;
    expect(result.findings.map(brief)).toEqual(['extra.yaml:3:13 yaml/syntax']);
    expect([finding!.endLine, finding!.endColumn]).toEqual([3, 14]);
    expect(finding!.message).toBe('YAML does not allow the control character U+0000 (NUL). Most editors do not show it; it comes with text pasted from Word, a PDF or a web page, or from a damaged file. Delete it.');
    expect(finding!.messages['zh-CN']).toBe('YAML 不允许控制字符 U+0000 (NUL)。多数编辑器不显示它，它常随从 Word、PDF 或网页粘贴的文字带入，或来自损坏的文件。请删除它。');
    expect(result.catalogue.unread).toEqual([{ file: 'extra.yaml', sections: ['powers'] }]);
  });

  it('refuses every character YAML 1.2 does not print (C0 but tab/LF/CR, DEL, C1 but NEL, U+FFFE/U+FFFF), one finding a run', () => {
    const text = 'laws:\n  - id: a\u0001\n    title: "\u0007"  # \u001b[31m\n    kind: law\u007f\u0080\u009f\n    issuer: x\ufffe y\uffff\n';
    const problems = parseYaml(text, 'a.yaml').problems;
    const map = new SourceMap(text);
    const at = problems.map((p) => `${p.messageId} ${p.data!.character} ${JSON.stringify(map.spanOfRange(p.place.range![0], p.place.range![1]))}`);
    expect(at).toEqual([
      'NON_PRINTABLE U+0001 (SOH) {"line":2,"column":10,"endLine":2,"endColumn":11}',
      'NON_PRINTABLE U+0007 (BEL) {"line":3,"column":13,"endLine":3,"endColumn":14}',
      'NON_PRINTABLE U+001B (ESC) {"line":3,"column":19,"endLine":3,"endColumn":20}',
      'NON_PRINTABLE U+007F (DEL) {"line":4,"column":14,"endLine":4,"endColumn":17}',
      'NON_PRINTABLE U+FFFE {"line":5,"column":14,"endLine":5,"endColumn":15}',
      'NON_PRINTABLE U+FFFF {"line":5,"column":17,"endLine":5,"endColumn":18}',
    ]);
    expect(parseYaml(text, 'a.yaml').data).toBeUndefined();
  });

  it('accepts what YAML allows: tab, CR, LF, NEL, a byte-order mark inside the text, escapes in double quotes', () => {
    const result = parseYaml('a: "x\\0y\\x07"\nb: c\td\u0085e\ufeff\r\n', 'a.yaml');
    expect(result).toEqual({ data: { a: 'x\u0000y\u0007', b: 'c\td\u0085e\ufeff' }, problems: [], empty: false });
  });

  it('marks empty and comment-only files as empty', () => {
    expect(parseYaml('', 'a.yaml').empty).toBe(true);
    expect(parseYaml('# 只有注释\n', 'a.yaml').empty).toBe(true);
    expect(parseYaml('a: 1\n', 'a.yaml').empty).toBe(false);
  });
});

describe('plain scalars', () => {
  // The fast path (js-yaml) must read what the full parser (`yaml`, YAML 1.2 core) reads: a file with an alias goes
  // through the other one, and a value must not change type because of that.
  const CASES = ['0b101', '+0o7', '0o17', '0x1F', '-0x1', '1_000', '-.5', '.5', '+12', '012', '1e3', '1E-3', '-1.5e+3', '.inf', '-.Inf', '.NaN', '~', 'null', 'NULL', 'nUll', 'true', 'True', 'tRue', 'yes', 'on', '2024-01-02', '12:30', '1.', '-0', '0o8', '3.14.15'];

  it('read the same in the fast path and in the full parser (YAML 1.2 core)', () => {
    for (const value of CASES) {
      const fast = parseYaml(`v: ${value}\n`, 'a.yaml').data as { v: unknown };
      const full = parseYaml(`a: &x 1\nb: *x\nv: ${value}\n`, 'a.yaml').data as { v: unknown };
      expect([value, fast.v], value).toEqual([value, full.v]);
    }
  });

  it('keep 0b101, 1_000 and yes as text, and read -.5, 0o17 and 0x1F as numbers', () => {
    const data = parseYaml('a: 0b101\nb: 1_000\nc: yes\nd: -.5\ne: 0o17\nf: 0x1F\n', 'a.yaml').data;
    expect(data).toEqual({ a: '0b101', b: '1_000', c: 'yes', d: -0.5, e: 15, f: 31 });
  });
});
