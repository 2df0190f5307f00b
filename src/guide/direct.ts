// The site's templates compiled straight to JavaScript: the same pages, byte for byte, as Handlebars makes them, for
// the part of Handlebars that page templates use — values, our helpers, if / unless / each / with (with else and
// else if), partials with a context or a hash, and partial blocks (`{{#> layout}}` … `{{> @partial-block}}`).
//
// Why: Handlebars' runtime is general. Each value goes through a checked property read, each helper call through a
// wrapper and a fresh options object, each block through a program wrapper. On 4,000 guide pages that was 2.4 s of
// a build's main thread, the largest part of it. Here a value is a property read and a block is a loop.
//
// Anything outside that part — block parameters, decorators and inline partials, dynamic partial names, a helper
// of ours used as a block, a mustache-style section ({{#list}}), the builtins `lookup` and `log` — makes
// compileDirect return undefined: Handlebars then makes every page, as before. Byte equality is tested on every
// construct against Handlebars itself (test/guide/direct.test.ts) and on whole sites.
import Handlebars from 'handlebars';
import { templateReads, type ReadTree } from './template-reads.js';

/** A page: its context in, its HTML out. */
export type DirectTemplate = (context: unknown) => string;

// Handlebars' HelperDelegate: any arguments, then the options.
type Helper = (...args: any[]) => unknown;
type Frame = Record<string, unknown>;
type Compiled = (context: unknown, data: Frame, depths: unknown[] | undefined) => string;
type PartialFunction = (context: unknown, data: Frame) => string;

type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;
type Path = hbs.AST.PathExpression;

class Unsupported extends Error {}

const extend = Handlebars.Utils.extend as (target: object, ...sources: unknown[]) => Frame;
/** What Handlebars gives a helper or block as `this` when the context is null or undefined. */
const NULL_CONTEXT = Object.seal({});
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Names a plain object, array, string or number can inherit. Handlebars reads only own properties (lookupProperty):
 * for these the same check is made here; any other name is read directly, which for the site's models (plain
 * objects, arrays, strings, numbers) gives what the check would.
 */
const INHERITED = new Set<string>(['__proto__', ...[Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype].flatMap((p) => Object.getOwnPropertyNames(p))]);
INHERITED.delete('length');
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A data frame of the compiled templates: every frame they make has these fields and no others (the root frame is
 * one too), so that V8 sees one shape where spread copies made a new one at each depth — 4,000 guide pages make a
 * few hundred thousand frames. A field that Handlebars' frame would not have holds undefined, which reads the same.
 */
class DataFrame {
  root: unknown;
  key: unknown;
  index: unknown;
  first: unknown;
  last: unknown;
  'partial-block': unknown;
  _parent: unknown;
  constructor(data: DataFrame | undefined, root?: unknown) {
    this.root = data ? data.root : root;
    this.key = data?.key;
    this.index = data?.index;
    this.first = data?.first;
    this.last = data?.last;
    this['partial-block'] = data?.['partial-block'];
    this._parent = data;
  }
}

