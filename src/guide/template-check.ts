// A user's templates checked when they are read, so that a mistake is named with its file, line and column before
// any page is made (Handlebars itself compiles lazily and names neither file nor place).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { UsageError } from '../errors.js';
import { decode } from '../catalogue/parse.js';
import { Positions } from '../catalogue/positions.js';

type Environment = typeof Handlebars;
type Node = hbs.AST.Node;

/** Where a template file is shown in messages: relative to the working folder when below it. */
export function shownPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  if (!relative) return '.';
  return !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * A file system call on a user's template folder, its failure named as one to read the file or folder it was about
 * (no permission, a link to nothing or to itself): exit 2, never "cannot write" — the build's write refusals share
 * the error codes — nor an internal error.
 */
export function reading<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') throw error;
    throw new UsageError('template-unreadable', { file: shownPath(file), code });
  }
}

/**
 * A template's text, decoded as catalogue files are (catalogue/parse.ts: a byte-order mark dropped, UTF-16 and
 * GB18030 told apart). One in another encoding would put mojibake on every page: it is a usage error at the line
 * and column of its first byte that is not UTF-8.
 */
export function readTemplate(file: string): string {
  const decoded = decode(reading(file, () => readFileSync(file)), shownPath(file));
  if (decoded.ok) return decoded.text;
  const { line, column } = new Positions(() => undefined).span(decoded.finding.place);
  throw new UsageError('template-not-utf8', { file: shownPath(file), line, column });
}

/** Parses a template; a syntax error is a usage error at file:line:col (the parser keeps its place on its lexer). */
export function parseTemplate(hb: Environment, text: string, file: string): hbs.AST.Program {
  try {
    return hb.parse(text);
  } catch (error) {
    const { line, column } = errorPlace(hb, error);
    const detail = error instanceof Error ? (error.message.split('\n').at(-1) ?? error.message) : String(error);
    throw new UsageError('template-syntax', { file: shownPath(file), line, column, detail });
  }
}

function errorPlace(hb: Environment, error: unknown): { line: number; column: number } {
  // Exceptions about a node (an {{/each}} closing an {{#if}}) carry its place; a syntax error leaves it on the lexer.
  const exception = error as { lineNumber?: number; column?: number };
  if (typeof exception.lineNumber === 'number') return { line: exception.lineNumber, column: (exception.column ?? 0) + 1 };
  const lexer = (hb as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
  return lexer ? { line: lexer.first_line, column: lexer.first_column + 1 } : { line: 1, column: 1 };
}

/** Calls `visit` on every node of a template's AST, depth first (places and whitespace flags are not nodes). */
function eachNode(node: unknown, visit: (node: Node & Record<string, unknown>) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) eachNode(child, visit);
    return;
  }
  const typed = node as Node & Record<string, unknown>;
  if (typeof typed.type === 'string') visit(typed);
  for (const [key, value] of Object.entries(typed)) if (key !== 'loc' && key !== 'strip' && value && typeof value === 'object') eachNode(value, visit);
}

/**
 * How many values a helper takes, at least and at most. Handlebars' own helpers throw while a page is made when given
 * another number ("#if requires exactly one argument", naming neither file nor place), and ours would take their
 * options for a value (`{{url}}`): both are told at load time, at file:line:col.
 */
const HELPER_VALUES: Readonly<Record<string, readonly [number, number]>> = {
  if: [1, 1],
  unless: [1, 1],
  with: [1, 1],
  each: [1, 1],
  lookup: [2, 2],
  t: [1, 1],
  tzh: [1, 1],
  zh: [1, 1],
  url: [1, 1],
  eq: [2, 2],
  join: [1, 1],
  json: [1, 1],
  sub: [2, 2],
  half: [1, 1],
};

/**
 * The first partial or helper a template uses that does not exist, or a helper given the wrong number of values, with
 * its place: Handlebars would only find it while making a page. Inline partials declared in the file and partial
 * blocks (which have a fallback) are fine; a mustache with parameters names a helper, one without is a value lookup
 * (never an error with strict: false) unless its name is a helper's, which Handlebars then calls.
 */
