// The typed registry of every rule: catalogue rules with checks, and the ids the loader and ajv report under.
import type { Rule, RuleMeta } from './types.js';
import codeDuplicate from './code-duplicate.js';
import codeFormat from './code-format.js';
import departmentCreditCode from './department-credit-code.js';
import idDuplicate from './id-duplicate.js';
import refDepartment from './ref-department.js';
import refLaw from './ref-law.js';
import refArticle from './ref-article.js';
import refPower from './ref-power.js';
import refFlow from './ref-flow.js';
import refParent from './ref-parent.js';
import refStep from './ref-step.js';
import responsibilityMissing from './responsibility-missing.js';
import responsibilityIncomplete from './responsibility-incomplete.js';
import timePromisedExceedsStatutory from './time-promised-exceeds-statutory.js';
import timeFlowExceedsPromised from './time-flow-exceeds-promised.js';
import flowStart from './flow-start.js';
import flowEnd from './flow-end.js';
import flowUnreachable from './flow-unreachable.js';
import flowDeadEnd from './flow-dead-end.js';
import flowDecisionBranches from './flow-decision-branches.js';
import flowCycle from './flow-cycle.js';
import flowLane from './flow-lane.js';
import visitsReason from './visits-reason.js';
import materialCondition from './material-condition.js';
import feeBasis from './fee-basis.js';
import onlineFullOnlineVisits from './online-full-online-visits.js';
import configUnknownRule from './config-unknown-rule.js';
import { setRuleIds } from './ids.js';

export const catalogueRules = [
  codeDuplicate, codeFormat, departmentCreditCode, idDuplicate,
  refDepartment, refLaw, refArticle, refPower, refFlow, refParent, refStep,
  responsibilityMissing, responsibilityIncomplete,
  timePromisedExceedsStatutory, timeFlowExceedsPromised,
  flowStart, flowEnd, flowUnreachable, flowDeadEnd, flowDecisionBranches, flowCycle, flowLane,
  visitsReason, materialCondition, feeBasis, onlineFullOnlineVisits,
  configUnknownRule,
] as const satisfies readonly Rule[];

function meta<const Id extends string>(id: Id, stage: 'file' | 'schema', severity: RuleMeta['severity'], messages: readonly string[]): RuleMeta<Id> {
  return { id, stage, severity, messages };
}

/** Problems found while reading and parsing a file. */
export const fileRules = [
  meta('file/encoding', 'file', 'error', ['utf16', 'gb18030', 'not-utf8', 'name-gb18030', 'name-not-utf8', 'folder-name-gb18030', 'folder-name-not-utf8']),
  meta('file/unreadable', 'file', 'error', ['unreadable', 'missing', 'not-a-file', 'folder']),
  meta('file/too-large', 'file', 'error', ['too-large']),
  meta('file/empty', 'file', 'warning', ['empty']),
  meta('yaml/syntax', 'file', 'error', ['BAD_INDENT', 'TAB_AS_INDENT', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'BAD_SCALAR_START', 'MULTIPLE_DOCS', 'KEY_OVER_1024_CHARS', 'BAD_DIRECTIVE', 'IMPOSSIBLE', 'NON_PRINTABLE', 'UNCLOSED_FLOW', 'OTHER']),
  meta('yaml/duplicate-key', 'file', 'error', ['duplicate', 'first']),
  meta('yaml/alias-limit', 'file', 'error', ['excessive']),
  meta('yaml/too-deep', 'file', 'error', ['too-deep']),
] as const;

/** Schema errors, one id per kind of ajv error. */
export const schemaRules = [
  meta('schema/required', 'schema', 'error', ['missing']),
  meta('schema/unknown-property', 'schema', 'error', ['unknown', 'unknown-did-you-mean']),
  meta('schema/type', 'schema', 'error', ['root', 'root-config', 'type-string', 'type-string-number', 'type-number', 'type-integer', 'type-boolean', 'type-array', 'type-object', 'type-null', 'union', 'infinite', 'not-a-number']),
  meta('schema/enum', 'schema', 'error', ['enum']),
  meta('schema/format', 'schema', 'error', ['format-date', 'format-uri', 'format-regex', 'format-regex-slow']),
  meta('schema/pattern', 'schema', 'error', ['pattern', 'pattern-slug', 'pattern-credit-code']),
  meta('schema/min-items', 'schema', 'error', ['empty', 'min']),
  meta('schema/min-length', 'schema', 'error', ['empty']),
  meta('schema/minimum', 'schema', 'error', ['minimum']),
  meta('schema/unique-items', 'schema', 'error', ['duplicate']),
  meta('schema/other', 'schema', 'error', ['other']),
] as const;

export const allRules: readonly RuleMeta[] = [...fileRules, ...schemaRules, ...catalogueRules];

export type RuleId = (typeof fileRules)[number]['id'] | (typeof schemaRules)[number]['id'] | (typeof catalogueRules)[number]['id'];

export const ruleById: ReadonlyMap<string, RuleMeta> = new Map(allRules.map((rule) => [rule.id, rule]));
setRuleIds(allRules.map((rule) => rule.id));