/** The runtime the compiled code calls, passed in as `r`. */
const runtime = {
  escape: Handlebars.Utils.escapeExpression as (value: unknown) => string,
  /** Handlebars' lookupProperty: an own property, or undefined (a prototype's own `constructor` is not given). */
  own(parent: unknown, name: string): unknown {
    const value = (parent as Record<string, unknown>)[name];
    if (value == null) return value;
    return hasOwn.call(parent, name) && !(name === 'constructor' && typeof value === 'function' && parent === value.prototype) ? value : undefined;
  },
  /** `{{x}}` in a block of a null context: Handlebars' blocks then see an empty sealed object. */
  self(context: unknown): unknown {
    return context != null ? context : NULL_CONTEXT;
  },
  /** The depths of a block's context (for `../`): pushed unless it is the current one (Handlebars' wrapProgram). */
  push(context: unknown, depths: unknown[]): unknown[] {
    return context != depths[0] && !(context === NULL_CONTEXT && depths[0] === null) ? [context, ...depths] : depths;
  },
  /** `@../x`: the data frame `depth` levels up. */
  data(data: Frame | undefined, depth: number): Frame | undefined {
    let frame = data;
    while (frame && depth--) frame = frame._parent as Frame | undefined;
    return frame;
  },
  /** Handlebars' createFrame: a copy of the frame, with it as the parent. */
  frame(data: Frame): Frame {
    return data instanceof DataFrame ? (new DataFrame(data) as unknown as Frame) : { ...data, _parent: data };
  },
  /** Handlebars' isEmpty. */
  empty(value: unknown): boolean {
    return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
  },
  /** Handlebars' `each`: undefined when nothing was iterated (the inverse is shown then). */
  each(value: unknown, self: unknown, data: Frame, depths: unknown[] | undefined, body: Compiled): string | undefined {
    let list = typeof value === 'function' ? (value as (this: unknown) => unknown).call(self) : value;
    const frame = runtime.frame(data);
    let out = '';
    let i = 0;
    const step = (field: string | number, index: number, last: boolean) => {
      frame.key = field;
      frame.index = index;
      frame.first = index === 0;
      frame.last = last;
      const item = (list as Record<string | number, unknown>)[field];
      out += body(item, frame, depths && runtime.push(item, depths));
    };
    if (list && typeof list === 'object') {
      if (Array.isArray(list)) {
        for (const j = list.length; i < j; i++) if (i in list) step(i, i, i === list.length - 1);
      } else if ((list as { [Symbol.iterator]?: unknown })[Symbol.iterator]) {
        list = [...(list as Iterable<unknown>)];
        for (const j = (list as unknown[]).length; i < j; i++) step(i, i, i === (list as unknown[]).length - 1);
      } else {
        let prior: string | undefined;
        for (const key of Object.keys(list)) {
          if (prior !== undefined) step(prior, i - 1, false);
          prior = key;
          i++;
        }
        if (prior !== undefined) step(prior, i - 1, true);
      }
    }
    return i === 0 ? undefined : out;
  },
  /** `{{#> name}}…{{/name}}`: the partial, with the block as its @partial-block (Handlebars' invokePartial). */
  block(partial: PartialFunction, context: unknown, data: Frame, body: PartialFunction): string {
    const outer = runtime.own(data, 'partial-block');
    const frame = runtime.frame(data);
    frame['partial-block'] = (inner: unknown, innerData: Frame) => {
      const blockFrame = runtime.frame(innerData);
      blockFrame['partial-block'] = outer;
      return body(inner, blockFrame);
    };
    return partial(context, frame);
  },
  /** `{{> @partial-block}}`. */
  partialBlock(context: unknown, data: Frame): string {
    const block = runtime.own(data, 'partial-block');
    if (typeof block !== 'function') throw new Handlebars.Exception('The partial @partial-block could not be found');
    return (block as PartialFunction)(context, data);
  },
  extend,
};

/** One function's variables: its context, data frame and depths. */
interface Scope {
  c: string;
  d: string;
  p: string;
}

const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/** The code of one template (a page or a partial) and the blocks in it. */
class Generator {
  private names = 0;
  /** Whether any path climbs (`../`): only then are depths kept. */
  readonly depths: boolean;

  constructor(
    program: Program,
    private readonly helpers: ReadonlySet<string>,
    private readonly builtins: ReadonlySet<string>,
    private readonly partials: ReadonlySet<string>,
  ) {
    this.depths = climbs(program);
  }

  /** `function (c0, d0, p0) {…}` returning the template's output. */
  template(program: Program): string {
    return `(function (c0, d0, p0) {\n${this.body(program, { c: 'c0', d: 'd0', p: 'p0' })}\n})`;
  }

  private scope(): Scope {
    const n = ++this.names;
    return { c: `c${n}`, d: `d${n}`, p: `p${n}` };
  }

  /** A function body: the output of `program` in `scope`, returned. */
  private body(program: Program | undefined, scope: Scope): string {
    return `let o = '', t;\n${this.statements(program, scope)}return o;`;
  }

  private statements(program: Program | undefined, scope: Scope): string {
    if (!program) return '';
    if (program.blockParams?.length) throw new Unsupported('block parameters');
    let code = '';
    for (const statement of program.body) code += this.statement(statement, scope);
    return code;
  }

