// The schema validators at run time, and ajv's errors turned into findings in plain words.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import type { DocPath, MessageData, RawFinding } from '../findings.js';

/** Precompiled by `npm run build` (scripts/compile-validators.js); absent when running from source. */
export const COMPILED_VALIDATORS = 'validators.compiled.cjs';

interface Validators {
  file: ValidateFunction;
  config: ValidateFunction;
  /** Hash of the schemas the validators were made from: part of the cache key. */
  schemaHash: string;
}

function precompiled(): Validators | undefined {
  try {
    return createRequire(import.meta.url)(`./${COMPILED_VALIDATORS}`) as Validators;
  } catch {
    return undefined;
  }
}

// The compiled module spares every run ajv's compile (~0.3 s) and loading TypeBox (~0.2 s); from source (tests),
// the schemas are compiled here instead.
const validators: Validators = precompiled() ?? (await import('./compile.js')).compileValidators();

export function getValidators(): Validators {
  return validators;
}

export interface SchemaResult {
  findings: RawFinding[];
  /** Paths of entries (['powers', 3]) or whole sections (['powers']) that failed, so rules skip them. */
  invalid: DocPath[];
}

/** `kind` only changes what a wrong top level is told to hold: qingdan.yaml holds settings, not sections. */
export function validateData(validate: ValidateFunction, data: unknown, file: string, kind: 'file' | 'config' = 'file'): SchemaResult {
  if (validate(data)) return { findings: [], invalid: [] };
  return translateErrors(validate.errors ?? [], file, kind);
}

function toPath(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** `depth[2]`, `promised`: how a field is named in a message — its own key and any list index after it. */
export function fieldName(path: DocPath): string {
  let out = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i]!;
    if (typeof segment === 'number') out = `[${segment}]${out}`;
    else return `${segment}${out}`;
  }
  return out || '(file)';
}

