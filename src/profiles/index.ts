// Province profiles: what an item code looks like and how categories are numbered where that differs by province.
import type { Category, Config, Level } from '../schema/definitions.js';
import type { RawFinding } from '../findings.js';
import { showValue } from '../schema/validator.js';

export interface Profile {
  id: string;
  /** The format of a power's code. */
  codePattern: RegExp;
  /** Whether a code embeds the implementing body's credit code and level (the national 31-character implementation code). */
  implementationCode: boolean;
  /** Two-digit category codes used in imports and exports. */
  categoryCodes: Record<Category, string>;
  /**
   * The code that names the same item in every office's catalogue (qingdan compare matches items by it). Under the
   * national scheme it is the 12-digit basic code at the end of the implementation code.
   */
  basicCode(code: string): string;
}

export const NATIONAL_CATEGORY_CODES: Record<Category, string> = {
  licensing: '01', penalty: '02', coercion: '03', levy: '04', benefit: '05', inspection: '06',
  confirmation: '07', reward: '08', adjudication: '09', other: '10', 'public-service': '11', 'review-forward': '12',
};

export const LEVEL_DIGITS: Record<Level, string> = { national: '1', provincial: '2', municipal: '3', county: '4', township: '5' };

/** 18-char credit code + level digit + 12-digit basic code. */
const IMPLEMENTATION_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}[1-5]\d{12}$/;

/** The last 12 characters of an implementation code; any other code (a catalogue with its own code_pattern) is its own basic code. */
function nationalBasicCode(code: string): string {
  return IMPLEMENTATION_CODE.test(code) ? code.slice(-12) : code;
}

export const PROFILES: Record<string, Profile> = {
  national: { id: 'national', codePattern: IMPLEMENTATION_CODE, implementationCode: true, categoryCodes: NATIONAL_CATEGORY_CODES, basicCode: nationalBasicCode },
  // Sichuan numbers public services 20 in its catalogue; codes otherwise follow the national scheme.
  sichuan: {
    id: 'sichuan',
    codePattern: IMPLEMENTATION_CODE,
    implementationCode: true,
    categoryCodes: { ...NATIONAL_CATEGORY_CODES, 'public-service': '20' },
    basicCode: nationalBasicCode,
  },
};

export function getProfile(id: string | undefined): Profile | undefined {
  const key = id ?? 'national';
  // Own keys only: `profile: toString` must be unknown, not Object.prototype's function.
  return Object.hasOwn(PROFILES, key) ? PROFILES[key] : undefined;
}

export interface CodeFormat {
  profile: Profile;
  /** The code format in force: the profile's, or the catalogue's `code_pattern`. */
  codePattern: RegExp;
}

/**
 * Whether a pattern repeats, a varying number of times, a group that itself repeats a varying number of times —
 * `(a+)+`, `(\w*\s?)*`, `(?:x+y+){2,}`, `(a{1,3})+` — the shape whose matching can take exponential time on a code
 * that almost matches (a pull request could stall CI with one). `?` and `{n}` do not vary the count this way:
 * `(\d{18})(\d{13})?` is fine. Other slow shapes (`(a|a)+`) are rare in codes and not looked for.
 */
export function nestsRepetition(pattern: string): boolean {
  // Per open group: whether something in it repeats a varying number of times.
  const groups: boolean[] = [false];
  let lastGroupRepeats = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    let closed = false;
    if (char === '\\') {
      i++;
      // \p{…}, \u{…}, \k<…>: one atom.
      if (/[pPuk]/.test(pattern[i] ?? '') && /[{<]/.test(pattern[i + 1] ?? '')) {
        const end = pattern.indexOf(pattern[i + 1] === '{' ? '}' : '>', i);
        i = end === -1 ? pattern.length : end;
      }
    } else if (char === '[') {
      // A class is one atom: skip to its end (escapes inside it included).
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (char === '(') {
      groups.push(false);
    } else if (char === ')') {
      lastGroupRepeats = groups.pop() ?? false;
      closed = true;
      if (!groups.length) groups.push(false);
    }
    // A quantifier after this atom that lets its count vary: +, *, {n,} or {n,m} (not ?, {n}).
    const rest = pattern.slice(i + 1);
    const range = /^\{(\d+),(\d*)\}/.exec(rest);
    const varies = /^[+*]/.test(rest) || (range !== null && (range[2] === '' || Number(range[2]) > Number(range[1])));
    if (varies) {
      if (closed && lastGroupRepeats) return true;
      groups[groups.length - 1] = true;
    } else if (closed && lastGroupRepeats) {
      // A group that repeats inside makes its enclosing group repeat too.
      groups[groups.length - 1] = true;
    }
  }
  return false;
}

/**
 * The code format that qingdan.yaml's `profile` and `code_pattern` put in force, or findings at the values that are
 * wrong (the schema only knows they are text). The loader reports them with the rest of qingdan.yaml's problems.
 */
export function codeFormatOf(config: Pick<Config, 'profile' | 'code_pattern'>, file: string): { format?: CodeFormat; problems: RawFinding[] } {
  const problems: RawFinding[] = [];
  const profile = getProfile(config.profile);
  // A value that is not text at all is the schema's finding (schema/type), not a second one here.
  if (!profile && typeof config.profile === 'string') {
    const data = { field: 'profile', allowed: Object.keys(PROFILES).join(', '), value: showValue(config.profile) };
    problems.push({ ruleId: 'schema/enum', messageId: 'enum', data, place: { file, path: ['profile'] } });
  }
  let codePattern = config.code_pattern === undefined ? profile?.codePattern : undefined;
  if (typeof config.code_pattern === 'string') {
    try {
      // The pattern alone first, so that the reason names what the user wrote, not the anchors added around it.
      new RegExp(config.code_pattern, 'u');
      if (nestsRepetition(config.code_pattern)) {
        problems.push({ ruleId: 'schema/format', messageId: 'format-regex-slow', data: { field: 'code_pattern', value: showValue(config.code_pattern) }, place: { file, path: ['code_pattern'] } });
      } else codePattern = new RegExp(`^(?:${config.code_pattern})$`, 'u');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const detail = /: ([^:]+)$/.exec(message)?.[1] ?? message;
      const data = { field: 'code_pattern', value: showValue(config.code_pattern), detail };
      problems.push({ ruleId: 'schema/format', messageId: 'format-regex', data, place: { file, path: ['code_pattern'] } });
    }
  }
  return profile && codePattern ? { format: { profile, codePattern }, problems } : { problems };
}
