// What a rule is: metadata plus a check that reads the catalogue and yields findings with paths.
import type { Catalogue } from '../catalogue/model.js';
import type { Profile } from '../profiles/index.js';
import type { RawFinding, Severity } from '../findings.js';

export interface RuleContext {
  catalogue: Catalogue;
  profile: Profile;
  /** The code format in force: the profile's, or the catalogue's `code_pattern`. */
  codePattern: RegExp;
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
  check(context: RuleContext): Iterable<RawFinding>;
}

export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
