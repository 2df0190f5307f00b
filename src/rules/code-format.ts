// code/format: codes follow the profile's format; a national implementation code embeds its body's credit code and level.
import { defineRule } from './types.js';
import { LEVEL_DIGITS } from '../profiles/index.js';

/** Full-width ASCII (U+FF01–FF5E) as ASCII, without any white space (U+3000 included). */
function halfWidth(code: string): string {
  return code.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
}

export default defineRule({
  id: 'code/format',
  severity: 'error',
  stage: 'catalogue',
  messages: ['pattern', 'pattern-custom', 'fullwidth', 'credit-code', 'department-code', 'level'],
  *check({ catalogue, profile, codePattern }) {
    const custom = catalogue.config.code_pattern !== undefined;
    for (const entry of catalogue.sections.powers) {
      const power = entry.value;
      const place = { file: entry.file, path: [...entry.path, 'code'] };
      if (!codePattern.test(power.code)) {
        // Full-width digits and letters (１２３, ＭＢ) and spaces come with codes typed in a Chinese input method or pasted
        // from Word; they look right on screen, so say what the code is with them made half-width and removed.
        const fixed = halfWidth(power.code);
        if (fixed !== power.code) {
          yield { ruleId: 'code/format', messageId: 'fullwidth', data: { code: power.code, fixed }, place };
          continue;
        }
        yield { ruleId: 'code/format', messageId: custom ? 'pattern-custom' : 'pattern', data: { code: power.code, pattern: codePattern.source, profile: custom ? 'code_pattern' : profile.id }, place };
        continue;
      }
      if (custom || !profile.implementationCode) continue;
      const department = catalogue.departmentById.get(power.department);
      if (!department) continue; // ref/department says so
      const creditCode = department.value.credit_code;
      if (creditCode && power.code.slice(0, 18) !== creditCode) {
        const data = { code: power.code, prefix: power.code.slice(0, 18), creditCode, department: department.value.id };
        yield {
          ruleId: 'code/format',
          messageId: 'credit-code',
          data,
          place,
          related: [{ place: { file: department.file, path: [...department.path, 'credit_code'] }, messageId: 'department-code', data: { department: department.value.name } }],
        };
      }
      const level = power.level ?? department.value.level;
      const digit = LEVEL_DIGITS[level];
      if (power.code[18] !== digit) {
        yield { ruleId: 'code/format', messageId: 'level', data: { code: power.code, digit: power.code[18] ?? '', level, expected: digit }, place };
      }
    }
  },
});
