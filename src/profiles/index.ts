// Province profiles: what an item code looks like and how categories are numbered where that differs by province.
import type { Category, Level } from '../schema/definitions.js';

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
  return PROFILES[id ?? 'national'];
}
