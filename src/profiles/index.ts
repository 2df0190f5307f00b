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
      codePattern = new RegExp(`^(?:${config.code_pattern})$`, 'u');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const detail = /: ([^:]+)$/.exec(message)?.[1] ?? message;
      const data = { field: 'code_pattern', value: showValue(config.code_pattern), detail };
      problems.push({ ruleId: 'schema/format', messageId: 'format-regex', data, place: { file, path: ['code_pattern'] } });
    }
  }
  return profile && codePattern ? { format: { profile, codePattern }, problems } : { problems };
}
