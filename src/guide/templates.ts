// The site's Handlebars environment: our pages and partials from templates/site/, then a user's folder laid over
// them (any page, partial or asset with the same name wins), and the few helpers templates use.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Locale } from '../findings.js';
import { isSiteWord, siteWord } from './words.js';
import { UsageError } from '../errors.js';
import { generateDirect, instantiateDirect, type DirectSet, type DirectTemplate } from './direct.js';
import { precompiledFor, type PrecompiledTemplates } from './precompiled.js';
import type { ReadTree } from './template-reads.js';
import { missingName, parseTemplate, readTemplate, reading, renderFailure, selfIncluding, shownPath } from './template-check.js';

const HAN = /\p{Script=Han}/u;
/** How many distinct sentences of `tzh` are kept (a few hundred bytes each). */
const TZH_KEPT = 10_000;

export const SITE_TEMPLATES = fileURLToPath(new URL('../../templates/site/', import.meta.url));

export const PAGE_TEMPLATES = ['home', 'guide', 'search', 'list', 'departments', 'department-powers', 'department-responsibilities', 'stats', 'data'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/** A template folder (partials/, assets/) that is a file: said so, rather than failing to read it. */
function folderOrNothing(dir: string): boolean {
  if (!existsSync(dir)) return false;
  if (!reading(dir, () => statSync(dir)).isDirectory()) throw new UsageError('template-not-folder', { path: shownPath(dir) });
  return true;
}

function hbsFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!folderOrNothing(dir)) return out;
  for (const name of reading(dir, () => readdirSync(dir)).sort()) {
    const file = path.join(dir, name);
    if (name.endsWith('.hbs') && reading(file, () => statSync(file)).isFile()) out.set(name.slice(0, -'.hbs'.length), file);
  }
  return out;
}

/** Whether a symbolic link leads to a folder (one that leads nowhere does not). */
function linksToFolder(link: string): boolean {
  try {
    return statSync(link).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under a folder, as posix paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!folderOrNothing(dir)) return [];
  const out: string[] = [];
  for (const entry of reading(dir, () => readdirSync(dir, { withFileTypes: true }))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), relative));
    // A link is an asset too (a logo kept elsewhere), unless it leads to a folder, which is not followed (links can
    // loop); one that leads nowhere is read with the rest and named as a template that cannot be read (exit 2).
    else if (entry.isFile() || (entry.isSymbolicLink() && !linksToFolder(path.join(dir, entry.name)))) out.push(relative);
  }
  return out.sort();
}

/** The files that make up a site's templates, read, with a hash that changes whenever any of them changes. */
export interface TemplateSources {
  /** By name, in name order. */
  pages: Map<string, { file: string; text: string }>;
  partials: Map<string, { file: string; text: string }>;
  /** Asset path (relative to assets/) → file on disk, the user's copy winning. */
  assets: Map<string, string>;
  hash: string;
  /** Changes whenever a page or partial (its name or text) or the locale changes; not with the assets. */
  textHash: string;
}

/**
 * Reads our templates/site/ and a user's folders laid over it (any page, partial or asset with the same name wins).
 * Cheap next to compiling them: a resident build reads them on every rebuild and compiles only when the hash changed.
 */
export function readTemplateSources(locale: Locale, overrides: readonly string[] = []): TemplateSources {
  const pageFiles = new Map<string, string>();
  const partialFiles = new Map<string, string>();
  const assets = new Map<string, string>();
  for (const folder of [SITE_TEMPLATES, ...overrides]) {
    for (const [name, file] of hbsFiles(folder)) pageFiles.set(name, file);
    for (const [name, file] of hbsFiles(path.join(folder, 'partials'))) partialFiles.set(name, file);
    for (const asset of filesUnder(path.join(folder, 'assets'))) assets.set(asset, path.join(folder, 'assets', asset));
  }
  const texts = createHash('sha256');
  const read = (kind: string, files: Map<string, string>) => {
    const out = new Map<string, { file: string; text: string }>();
    for (const [name, file] of [...files].sort()) {
      const text = readTemplate(file);
      texts.update(`${kind}:${name}\0${text}\0`);
      out.set(name, { file, text });
    }
    return out;
  };
  const partials = read('partial', partialFiles);
  const pages = read('page', pageFiles);
  const textHash = texts.update(`locale:${locale}`).digest('hex');
  // The whole: the templates' hash, then the assets.
  const digest = createHash('sha256').update(`${textHash}\0`);
  for (const [name, file] of [...assets].sort()) digest.update(`asset:${name}\0`).update(reading(file, () => readFileSync(file))).update('\0');
  return { pages, partials, assets, hash: digest.digest('hex'), textHash };
}