  private statement(node: hbs.AST.Statement, scope: Scope): string {
    switch (node.type) {
      case 'ContentStatement': {
        const { value } = node as hbs.AST.ContentStatement;
        return value ? `o += ${JSON.stringify(value)};\n` : '';
      }
      case 'CommentStatement':
        return '';
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        const value = this.mustache(mustache, scope);
        return mustache.escaped ? `o += r.escape(${value});\n` : `o += ((t = ${value}) != null ? t : '');\n`;
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scope);
      // A partial alone on its line keeps the line's indent once, before it (the preventIndent option).
      case 'PartialStatement':
        return `${indent(node)}o += ${this.partial(node as hbs.AST.PartialStatement, scope)};\n`;
      case 'PartialBlockStatement':
        return `${indent(node)}o += ${this.partialBlock(node as unknown as hbs.AST.PartialBlockStatement, scope)};\n`;
      default:
        throw new Unsupported(node.type);
    }
  }

  /** What a mustache shows: a helper's result, or a value (a function value is called, as Handlebars does). */
  private mustache(node: hbs.AST.MustacheStatement, scope: Scope): string {
    const path = node.path;
    if (path.type !== 'PathExpression') throw new Unsupported('literal as a name');
    const name = simpleName(path as Path);
    if (Handlebars.AST.helpers.helperExpression(node)) return this.helperCall(node, scope);
    if (name !== undefined) {
      if (this.helpers.has(name)) return this.helperCall(node, scope);
      if (this.builtins.has(name)) throw new Unsupported(`builtin ${name}`);
      // Ambiguous: no helper of that name, so a value; a function is called with an options object.
      return `((t = ${this.path(path as Path, scope)}), typeof t === 'function' ? t.call(r.self(${scope.c}), { name: ${JSON.stringify(name)}, hash: {}, data: ${scope.d} }) : t)`;
    }
    return `((t = ${this.path(path as Path, scope)}), typeof t === 'function' ? t.call(${scope.c}) : t)`;
  }

  private helperCall(node: { path: Expression; params: Expression[]; hash?: hbs.AST.Hash }, scope: Scope): string {
    const name = node.path.type === 'PathExpression' ? simpleName(node.path as Path) : undefined;
    if (name === undefined || !this.helpers.has(name)) throw new Unsupported('helper');
    const args = node.params.map((param) => this.expression(param, scope));
    args.push(`{ name: ${JSON.stringify(name)}, hash: ${this.hash(node.hash, scope)}, data: ${scope.d} }`);
    return `h[${JSON.stringify(name)}].call(r.self(${scope.c}), ${args.join(', ')})`;
  }

  /** Handlebars assigns hash values last to first: the object's keys are in that order too. */
  private hash(hash: hbs.AST.Hash | undefined, scope: Scope): string {
    if (!hash) return '{}';
    const pairs = [...hash.pairs].reverse().map((pair) => `${JSON.stringify(pair.key)}: ${this.expression(pair.value, scope)}`);
    return `{ ${pairs.join(', ')} }`;
  }

  /** A parameter or hash value: a path is read (a function is not called), a subexpression calls its helper. */
  private expression(node: Expression, scope: Scope): string {
    switch (node.type) {
      case 'PathExpression':
        return this.path(node as Path, scope);
      case 'SubExpression':
        return this.helperCall(node as hbs.AST.SubExpression, scope);
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return JSON.stringify((node as hbs.AST.StringLiteral).value);
      case 'UndefinedLiteral':
        return 'undefined';
      case 'NullLiteral':
        return 'null';
      default:
        throw new Unsupported(node.type);
    }
  }

  /**
   * A path read as Handlebars' resolvePath does: context paths stop at null or undefined (`x != null ? x.y : x`),
   * data paths at any falsy value (`x && x.y`).
   */
  private path(path: Path, scope: Scope): string {
    if (path.data) {
      const base = path.depth > 0 ? `r.data(${scope.d}, ${path.depth})` : scope.d;
      if (path.parts.length === 0) return base;
      return `((t = ${base})${path.parts.map((part, i) => (i === path.parts.length - 1 ? ` && ${read('t', part)}` : ` && (t = ${read('t', part)})`)).join('')})`;
    }
    const base = path.depth > 0 ? `${scope.p}[${path.depth}]` : scope.c;
    if (path.parts.length === 0) return base;
    let code = 't';
    for (let i = path.parts.length - 1; i >= 0; i--) {
      const last = i === path.parts.length - 1;
      code = last ? `(t != null ? ${read('t', path.parts[i]!)} : t)` : `(t != null ? (t = ${read('t', path.parts[i]!)}, ${code}) : t)`;
    }
    return `(t = ${base}, ${code})`;
  }

  private block(node: hbs.AST.BlockStatement, scope: Scope): string {
    const name = node.path.type === 'PathExpression' ? simpleName(node.path as Path) : undefined;
    if (name === undefined || !BUILTIN_BLOCKS.has(name) || node.params.length !== 1) throw new Unsupported('block');
    if (node.program?.blockParams?.length || node.inverse?.blockParams?.length) throw new Unsupported('block parameters');
    const value = this.expression(node.params[0]!, scope);
    // The branches run with `this` as the helper saw it (an empty object for a null context), in the same frame.
    const same = (program: Program | undefined) => {
      if (!program?.body.length) return '';
      const inner = this.scope();
      const depths = this.depths ? `r.push(${inner.c}, ${scope.p})` : 'undefined';
      return `{ const ${inner.c} = r.self(${scope.c}), ${inner.d} = ${scope.d}, ${inner.p} = ${depths};\n${this.statements(program, inner)}}\n`;
    };
    switch (name) {
      case 'if':
      case 'unless': {
        const [yes, no] = name === 'if' ? [node.program, node.inverse] : [node.inverse, node.program];
        const includeZero = node.hash?.pairs.find((pair) => pair.key === 'includeZero');
        const zero = includeZero ? `!(${this.expression(includeZero.value, scope)}) && ` : '';
        // Other hash pairs are evaluated by Handlebars too, but nothing reads them; reading a path has no effect.
        return `{ let v = ${value}; if (typeof v === 'function') v = v.call(r.self(${scope.c}));\nif ((${zero}!v) || r.empty(v)) ${same(no) || '{}'} else ${same(yes) || '{}'} }\n`;
      }
      case 'with': {
        const inner = this.scope();
        const body = node.program?.body.length
          ? `{ const ${inner.c} = v, ${inner.d} = ${scope.d}, ${inner.p} = ${this.depths ? `r.push(v, ${scope.p})` : 'undefined'};\n${this.statements(node.program, inner)}}`
          : '{}';
        return `{ let v = ${value}; if (typeof v === 'function') v = v.call(r.self(${scope.c}));\nif (!r.empty(v)) ${body} else ${same(node.inverse) || '{}'} }\n`;
      }
      case 'each': {
        const inner = this.scope();
        const body = `(${inner.c}, ${inner.d}, ${inner.p}) => {\n${this.body(node.program, inner)}\n}`;
        return `{ const v = r.each(${value}, r.self(${scope.c}), ${scope.d}, ${this.depths ? scope.p : 'undefined'}, ${body});\nif (v === undefined) ${same(node.inverse) || '{}'} else o += v; }\n`;
      }
    }
    throw new Unsupported('block');
  }

  /** The context a partial gets: the current one or its parameter, with the hash laid over it. */
  private partialContext(node: { params: Expression[]; hash?: hbs.AST.Hash }, scope: Scope): string {
    if (node.params.length > 1) throw new Unsupported('partial parameters');
    const context = node.params.length ? this.expression(node.params[0]!, scope) : scope.c;
    return node.hash ? `r.extend({}, ${context}, ${this.hash(node.hash, scope)})` : context;
  }

  private partial(node: hbs.AST.PartialStatement, scope: Scope): string {
    const name = partialName(node.name);
    const context = this.partialContext(node, scope);
    if (name === '@partial-block') return `r.partialBlock(${context}, ${scope.d})`;
    if (name === undefined || !this.partials.has(name)) throw new Unsupported('partial');
    return `P[${JSON.stringify(name)}](${context}, ${scope.d})`;
  }

  private partialBlock(node: hbs.AST.PartialBlockStatement, scope: Scope): string {
    const name = partialName(node.name);
    if (name === undefined || !this.partials.has(name)) throw new Unsupported('partial block');
    if (node.program?.blockParams?.length) throw new Unsupported('block parameters');
    const inner = this.scope();
    const depths = this.depths ? `const ${inner.p} = r.push(${inner.c}, ${scope.p});\n` : `const ${inner.p} = undefined;\n`;
    const body = `(${inner.c}, ${inner.d}) => {\n${depths}${this.body(node.program, inner)}\n}`;
    return `r.block(P[${JSON.stringify(name)}], ${this.partialContext(node, scope)}, ${scope.d}, ${body})`;
  }
}

