// What a page template can read of its context, found from the templates themselves, so that serve can tell that a
// page would come out the same without rendering it.
//
// Why: the pages that list every guide (search, each category and applicant) hold the full guide models in their
// context and show only a few fields of each (name, link, department, category). One edited material changed one
// model, and serve rendered and wrote 2.6 MB of identical HTML on every edit (4,000 items, ~20 ms of each rebuild).
//
// The tree follows the template as Handlebars runs it: paths from the current context, `../` to the one before,
// `@root`, each / with / if / unless, partials with their own context or the caller's, partial blocks. Anything it
// does not follow (another block helper, block parameters, decorators, a partial named at run time, `../` out of a
// partial) makes the whole context count: the page is compared as before.

type Program = hbs.AST.Program;
type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

/** What a template reads of one value: all of it, whether it is empty, its items, some of its properties. */
export interface ReadTree {
  whole?: true;
  truthy?: true;
  each?: ReadTree;
  props?: Record<string, ReadTree>;
}

const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

class GiveUp extends Error {}

interface Scope {
  /** The current context and the ones before it (`../`), innermost first, within this template or partial. */
  contexts: ReadTree[];
  root: ReadTree;
  /** The body of the partial block being run, with the scope it was written in. */
  partialBlock: { program: Program; scope: Scope } | undefined;
}

function child(tree: ReadTree, name: string): ReadTree {
  // No prototype: a property named like one of Object.prototype's members is the tree's own.
  tree.props ??= Object.create(null) as Record<string, ReadTree>;
  return (tree.props[name] ??= {});
}

/**
 * The tree of what `page` reads, or undefined when it uses something this does not follow. `partials` by name;
 * `helpers`: the names that are helpers (ours and Handlebars' own), whose arguments count whole.
 */
export function templateReads(page: Program, partials: ReadonlyMap<string, Program>, helpers: ReadonlySet<string>): ReadTree | undefined {
  const root: ReadTree = {};
  // A partial that includes itself would be followed forever: given up on (none of ours does).
  const running: string[] = [];

  const path = (expression: hbs.AST.PathExpression, scope: Scope): ReadTree => {
    if (expression.data) {
      const [first, ...rest] = expression.parts;
      // @index, @key, @first, @last say where an item is: the items are compared in order, with their keys.
      if (first !== 'root') return {};
      return rest.reduce(child, root);
    }
    const depth = expression.depth ?? 0;
    const base = scope.contexts[depth];
    if (!base) throw new GiveUp('../ beyond the template');
    return expression.parts.reduce(child, base);
  };

  /** A value given to a helper or printed: all of it counts. */
  const whole = (expression: Expression | undefined, scope: Scope): void => {
    if (!expression) return;
    if (expression.type === 'PathExpression') path(expression as hbs.AST.PathExpression, scope).whole = true;
    else if (expression.type === 'SubExpression') call(expression as hbs.AST.SubExpression, scope);
  };

  const call = (node: { params: Expression[]; hash?: hbs.AST.Hash }, scope: Scope): void => {
    for (const parameter of node.params) whole(parameter, scope);
    for (const pair of node.hash?.pairs ?? []) whole(pair.value, scope);
  };

  const isHelper = (expression: Expression, node: { params: Expression[]; hash?: hbs.AST.Hash }): boolean => {
    if (expression.type !== 'PathExpression') return false;
    const name = expression as hbs.AST.PathExpression;
    return node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || (!name.data && name.parts.length === 1 && helpers.has(name.original));
  };

  const partial = (name: string, scope: Scope): void => {
    const program = partials.get(name);
    if (!program) throw new GiveUp(`no partial ${name}`);
    if (running.includes(name)) throw new GiveUp(`partial ${name} includes itself`);
    running.push(name);
    walk(program, scope);
    running.pop();
  };

  const partialName = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement): string => {
    if (node.name.type !== 'PathExpression') throw new GiveUp('a partial named at run time');
    return (node.name as hbs.AST.PathExpression).original;
  };

  /** The scope a partial runs in: its own context (given, or the caller's), and no `../` beyond it. */
  const partialScope = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope: Scope, block: Scope['partialBlock']): Scope => {
    if (node.hash?.pairs.length) throw new GiveUp('a partial with hash arguments');
    if (node.params.length > 1) throw new GiveUp('a partial with more than one context');
    const given = node.params[0];
    if (given && given.type !== 'PathExpression') throw new GiveUp('a partial given a value that is not a path');
    const context = given ? path(given as hbs.AST.PathExpression, scope) : scope.contexts[0]!;
    return { contexts: [context], root, partialBlock: block };
  };

  const walk = (program: Program | undefined, scope: Scope): void => {
    if (!program) return;
    if (program.blockParams?.length) throw new GiveUp('block parameters');
    for (const statement of program.body) visit(statement, scope);
  };

  const visit = (node: Node, scope: Scope): void => {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (isHelper(mustache.path, mustache)) call(mustache, scope);
        else whole(mustache.path, scope);
        return;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        const name = block.path.type === 'PathExpression' ? (block.path as hbs.AST.PathExpression).original : '';
        if (!BLOCKS.has(name) || block.params.length !== 1 || block.hash?.pairs.length) throw new GiveUp(`block ${name}`);
        const parameter = block.params[0]!;
        if (parameter.type === 'SubExpression') {
          // {{#if (eq a b)}}: the helper's arguments count whole; the block runs in the same context.
          if (name !== 'if' && name !== 'unless') throw new GiveUp(`${name} of a helper's value`);
          call(parameter as hbs.AST.SubExpression, scope);
          walk(block.program, scope);
          walk(block.inverse, scope);
          return;
        }
        if (parameter.type !== 'PathExpression') throw new GiveUp(`${name} of a literal`);
        const value = path(parameter as hbs.AST.PathExpression, scope);
        value.truthy = true;
        if (name === 'each') {
          value.each ??= {};
          walk(block.program, { ...scope, contexts: [value.each, ...scope.contexts] });
        } else if (name === 'with') {
          walk(block.program, { ...scope, contexts: [value, ...scope.contexts] });
        } else walk(block.program, scope);
        walk(block.inverse, scope);
        return;
      }
      case 'PartialStatement': {
        const statement = node as hbs.AST.PartialStatement;
        const name = partialName(statement);
        if (name === '@partial-block') {
          if (!scope.partialBlock) throw new GiveUp('@partial-block outside a partial block');
          // The block's body runs with the context given where it is placed, as Handlebars does.
          const { program, scope: outer } = scope.partialBlock;
          walk(program, { ...outer, contexts: [scope.contexts[0]!, ...outer.contexts.slice(1)] });
          return;
        }
        partial(name, partialScope(statement, scope, scope.partialBlock));
        return;
      }
      case 'PartialBlockStatement': {
        const statement = node as hbs.AST.PartialBlockStatement;
        partial(partialName(statement), partialScope(statement, scope, { program: statement.program, scope }));
        return;
      }
      default:
        throw new GiveUp(node.type);
    }
  };

  try {
    walk(page, { contexts: [root], root, partialBlock: undefined });
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
  return root;
}

