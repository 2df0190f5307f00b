// Baseline mode (validate --since): old findings are matched by rule, item and path inside the item — never by line.
import { describe, expect, it } from 'vitest';
import { newSince } from '../../src/baseline.js';
import { MemorySource } from '../../src/catalogue/source.js';
import { validateCatalogue } from '../../src/validate.js';
import { caseFiles } from './harness.js';

const P1 = '11339921MB000000104010010000000';

function validate(files: Record<string, string>) {
  return validateCatalogue(new MemorySource(files), { explicitLocale: 'en' });
}

/** The no-op fixture with 食品经营许可's visit_reason removed: one visits/reason finding. */
function withFinding(): Record<string, string> {
  const files = caseFiles('no-op', 'base');
  files['powers.yaml'] = files['powers.yaml']!.replace('    visit_reason: 领取纸质许可证\n', '');
  return files;
}

const brief = (f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`;

describe('newSince', () => {
  it('hides a finding whose item moved (lines above, another file) but did not change', () => {
    const base = validate(withFinding());
    expect(base.findings.map(brief)).toEqual(['visits/reason powers.yaml:23']);

    const moved = withFinding();
    const powers = moved['powers.yaml']!;
    const split = powers.indexOf('  - code: 11339921MB000000234070010000000');
    moved['powers.yaml'] = `# 调整说明\n\n${powers.slice(0, split)}`;
    moved['a/first.yaml'] = `# 先列出小摊贩登记\n\npowers:\n${powers.slice(split)}`;
    const head = validate(moved);
    expect(head.findings.map(brief)).toEqual(['visits/reason powers.yaml:25']);
    expect(newSince(head, base)).toEqual([]);
  });

  it('shows a new finding next to an old one', () => {
    const base = validate(withFinding());
    const files = withFinding();
    files['powers.yaml'] = files['powers.yaml']!.replace('    visits: 0\n', '    visits: 1\n');
    const head = validate(files);
    // 食品小摊贩登记 claims full online, so a visit also breaks online/full-online-visits.
    expect(head.findings.map(brief).sort()).toEqual(['online/full-online-visits powers.yaml:49', 'visits/reason powers.yaml:23', 'visits/reason powers.yaml:49']);
    expect(newSince(head, base).map(brief).sort()).toEqual(['online/full-online-visits powers.yaml:49', 'visits/reason powers.yaml:49']);
  });

  it('tells the same rule at another place inside the same item apart', () => {
    const conditional = (files: Record<string, string>, material: string) => {
      files['powers.yaml'] = files['powers.yaml']!.replace(`- name: ${material}\n        required: true`, `- name: ${material}\n        required: conditional`);
      return files;
    };
    const base = validate(conditional(caseFiles('no-op', 'base'), '食品经营许可申请书'));
    const head = validate(conditional(conditional(caseFiles('no-op', 'base'), '食品经营许可申请书'), '营业执照'));
    expect(head.findings.filter((f) => f.ruleId === 'material/condition')).toHaveLength(2);
    expect(newSince(head, base).map((f) => f.path)).toEqual([['powers', 0, 'materials', 1, 'required']]);
  });

  it('counts: two identical old findings hide two, not three', () => {
    const base = validate(withFinding());
    const head = validate(withFinding());
    expect(newSince(head, base)).toEqual([]);
    expect(newSince(head, { findings: [], catalogue: base.catalogue }).map(brief)).toEqual(['visits/reason powers.yaml:23']);
  });

  it('follows an item by its code, so a recoded item has new findings', () => {
    const base = validate(withFinding());
    const files = withFinding();
    for (const name of ['powers.yaml', 'responsibilities.yaml', 'flows.yaml']) files[name] = files[name]!.replaceAll(P1, '11339921MB000000104010030000000');
    expect(newSince(validate(files), base).map(brief)).toEqual(['visits/reason powers.yaml:23']);
  });

  it('keeps every finding of a file that cannot be read now, however broken it was before', () => {
    const broken = () => ({ ...caseFiles('no-op', 'base'), 'extra.yaml': 'powers:\n  - code: [unclosed\n' });
    const base = validate(broken());
    const head = validate(broken());
    expect(head.findings.map(brief)).toEqual(['yaml/syntax extra.yaml:2']);
    expect(newSince(head, base).map(brief)).toEqual(['yaml/syntax extra.yaml:2']);
  });
});