/**
 * The name a one-part path may be a helper's (Handlebars' own AST.helpers.simpleId: not `this.x`, `./x` or `../x`).
 * Handlebars looks a helper up first for `{{@index}}` too, so data paths count as it counts them.
 */
function simpleName(path: Path): string | undefined {
  return Handlebars.AST.helpers.simpleId(path) ? path.parts[0] : undefined;
}

function partialName(name: hbs.AST.PathExpression | hbs.AST.SubExpression | Expression): string | undefined {
  if (name.type === 'PathExpression') return (name as Path).original;
  if (name.type === 'StringLiteral' || name.type === 'NumberLiteral') return String((name as hbs.AST.StringLiteral).value);
  return undefined;
}

function indent(node: hbs.AST.Statement): string {
  const { indent } = node as { indent?: string };
  return indent ? `o += ${JSON.stringify(indent)};\n` : '';
}

function read(object: string, name: string): string {
  if (INHERITED.has(name)) return `r.own(${object}, ${JSON.stringify(name)})`;
  return IDENTIFIER.test(name) ? `${object}.${name}` : `${object}[${JSON.stringify(name)}]`;
}

/** Whether any path in the template (its blocks included) climbs to a parent context. */
function climbs(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(climbs);
  const typed = node as { type?: string; depth?: number; data?: boolean };
  if (typed.type === 'PathExpression' && !typed.data && (typed.depth ?? 0) > 0) return true;
  for (const [key, value] of Object.entries(node)) if (key !== 'loc' && value && typeof value === 'object' && climbs(value)) return true;
  return false;
}