const hasOwn = Object.prototype.hasOwnProperty;

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Handlebars' isEmpty: what `if`, `unless` and `with` ask of a value. */
function isEmpty(value: unknown): boolean {
  return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
}

/**
 * Whether a page made from context `a` and one made from `b` read the same through `tree`: every value it reads the
 * same (deeply, by `same`), lists of the same length and objects it goes through with the same keys. Handlebars
 * reads only own properties, so that is what is compared.
 */
export function sameThrough(a: unknown, b: unknown, tree: ReadTree, same: (a: unknown, b: unknown) => boolean): boolean {
  if (a === b) return true;
  if (tree.whole) return same(a, b);
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return same(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (tree.truthy && isEmpty(a) !== isEmpty(b)) return false;
  // Anything but a plain list or object (a Map, a Set: `each` spreads them) is compared whole.
  if (!Array.isArray(a) && (Symbol.iterator in a || Symbol.iterator in b || !isPlain(a) || !isPlain(b))) return same(a, b);
  if (tree.each) {
    if (Array.isArray(a)) {
      const list = b as unknown[];
      if (a.length !== list.length) return false;
      for (let i = 0; i < a.length; i++) if (!sameThrough(a[i], list[i], tree.each, same)) return false;
    } else {
      const keys = Object.keys(a);
      const others = Object.keys(b);
      if (keys.length !== others.length) return false;
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== others[i] || !sameThrough((a as Record<string, unknown>)[keys[i]!], (b as Record<string, unknown>)[keys[i]!], tree.each, same)) return false;
      }
    }
  }
  for (const name in tree.props) {
    const va = hasOwn.call(a, name) ? (a as Record<string, unknown>)[name] : undefined;
    const vb = hasOwn.call(b, name) ? (b as Record<string, unknown>)[name] : undefined;
    if (!sameThrough(va, vb, tree.props[name]!, same)) return false;
  }
  return true;
}
