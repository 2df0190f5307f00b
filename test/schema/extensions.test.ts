// `x-…` extension fields: kept on list entries (powers, materials, responsibilities…), still an error anywhere else.
import { describe, expect, it } from 'vitest';
import { baseFiles, brief, check } from '../harness.js';

describe('x- extension fields', () => {
  it('are accepted on a power, a material, a responsibility and a step', () => {
    const files = baseFiles();
    const powers = files['powers.yaml']!
      .replace('    category: licensing\n', '    category: licensing\n    x-承办机构: 行政审批科\n')
      .replace('        originals: 1\n', '        originals: 1\n        x-备注: 可容缺\n');
    const responsibilities = files['responsibilities.yaml']!.replace('    duties:\n', '    x-备注: 2015 年版\n    duties:\n');
    const flows = files['flows.yaml']!.replace('      - {id: done, name: 办结, type: end}', '      - {id: done, name: 办结, type: end, x-layout: right}');
    const result = check({ 'powers.yaml': powers, 'responsibilities.yaml': responsibilities, 'flows.yaml': flows });
    expect(result.findings.map(brief)).toEqual([]);
  });

  it('are still unknown fields where they are not an entry (time_limit) or lack the x- prefix', () => {
    const files = baseFiles();
    const powers = files['powers.yaml']!
      .replace('time_limit: {statutory: 20, promised: 5, unit: working-days}', 'time_limit: {statutory: 20, promised: 5, unit: working-days, x-note: 1}')
      .replace('    category: licensing\n', '    category: licensing\n    y-承办机构: 行政审批科\n');
    const result = check({ 'powers.yaml': powers });
    expect(result.findings.map(brief)).toEqual(['powers.yaml:5:5 schema/unknown-property', 'powers.yaml:10:66 schema/unknown-property']);
  });
});