/** A template's code as generateDirect makes it: kept as text, it can be made into the function later (precompiled.ts). */
export interface DirectCode {
  /** `(function (c0, d0, p0) {…})`, to be called with the runtime, our helpers and the partials. */
  code: string;
  /** Whether any path climbs to a parent context (`../`): only then are depths kept. */
  depths: boolean;
  /** A page's: what it reads of its context (template-reads.ts); none when that could not be told. */
  reads?: ReadTree;
}

/** Every page's and partial's code, by name. */
export interface DirectSet {
  pages: Record<string, DirectCode>;
  partials: Record<string, DirectCode>;
}

/**
 * Pages and partials, parsed (and with inlineHelpers applied), as JavaScript source; undefined when any of them uses
 * something this does not do, so that Handlebars makes every page instead.
 * `helpers`: our helpers' names; `builtins`: Handlebars' own helper names.
 */
export function generateDirect(pages: ReadonlyMap<string, Program>, partials: ReadonlyMap<string, Program>, helpers: Iterable<string>, builtins: Iterable<string>): DirectSet | undefined {
  const helperNames = new Set(helpers);
  const builtinNames = new Set([...builtins].filter((name) => !helperNames.has(name)));
  const partialNames = new Set(partials.keys());
  const generate = (programs: ReadonlyMap<string, Program>): Record<string, DirectCode> => {
    const out: Record<string, DirectCode> = Object.create(null);
    for (const [name, program] of programs) {
      const generator = new Generator(program, helperNames, builtinNames, partialNames);
      out[name] = { code: generator.template(program), depths: generator.depths };
    }
    return out;
  };
  try {
    const set = { partials: generate(partials), pages: generate(pages) };
    const names = new Set([...helperNames, ...builtinNames]);
    for (const [name, program] of pages) {
      const reads = templateReads(program, partials, names);
      if (reads) set.pages[name]!.reads = reads;
    }
    return set;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
 * The pages of a DirectSet as functions. `helpers`: ours by name (called as Handlebars would call them).
 * Code made from the templates, once, when they are read: templates are the publisher's own files, like code.
 */
export function instantiateDirect(set: DirectSet, helpers: Readonly<Record<string, Helper>>): Map<string, DirectTemplate> {
  const compiledPartials: Record<string, PartialFunction> = Object.create(null);
  const make = ({ code }: DirectCode) => new Function('r', 'h', 'P', `return ${code};`)(runtime, helpers, compiledPartials) as Compiled;
  for (const [name, template] of Object.entries(set.partials)) {
    const main = make(template);
    compiledPartials[name] = template.depths ? (context, data) => main(context, data, [context]) : (context, data) => main(context, data, undefined);
  }
  const out = new Map<string, DirectTemplate>();
  for (const [name, template] of Object.entries(set.pages)) {
    const main = make(template);
    const depths = template.depths;
    out.set(name, (context) => main(context, new DataFrame(undefined, context) as unknown as Frame, depths ? [context] : undefined));
  }
  return out;
}

/** generateDirect, then instantiateDirect: undefined when Handlebars must make the pages. */
export function compileDirect(
  pages: ReadonlyMap<string, Program>,
  partials: ReadonlyMap<string, Program>,
  helpers: Readonly<Record<string, Helper>>,
  builtins: Iterable<string>,
): Map<string, DirectTemplate> | undefined {
  const set = generateDirect(pages, partials, Object.keys(helpers), builtins);
  return set && instantiateDirect(set, helpers);
}