const TRUNCATE = 40;
/** A value as a message shows it: YAML's words for non-finite numbers, long text cut short. */
export function showValue(value: unknown): string {
  // JSON has no word for .inf and .nan (it says null): they are shown as YAML writes them.
  const nonFinite = typeof value === 'number' && !Number.isFinite(value) ? (Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf') : undefined;
  let text = typeof value === 'string' ? value : nonFinite ?? JSON.stringify(value) ?? String(value);
  if (text.length > TRUNCATE) text = `${text.slice(0, TRUNCATE)}…`;
  return text;
}

// Patterns in the definitions, with the words people need instead of the regular expression.
const PATTERN_HINTS: Record<string, string> = {
  '^[a-z0-9][a-z0-9_-]*$': 'slug',
  '^[0-9A-HJ-NPQRTUWXY]{18}$': 'credit-code',
};

function describeBranch(schema: Record<string, unknown>): string {
  if ('const' in schema) return String(schema.const);
  if (schema.type === 'boolean') return 'true | false';
  if (schema.type === 'array') return '[…]';
  if (schema.type === 'string') return typeof schema.pattern === 'string' && PATTERN_HINTS[schema.pattern] === 'slug' ? 'id' : 'text';
  return String(schema.type ?? '?');
}

function translateErrors(errors: ErrorObject[], file: string, kind: 'file' | 'config'): SchemaResult {
  const findings: RawFinding[] = [];
  const invalid: DocPath[] = [];
  // Branch errors under a failing anyOf are noise once the anyOf itself is reported.
  const unions = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const isUnionBranch = (error: ErrorObject) =>
    error.keyword !== 'anyOf' && error.keyword !== 'oneOf' &&
    unions.some((union) => union.instancePath === error.instancePath && error.schemaPath.startsWith(`${union.schemaPath}/`)) ||
    unions.some((union) => error.instancePath.startsWith(`${union.instancePath}/`) && error.schemaPath.startsWith(`${union.schemaPath}/`));
  // A value outside a list (`category: null`) also fails the list's type: the list of allowed values says it all.
  const listed = new Set(errors.filter((error) => error.keyword === 'enum' || error.keyword === 'const').map((error) => error.instancePath));
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || isUnionBranch(error)) continue;
    if (error.keyword === 'type' && listed.has(error.instancePath)) continue;
    const path = toPath(error.instancePath);
    const finding = translate(error, path, file, kind);
    if (!finding) continue;
    const key = `${finding.ruleId}|${finding.messageId}|${JSON.stringify(finding.place.path)}|${JSON.stringify(finding.data)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
    invalid.push(path.slice(0, 2));
  }
  return { findings, invalid };
}

function translate(error: ErrorObject, path: DocPath, file: string, kind: 'file' | 'config'): RawFinding | undefined {
  const field = fieldName(path);
  const params = error.params as Record<string, unknown>;
  const make = (ruleId: string, messageId: string, data: MessageData, at: DocPath = path, key = false): RawFinding => ({
    ruleId,
    messageId,
    data: { field, ...data },
    place: { file, path: at, key },
  });
  switch (error.keyword) {
    case 'required':
      return make('schema/required', 'missing', { property: String(params.missingProperty) });
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = allowed.length ? closest(property, allowed) : '';
      const close = guess && distance(property, guess) <= Math.max(2, Math.floor(property.length / 3));
      return make('schema/unknown-property', close ? 'unknown-did-you-mean' : 'unknown', { property: showValue(property), suggestion: guess, allowed: allowed.join(', ') }, [...path, property], true);
    }
    case 'type':
      if (path.length === 0) return make('schema/type', kind === 'config' ? 'root-config' : 'root', {});
      // .inf, .nan and numbers too large for a double (1e400) are numbers to YAML but not to JSON Schema.
      if (typeof error.data === 'number' && !Number.isFinite(error.data) && /number|integer/.test(String(params.type))) return make('schema/type', Number.isNaN(error.data) ? 'not-a-number' : 'infinite', {});
      // An unquoted code or phone number: the value YAML made of it has lost digits, so it is not shown.
      if (typeof error.data === 'number' && Number.isFinite(error.data) && String(params.type).split(',')[0] === 'string') return make('schema/type', 'type-string-number', {});
      return make('schema/type', `type-${String(params.type).split(',')[0]}`, { value: showValue(error.data) });
    case 'enum':
      return make('schema/enum', 'enum', { allowed: ((params.allowedValues as unknown[]) ?? []).join(', '), value: showValue(error.data) });
    case 'const':
      return make('schema/enum', 'enum', { allowed: String(params.allowedValue), value: showValue(error.data) });
    case 'anyOf':
    case 'oneOf': {
      const branches = ((error.schema as Array<Record<string, unknown>>) ?? []).map(describeBranch);
      return make('schema/type', 'union', { allowed: [...new Set(branches)].join(' | '), value: showValue(error.data) });
    }
    case 'format':
      return make('schema/format', `format-${String(params.format)}`, { value: showValue(error.data) });
    case 'pattern': {
      const hint = PATTERN_HINTS[String(params.pattern)];
      return make('schema/pattern', hint ? `pattern-${hint}` : 'pattern', { value: showValue(error.data), pattern: String(params.pattern) });
    }
    case 'minItems':
      return make('schema/min-items', Number(params.limit) === 1 ? 'empty' : 'min', { limit: Number(params.limit) });
    case 'minLength':
      return make('schema/min-length', 'empty', { limit: Number(params.limit) });
    case 'minimum':
    case 'exclusiveMinimum':
      return make('schema/minimum', 'minimum', { limit: Number(params.limit), value: showValue(error.data) });
    case 'uniqueItems':
      return make('schema/unique-items', 'duplicate', { first: Number(params.j), second: Number(params.i) }, [...path, Number(params.i)]);
    default:
      return make('schema/other', 'other', { detail: error.message ?? error.keyword });
  }
}