export class SiteTemplates {
  readonly handlebars = Handlebars.create();
  private readonly pages = new Map<string, HandlebarsTemplateDelegate>();
  /** The same pages compiled to JavaScript (direct.ts); undefined when a template uses what that does not do. */
  private readonly direct: Map<string, DirectTemplate> | undefined;
  /** Their code, as compiled now or precompiled (precompiled.ts writes ours at `npm run build`). */
  readonly directSet: DirectSet | undefined;
  /** Whether the code came precompiled: the templates were not parsed nor checked here. */
  readonly precompiled: boolean;
  /** TemplateSources.textHash. */
  readonly textHash: string;
  /** Page name → its file (and text), to name it when making a page fails. */
  private readonly pageFiles: TemplateSources['pages'];
  /** Asset path (relative to assets/) → file on disk, the user's copy winning. */
  readonly assets: ReadonlyMap<string, string>;
  /** Changes whenever any template, partial or asset changes: pages rendered with other templates are stale. */
  readonly hash: string;
  /** Partials that include themselves (named if a page never ends: recursion that stops is allowed). */
  readonly looping: readonly string[];
  /** What the helpers do that is known when a template is compiled (read by tests too). */
  readonly inlining: Inlining;

  constructor(
    readonly locale: Locale,
    /** Folders laid over templates/site/, later ones winning. */
    overrides: readonly string[] = [],
    /** The files as read already (a resident build reads them to see whether anything changed). */
    sources: TemplateSources = readTemplateSources(locale, overrides),
    /**
     * How pages are made: 'direct' as JavaScript compiled from the templates (precompiled at `npm run build` when
     * they are ours, unchanged), 'compile' the same but always compiled now, 'handlebars' by Handlebars (tests
     * compare them), or the precompiled code given.
     */
    making: 'direct' | 'compile' | 'handlebars' | PrecompiledTemplates = 'direct',
  ) {
    this.inlining = {
      word: (id) => (isSiteWord(id) ? siteWord(locale, id) : id),
      plainZh: locale === 'zh-CN',
      escape: (text) => this.handlebars.escapeExpression(text),
      rootPrefix: this.handlebars.parse('{{@root.rootPrefix}}').body[0] as hbs.AST.MustacheStatement,
    };
    this.assets = sources.assets;
    this.pageFiles = sources.pages;
    this.hash = sources.hash;
    this.textHash = sources.textHash;
    // Handlebars' own helpers, then ours (parsing and inlining do not ask for registered helpers).
    const builtins = Object.keys(this.handlebars.helpers);
    this.registerHelpers();
    const ours = Object.fromEntries(Object.entries(this.handlebars.helpers).filter(([name]) => !builtins.includes(name)));
    const precompiled = making === 'direct' ? precompiledFor(locale, sources.textHash) : typeof making === 'object' && making.textHash === sources.textHash ? making : undefined;
    this.precompiled = precompiled !== undefined;
    if (precompiled) {
      this.looping = precompiled.looping;
      this.directSet = precompiled.set;
      this.direct = instantiateDirect(precompiled.set, ours);
      return;
    }
    // Parsed here (Handlebars would parse on first use, naming no file), then checked against the helpers and partials.
    const parsed: [hbs.AST.Program, string][] = [];
    const partialPrograms = new Map<string, hbs.AST.Program>();
    const pagePrograms = new Map<string, hbs.AST.Program>();
    for (const [name, { file, text }] of sources.partials) {
      const program = this.parse(text, file);
      parsed.push([program, file]);
      partialPrograms.set(name, program);
      // Compiled here: a partial registered as text is compiled again on every page that uses it. (Handlebars
      // compiles a template on its first use: with direct templates, never.)
      this.handlebars.registerPartial(name, this.handlebars.compile(program, { preventIndent: true }));
    }
    for (const [name, { file, text }] of sources.pages) {
      const program = this.parse(text, file);
      parsed.push([program, file]);
      pagePrograms.set(name, program);
      this.pages.set(name, this.handlebars.compile(program, { strict: false, preventIndent: true }));
    }
    const partials = new Set(sources.partials.keys());
    for (const [program, file] of parsed) {
      const missing = missingName(this.handlebars, program, file, partials);
      if (missing) throw missing;
    }
    this.looping = selfIncluding(new Map([...partialPrograms].map(([name, program]) => [name, { program, file: sources.partials.get(name)!.file }])));
    this.directSet = making === 'handlebars' ? undefined : generateDirect(pagePrograms, partialPrograms, Object.keys(ours), builtins);
    this.direct = this.directSet && instantiateDirect(this.directSet, ours);
  }

