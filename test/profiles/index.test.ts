import { describe, expect, it } from 'vitest';
import { codeFormatOf, nestsRepetition } from '../../src/profiles/index.js';

describe('code_pattern that could take forever', () => {
  it('finds a group repeated a varying number of times that itself repeats a varying number of times', () => {
    for (const pattern of ['(a+)+', '(a*)*b', '(x+x+)+y', '([a-z]+)*$', '(?:ab+){2,}', '((a+))+', '(\\w*\\s?)*', '(a{1,3})+']) {
      expect([pattern, nestsRepetition(pattern)]).toEqual([pattern, true]);
    }
  });

  it('leaves alone fixed or optional repetition, classes, escapes and flat patterns', () => {
    for (const pattern of ['(\\d{18})(\\d{13})?', '[0-9A-Z]{31}', '\\p{Script=Han}+', '[0-9A-HJ-NPQRTUWXY]{18}\\d{13}', '(?:ab)+', '[(a+)]+', '\\(a+\\)+', '(a{3})+', '(a|b)+', '(\\d+){2}']) {
      expect([pattern, nestsRepetition(pattern)]).toEqual([pattern, false]);
    }
  });

  it('is a finding at code_pattern, and no pattern is used: a code that almost matches is not tried against it', () => {
    const { format, problems } = codeFormatOf({ code_pattern: '(a+)+' }, 'qingdan.yaml');
    expect(format).toBeUndefined();
    expect(problems.map((p) => [p.ruleId, p.messageId, p.place.path])).toEqual([['schema/format', 'format-regex-slow', ['code_pattern']]]);
    expect(codeFormatOf({ code_pattern: '(\\d{18})(\\d{13})?' }, 'qingdan.yaml').format?.codePattern.test('1'.repeat(31))).toBe(true);
  });
});
