import { describe, expect, it } from 'vitest';
import { fixtureCases, runCase } from '../harness.js';

const RULE = 'code-duplicate';

describe('code/duplicate', () => {
  it.each(fixtureCases(RULE))('%s: finds exactly what the fixture expects', (name) => {
    const { actual, expected } = runCase(RULE, name);
    expect(actual).toEqual(expected);
  });

  it('names the first place as related, in the later finding', () => {
    const { result } = runCase(RULE, 'across-files');
    const finding = result.findings.find((f) => f.ruleId === 'code/duplicate')!;
    expect(finding.file).toBe('z-more-powers.yaml');
    expect(finding.message).toBe('Item code 11339921MB000000104010010000000 is a duplicate; it is already used in powers.yaml.');
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0]).toMatchObject({ file: 'powers.yaml', line: 2, column: 11, path: ['powers', 0, 'code'] });
    expect(finding.path).toEqual(['powers', 0, 'code']);
  });
});
