import { describe, expect, it } from 'vitest';
import { check, brief } from '../harness.js';

const POWER = `powers:
  - code: 11339921MB000000104010010000000
    name: 食品经营许可
    category: licensing
    department: scjgj
    basis: [{law: spaqf, article: 第三十五条}]
    time_limit: {statutory: 20, promised: 5, unit: working-days}
    flow: spjy
`;

function schemaFindings(powers: string) {
  return check({ 'powers.yaml': powers }).findings.filter((f) => f.ruleId.startsWith('schema/'));
}

describe('schema errors in plain words', () => {
  it('names the allowed values of an enum and the value given', () => {
    const [finding] = schemaFindings(POWER.replace('category: licensing', 'category: 行政许可'));
    expect(brief(finding!)).toBe('powers.yaml:4:15 schema/enum');
    expect(finding!.message).toBe(
      'category must be one of: licensing, penalty, coercion, levy, benefit, inspection, confirmation, reward, adjudication, other, public-service, review-forward (is 行政许可).',
    );
    expect(finding!.messages['zh-CN']).toMatch(/^category 必须是以下之一：licensing, penalty/);
    expect(finding!.path).toEqual(['powers', 0, 'category']);
  });

  it('gives one finding for a value outside a list that is not even text (category: null)', () => {
    const findings = schemaFindings(POWER.replace('category: licensing', 'category: null'));
    expect(findings.map(brief)).toEqual(['powers.yaml:4:15 schema/enum']);
    expect(findings[0]!.message).toMatch(/^category must be one of: licensing, .+ \(is null\)\.$/);
  });

  it('points a missing field at the object that lacks it', () => {
    const [finding] = schemaFindings(POWER.replace('    name: 食品经营许可\n', ''));
    expect(brief(finding!)).toBe('powers.yaml:2:5 schema/required');
    expect(finding!.message).toBe('Missing required field name.');
  });

  it('points an unknown field at its key and suggests the near miss', () => {
    const [finding] = schemaFindings(POWER.replace('    flow: spjy\n', '    flow: spjy\n    visit: 1\n'));
    expect(brief(finding!)).toBe('powers.yaml:9:5 schema/unknown-property');
    expect(finding!.message).toBe('Unknown field visit; did you mean visits?');
  });

  it('explains a union such as required: true | false | conditional', () => {
    const text = POWER + '    materials:\n      - {name: 申请书, required: 是, source: applicant, medium: paper}\n';
    const [finding] = schemaFindings(text);
    expect(brief(finding!)).toBe('powers.yaml:10:31 schema/type');
    expect(finding!.message).toBe('required must be one of: true | false | conditional (is 是).');
  });

  it('words dates, slugs and numbers', () => {
    const text = POWER.replace('department: scjgj', 'department: 市场监管局').replace('promised: 5', 'promised: 五') + '    reviewed: 2024/01/02\n';
    const findings = schemaFindings(text);
    expect(findings.map(brief)).toEqual(['powers.yaml:5:17 schema/pattern', 'powers.yaml:7:43 schema/type', 'powers.yaml:9:15 schema/format']);
    expect(findings.map((f) => f.message)).toEqual([
      'department must be a lowercase slug: lowercase letters, digits, - or _ (is 市场监管局).',
      'promised must be a number (is 五).',
      'reviewed must be a date, YYYY-MM-DD (is 2024/01/02).',
    ]);
  });

  it('reports every error of a file in one pass, across entries', () => {
    const text = POWER + POWER.replace('powers:\n', '').replace('category: licensing', 'category: x').replace('code: 11339921MB000000104010010000000', 'code: 11339921MB000000104010020000000');
    const broken = text.replace('name: 食品经营许可', 'name: ""');
    expect(schemaFindings(broken).map(brief)).toEqual(['powers.yaml:3:11 schema/min-length', 'powers.yaml:11:15 schema/enum']);
  });

  it('reports every schema error of one entry at once, nested ones included, and keeps the entry out of the rules until they are fixed', () => {
    const text = POWER.replace('category: licensing', 'category: licence')
      .replace('    name: 食品经营许可\n', '')
      .replace('promised: 5', 'promised: -1')
      .replace('    flow: spjy\n', '    flow: spjy\n    visit: 1\n    materials:\n      - {name: 申请书, required: true, source: applicant, medium: paperish}\n    reviewed: 2024/01/02\n');
    const findings = check({ 'powers.yaml': text }).findings;
    expect(findings.map(brief)).toEqual([
      'powers.yaml:2:5 schema/required',
      'powers.yaml:3:15 schema/enum',
      'powers.yaml:6:43 schema/minimum',
      'powers.yaml:8:5 schema/unknown-property',
      'powers.yaml:10:64 schema/enum',
      'powers.yaml:11:15 schema/format',
    ]);
    // The rules wait for the entry (no time/promised-exceeds-statutory or the like for it); references to it resolve.
    expect(findings.every((f) => f.ruleId.startsWith('schema/'))).toBe(true);
  });

  it('checks a per-department responsibility as such (if/then on the power key)', () => {
    const findings = check({ 'z-duty.yaml': 'responsibilities:\n  - department: scjgj\n    duty: 食品安全监管\n' }).findings;
    expect(findings.map(brief)).toEqual(['z-duty.yaml:2:5 schema/required']);
    expect(findings[0]!.message).toBe('Missing required field tasks.');
  });

  it('says what a file must look like when it is not a mapping', () => {
    const findings = check({ 'z-list.yaml': '- a\n- b\n' }).findings;
    expect(findings.map(brief)).toEqual(['z-list.yaml:1:1 schema/type']);
    expect(findings[0]!.message).toMatch(/^The top level of a file must be a mapping/);
  });

  it('suggests the section name for a misspelt section', () => {
    const findings = check({ 'z-x.yaml': 'power: []\n' }).findings;
    expect(findings.map((f) => [brief(f), f.message])).toEqual([['z-x.yaml:1:1 schema/unknown-property', 'Unknown field power; did you mean powers?']]);
  });

  it('keeps an invalid entry out of the rules but lets references to it resolve', () => {
    // The power is schema-invalid (bad category); its responsibility and flow still name a known code.
    const findings = check({ 'powers.yaml': POWER.replace('category: licensing', 'category: x') }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['schema/enum']);
  });

  it('asks for quotes around a code written as a bare number, without showing the digits YAML lost', () => {
    const findings = schemaFindings(POWER.replace('code: 11339921MB000000104010010000000', 'code: 1133992100254127334019990000000'));
    expect(findings.map(brief)).toEqual(['powers.yaml:2:11 schema/type']);
    expect(findings[0]!.message).toBe(
      'code must be text, and here is an unquoted number: YAML reads it as a number, which loses the last digits of a long code and any leading zero. Put the value as written in quotes (e.g. "010010000000").',
    );
    expect(findings[0]!.message).not.toContain('e+30');
  });

  it('says a number that is infinite or not a number (.inf, .nan, 1e400) is one, instead of calling it null', () => {
    const text = POWER.replace('statutory: 20, promised: 5', 'statutory: 1e400, promised: .nan') + '    visits: -.inf\n';
    const findings = schemaFindings(text);
    expect(findings.map(brief)).toEqual(['powers.yaml:7:29 schema/type', 'powers.yaml:7:46 schema/type', 'powers.yaml:9:13 schema/type']);
    expect(findings.map((f) => f.message)).toEqual([
      'statutory must be a finite number (is infinite: too large, or .inf).',
      'promised must be a finite number (is .nan, not a number).',
      'visits must be a finite number (is infinite: too large, or .inf).',
    ]);
    const zh = check({ 'powers.yaml': text }, 'zh-CN').findings.find((f) => f.ruleId === 'schema/type');
    expect(zh!.message).toBe('statutory 应为有限的数字（现为无穷大：数值过大，或写了 .inf）。');
    const [name] = schemaFindings(POWER.replace('name: 食品经营许可', 'name: .nan'));
    expect(name!.message).toBe('name must be text (is .nan).');
  });

  it('truncates huge values in messages', () => {
    const long = 'x'.repeat(10_000);
    const [finding] = schemaFindings(POWER.replace('category: licensing', `category: ${long}`));
    expect(finding!.message.length).toBeLessThan(300);
    expect(finding!.message).toContain(`(is ${'x'.repeat(40)}…)`);
  });
});
