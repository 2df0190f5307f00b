// What a rule is: metadata plus a check that reads the catalogue and yields findings with paths.
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { SectionName } from '../schema/definitions.js';
import type { Profile } from '../profiles/index.js';
import type { RawFinding, Severity } from '../findings.js';
import type { EntryMemo } from './entry-memo.js';

export interface RuleContext {
  catalogue: Catalogue;
  profile: Profile;
  /** The code format in force: the profile's, or the catalogue's `code_pattern`. */
  codePattern: RegExp;
  /** A resident build's memo of per-entry findings (entry-memo.ts); undefined in a one-off run. */
  entries?: EntryMemo | undefined;
  /**
   * The findings `check` makes for each entry of `list`, for a rule that reads nothing but one entry at a time: kept
   * by the memo under the running rule's own id (runRules binds it), so no rule can take another's findings.
   */
  eachEntry<T extends object>(list: ReadonlyArray<Entry<T>>, check: (entry: Entry<T>) => Iterable<RawFinding>): Iterable<RawFinding>;
}

export interface RuleMeta<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** Message ids this rule may use; their texts live in src/i18n, keyed by rule id. */
  messages: readonly string[];
  /** Rules found while reading files (syntax, encoding) or by ajv have no check of their own. */
  stage: 'file' | 'schema' | 'catalogue';
}

export interface Rule<Id extends string = string> extends RuleMeta<Id> {
  stage: 'catalogue';
  /**
   * Sections whose ids the rule looks up across files. While a file that may hold one of them could not be read, the
   * rule waits: an id may be defined there, its own finding says what to mend, and a finding for every use of its
   * ids (hundreds, for a departments.yaml saved as GBK) would bury it.
   */
  looksUp?: readonly SectionName[];
  check(context: RuleContext): Iterable<RawFinding>;
}

export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