  /** What a page's template reads of its context (template-reads.ts); undefined: all of it may count. */
  readsOf(page: PageTemplate): ReadTree | undefined {
    return this.directSet?.pages[page]?.reads;
  }

  /** Whether pages are made by the direct templates (tests compare them with Handlebars' pages). */
  get isDirect(): boolean {
    return this.direct !== undefined;
  }

  private registerHelpers(): void {
    const { locale } = this;
    const hb = this.handlebars;
    // {{t "id" name=value}}: a site word with placeholders; an unknown id is a template bug, shown as the id.
    // Words without placeholders are looked up once: a guide page asks for about a hundred.
    const plain = new Map<string, string>();
    hb.registerHelper('t', function (id: unknown, options: Handlebars.HelperOptions) {
      const key = String(id);
      if (!isSiteWord(key)) return key;
      const data = options.hash as Record<string, string | number>;
      for (const _ in data) return siteWord(locale, key, data);
      let text = plain.get(key);
      if (text === undefined) {
        text = siteWord(locale, key);
        plain.set(key, text);
      }
      return text;
    });
    // {{zh text}}: catalogue text (written in Chinese) in a page's text. On a page in another language it is marked
    // lang="zh-CN" — WCAG 2.1 3.1.2, language of parts — so that a screen reader reads it with a Chinese voice;
    // text without a Han character (a code, a number, a web address) is left unmarked. It makes markup: never in an
    // attribute, <title> or SVG. {{tzh "id" name=value}}: a site word whose placeholders are marked the same way.
    const marked = (value: unknown): string => {
      const text = value === undefined || value === null ? '' : String(value);
      const escaped = hb.escapeExpression(text);
      return locale !== 'zh-CN' && HAN.test(text) ? `<span lang="zh-CN">${escaped}</span>` : escaped;
    };
    hb.registerHelper('zh', (value: unknown) => new hb.SafeString(marked(value)));
    // The same sentence comes back often (a step's "goes to 审查" on thousands of guide pages; the footer on every
    // page): each is made once per distinct id and values, up to TZH_KEPT of them at a time.
    const sentences = new Map<string, string>();
    hb.registerHelper('tzh', function (id: unknown, options: Handlebars.HelperOptions) {
      const key = String(id);
      if (!isSiteWord(key)) return key;
      const hash = options.hash as Record<string, unknown>;
      let known = key;
      for (const name in hash) {
        const value = hash[name];
        // A number is a count (plural forms), anything else is shown as its text: the two never share a key. Lengths
        // first, so that no text (a catalogue's may hold any character) makes one list of values read as another.
        const text = typeof value === 'number' ? `#${value}` : `=${value === undefined || value === null ? '' : String(value)}`;
        known += ` ${name.length}:${name}${text.length}:${text}`;
      }
      let sentence = sentences.get(known);
      if (sentence === undefined) {
        // Each text placeholder goes in as a token, the sentence is escaped, then the tokens become the marked texts.
        const data: Record<string, string | number> = {};
        const texts: string[] = [];
        for (const [name, value] of Object.entries(hash)) {
          if (typeof value === 'number') data[name] = value;
          else {
            data[name] = `\u0000${texts.length}\u0000`;
            texts.push(marked(value));
          }
        }
        sentence = hb.escapeExpression(siteWord(locale, key, data)).replace(/\u0000(\d+)\u0000/g, (_, n: string) => texts[Number(n)]!);
        if (sentences.size >= TZH_KEPT) sentences.clear();
        sentences.set(known, sentence);
      }
      return new hb.SafeString(sentence);
    });
    // {{url "items/x.html"}}: a site-relative path from the current page (pages sit at different depths).
    hb.registerHelper('url', function (target: unknown, options: Handlebars.HelperOptions) {
      const root = (options.data?.root as { rootPrefix?: string } | undefined)?.rootPrefix ?? '';
      return `${root}${String(target ?? '')}`;
    });
    hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hb.registerHelper('join', (list: unknown) => (Array.isArray(list) ? list.join(locale === 'zh-CN' ? '、' : ', ') : ''));
    hb.registerHelper('json', (value: unknown) => JSON.stringify(value));
    hb.registerHelper('add', (...args: unknown[]) => args.slice(0, -1).reduce((sum: number, n) => sum + Number(n), 0));
    hb.registerHelper('sub', (a: unknown, b: unknown) => Number(a) - Number(b));
    hb.registerHelper('half', (a: unknown) => Number(a) / 2);
  }