export function missingName(hb: Environment, program: hbs.AST.Program, file: string, partials: ReadonlySet<string>): UsageError | undefined {
  const inline = new Set<string>();
  const uses: { kind: 'partial' | 'helper'; name: string; loc: hbs.AST.SourceLocation }[] = [];
  // A helper's name as Handlebars tells it (AST.helpers: one part, not `this.x`, `./x` or `../x`); `thisYear` is a
  // name like any other.
  const helperName = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement): string | undefined => {
    const head = node.path as hbs.AST.PathExpression;
    if (head.type !== 'PathExpression' || head.data || !hb.AST.helpers.simpleId(head)) return undefined;
    return hb.AST.helpers.helperExpression(node) ? head.parts[0] : undefined;
  };
  let wrongCount: UsageError | undefined;
  eachNode(program, (typed) => {
    switch (typed.type) {
      case 'PartialStatement': {
        const name = partialName((typed as unknown as hbs.AST.PartialStatement).name);
        if (name !== undefined) uses.push({ kind: 'partial', name, loc: typed.loc });
        break;
      }
      case 'DecoratorBlock': {
        const block = typed as unknown as hbs.AST.BlockStatement;
        const name = block.params[0] as hbs.AST.StringLiteral | undefined;
        if (name?.type === 'StringLiteral') inline.add(name.value);
        break;
      }
      case 'MustacheStatement':
      case 'BlockStatement':
      case 'SubExpression': {
        const call = typed as unknown as hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;
        const name = helperName(call);
        if (name !== undefined) uses.push({ kind: 'helper', name, loc: typed.loc });
        const head = call.path as hbs.AST.PathExpression;
        const called = name ?? (head.type === 'PathExpression' && !head.data && hb.AST.helpers.simpleId(head) && Object.hasOwn(hb.helpers, head.parts[0]!) ? head.parts[0] : undefined);
        const range = called !== undefined && Object.hasOwn(HELPER_VALUES, called) ? HELPER_VALUES[called]! : undefined;
        if (range && !wrongCount && (call.params.length < range[0] || call.params.length > range[1])) {
          wrongCount = new UsageError('template-helper-values', {
            file: shownPath(file),
            line: typed.loc.start.line,
            column: typed.loc.start.column + 1,
            name: called!,
            expected: range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`,
            given: call.params.length,
          });
        }
        break;
      }
    }
  });
  for (const use of uses) {
    const known = use.kind === 'partial' ? partials.has(use.name) || inline.has(use.name) || use.name.startsWith('@') : Object.hasOwn(hb.helpers, use.name);
    if (known) continue;
    return new UsageError(use.kind === 'partial' ? 'template-missing-partial' : 'template-missing-helper', {
      file: shownPath(file),
      line: use.loc.start.line,
      column: use.loc.start.column + 1,
      name: use.name,
      known: Object.keys(hb.helpers).filter((name) => !name.endsWith('Missing')).sort().join(', '),
    });
  }
  return wrongCount;
}

/** A partial's name when it is written out (`{{> name}}`, `{{> "name"}}`); a dynamic one is only known at run time. */
function partialName(name: hbs.AST.PathExpression | hbs.AST.SubExpression): string | undefined {
  if (name.type === 'PathExpression') return name.original;
  const literal = name as unknown as hbs.AST.StringLiteral;
  return literal.type === 'StringLiteral' ? literal.value : undefined;
}

/** The partials a template names (`{{> name}}`, partial blocks too). */
function partialsNamed(program: hbs.AST.Program): Set<string> {
  const names = new Set<string>();
  eachNode(program, (typed) => {
    if (typed.type !== 'PartialStatement' && typed.type !== 'PartialBlockStatement') return;
    const name = partialName((typed as unknown as hbs.AST.PartialStatement).name);
    if (name !== undefined) names.add(name);
  });
  return names;
}

/** The files of the partials that can include themselves, directly or through others (a page that never ends). */
export function selfIncluding(partials: ReadonlyMap<string, { program: hbs.AST.Program; file: string }>): string[] {
  const named = new Map([...partials].map(([name, { program }]) => [name, partialsNamed(program)]));
  const reaches = (from: string, target: string, seen = new Set<string>()): boolean => {
    for (const next of named.get(from) ?? []) {
      if (next === target) return true;
      if (!seen.has(next)) {
        seen.add(next);
        if (reaches(next, target, seen)) return true;
      }
    }
    return false;
  };
  return [...partials].filter(([name]) => reaches(name, name)).map(([, { file }]) => shownPath(file));
}

/**
 * A template that failed while a page was made (a helper given the wrong values…): named, not an internal error. A
 * partial that includes itself, directly or through others, with nothing to end it runs out of stack: said so.
 */
export function renderFailure(hb: Environment, error: unknown, file: string, looping: readonly string[] = []): UsageError | undefined {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new UsageError('template-endless', { file: shownPath(file), partials: looping.join(', ') || '?' });
  if (!(error instanceof (hb as unknown as { Exception: new () => Error }).Exception)) return undefined;
  return new UsageError('template-failed', { file: shownPath(file), detail: error.message.split('\n')[0] ?? '' });
}
