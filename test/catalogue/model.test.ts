import { describe, expect, it } from 'vitest';
import { sectionsWritten } from '../../src/catalogue/model.js';
import { check } from '../harness.js';

describe('files that could not be read', () => {
  it('are known by the sections their top-level keys name', () => {
    expect(sectionsWritten('departments:\n  - id: x\n    name: "broken\nlaws: []\n')).toEqual(['departments', 'laws']);
    expect(sectionsWritten('x-notes:\n  - a\n')).toEqual([]);
    expect(sectionsWritten('- just a list\n')).toBe('any');
    expect(sectionsWritten(undefined)).toBe('any');
  });

  it('stop only the reference checks of the sections they may hold', () => {
    const result = check({ 'zz-laws.yaml': 'laws:\n  - id: broken\n    title: "未闭合\n', 'zz-powers.yaml': 'powers:\n  - code: 11339921MB000000104019990000000\n    name: 测试\n    category: licensing\n    department: no-such-department\n    basis: [{law: no-such-law}]\n    time_limit: {statutory: 20, promised: 5, unit: working-days}\n' }, 'en');
    const rules = result.findings.map((f) => f.ruleId);
    expect(rules).toContain('yaml/syntax');
    expect(rules).toContain('ref/department');
    expect(rules).not.toContain('ref/law');
  });
});