  /** Parsed (a syntax error named at file:line:col), with the helper calls whose result is known now made already (see inlineHelpers). */
  private parse(text: string, file: string): hbs.AST.Program {
    const program = parseTemplate(this.handlebars, text, file);
    inlineHelpers(program, this.inlining);
    return program;
  }

  has(page: string): boolean {
    return this.pageFiles.has(page);
  }

  render(page: PageTemplate, context: object): string {
    const template = this.direct?.get(page) ?? this.pages.get(page);
    if (!template) throw new Error(`no template ${page}.hbs`);
    try {
      return template(context);
    } catch (error) {
      throw renderFailure(this.handlebars, error, this.pageFiles.get(page)!.file, this.looping) ?? error;
    }
  }
}

type Node = hbs.AST.Node & Partial<{ body: hbs.AST.Statement[]; program: hbs.AST.Program; inverse: hbs.AST.Program; params: hbs.AST.Expression[]; hash: hbs.AST.Hash; name: hbs.AST.Expression }>;

/** What a call of one of our helpers does, known when the template is compiled. */
export interface Inlining {
  /** The words of a site word with no placeholders. */
  word(id: string): string;
  /** `{{zh value}}` is `{{value}}`: on a Chinese page the catalogue's text needs no language of its own. */
  plainZh: boolean;
  escape(text: string): string;
  /** `{{@root.rootPrefix}}`, parsed: what `url` puts before its target. */
  rootPrefix: hbs.AST.MustacheStatement;
}

/** The one parameter of a call without a hash, when the helper is `name`. */
function onlyParameter(node: Node, name: string): hbs.AST.Expression | undefined {
  const { path, params, hash } = node as Partial<hbs.AST.MustacheStatement>;
  if (path?.type !== 'PathExpression' || (path as hbs.AST.PathExpression).original !== name || params?.length !== 1 || hash?.pairs.length) return undefined;
  return params[0];
}

function isString(node: hbs.AST.Expression | undefined): node is hbs.AST.StringLiteral {
  return node?.type === 'StringLiteral';
}

/**
 * A mustache showing a value the way the helper's parameter read it. A one-part name would be taken for a helper
 * of that name if there is one ({{lookup}}, {{t}}…): it is read as `this.name` instead, unless it is a block
 * parameter, which the parameter read first too. @data values are left to the helper.
 */
function valueMustache(value: hbs.AST.Expression, blockParams: ReadonlySet<string>, like: hbs.AST.MustacheStatement): hbs.AST.MustacheStatement | undefined {
  if (value.type !== 'PathExpression') return undefined;
  const path = value as hbs.AST.PathExpression;
  if (path.data) return undefined;
  const simple = Handlebars.AST.helpers.simpleId(path);
  const scoped = simple && !blockParams.has(path.parts[0]!) ? { ...path, original: `this.${path.original}` } : path;
  return { ...like, path: scoped, params: [], hash: undefined as unknown as hbs.AST.Hash };
}

/**
 * A template's calls of `t`, `zh` and `url` whose result is known when it is compiled, replaced by what they make,
 * through every block, inverse and partial block:
 * - `{{t "id"}}` (no placeholders) becomes text, escaped as the mustache would have; `(t "id")` a string literal;
 * - `{{zh value}}` on a Chinese site becomes `{{value}}` (the helper only escapes there);
 * - `{{url target}}` becomes `{{@root.rootPrefix}}` followed by the target (text for a literal).
 * Our helpers are always registered and a registered helper wins over a context value of the same name, so the
 * page is byte for byte what the helpers make; what it saves is a helper call each, about 150 on a guide page.
 */
export function inlineHelpers(program: hbs.AST.Program, inlining: Inlining): void {
  const expression = (node: hbs.AST.Expression): hbs.AST.Expression => {
    if (node.type !== 'SubExpression') return node;
    const id = onlyParameter(node as Node, 't');
    if (isString(id)) {
      const text = inlining.word(id.value);
      return { type: 'StringLiteral', value: text, original: text, loc: node.loc } as hbs.AST.StringLiteral;
    }
    arguments_(node as Node);
    return node;
  };
  const arguments_ = (node: Node) => {
    if (node.params) node.params = node.params.map(expression);
    for (const pair of node.hash?.pairs ?? []) pair.value = expression(pair.value);
    if (node.name) node.name = expression(node.name);
  };
  const content = (text: string, like: hbs.AST.Node): hbs.AST.Statement => ({ type: 'ContentStatement', value: text, original: text, loc: like.loc }) as unknown as hbs.AST.Statement;
  const inlined = (statement: hbs.AST.MustacheStatement, blockParams: ReadonlySet<string>): hbs.AST.Statement[] | undefined => {
    const escaped = (text: string) => (statement.escaped ? inlining.escape(text) : text);
    const id = onlyParameter(statement, 't');
    if (isString(id)) return [content(escaped(inlining.word(id.value)), statement)];
    const zh = inlining.plainZh && statement.escaped ? onlyParameter(statement, 'zh') : undefined;
    if (zh) {
      if (isString(zh)) return [content(escaped(zh.value), statement)];
      const value = valueMustache(zh, blockParams, statement);
      return value && [value];
    }
    const target = onlyParameter(statement, 'url');
    if (target) {
      const prefix = { ...inlining.rootPrefix, escaped: statement.escaped, loc: statement.loc };
      if (isString(target)) return [prefix, content(escaped(target.value), statement)];
      const value = valueMustache(target, blockParams, statement);
      return value && [prefix, value];
    }
    return undefined;
  };
  const walk = (block: hbs.AST.Program | undefined, outer: ReadonlySet<string>) => {
    if (!block) return;
    const blockParams = block.blockParams?.length ? new Set([...outer, ...block.blockParams]) : outer;
    block.body = block.body.flatMap((statement) => {
      if (statement.type === 'MustacheStatement') {
        const replacement = inlined(statement as hbs.AST.MustacheStatement, blockParams);
        if (replacement) return replacement;
      }
      const node = statement as Node;
      arguments_(node);
      walk(node.program, blockParams);
      walk(node.inverse, blockParams);
      return [statement];
    });
  };
  walk(program, new Set());
}
