// The site's Handlebars environment: our pages and partials from templates/site/, then a user's folder laid over
// them (any page, partial or asset with the same name wins), and the few helpers templates use.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Locale } from '../findings.js';
import { isSiteWord, siteWord } from './words.js';

const HAN = /\p{Script=Han}/u;

export const SITE_TEMPLATES = fileURLToPath(new URL('../../templates/site/', import.meta.url));

export const PAGE_TEMPLATES = ['home', 'guide', 'search', 'list', 'departments', 'department-powers', 'department-responsibilities', 'stats', 'data'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

function hbsFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.hbs') && statSync(path.join(dir, name)).isFile()) out.set(name.slice(0, -'.hbs'.length), path.join(dir, name));
  }
  return out;
}

/** Every file under a folder, as posix paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}

export class SiteTemplates {
  readonly handlebars = Handlebars.create();
  private readonly pages = new Map<string, HandlebarsTemplateDelegate>();
  /** Asset path (relative to assets/) → file on disk, the user's copy winning. */
  readonly assets = new Map<string, string>();
  /** Changes whenever any template, partial or asset changes: pages rendered with other templates are stale. */
  readonly hash: string;

  constructor(
    readonly locale: Locale,
    /** Folders laid over templates/site/, later ones winning. */
    overrides: readonly string[] = [],
  ) {
    const folders = [SITE_TEMPLATES, ...overrides];
    const digest = createHash('sha256');
    const pageFiles = new Map<string, string>();
    const partialFiles = new Map<string, string>();
    for (const folder of folders) {
      for (const [name, file] of hbsFiles(folder)) pageFiles.set(name, file);
      for (const [name, file] of hbsFiles(path.join(folder, 'partials'))) partialFiles.set(name, file);
      for (const asset of filesUnder(path.join(folder, 'assets'))) this.assets.set(asset, path.join(folder, 'assets', asset));
    }
    for (const [name, file] of [...partialFiles].sort()) {
      const text = readFileSync(file, 'utf8');
      digest.update(`partial:${name}\0${text}\0`);
      // Compiled here: a partial registered as text is compiled again on every page that uses it.
      this.handlebars.registerPartial(name, this.handlebars.compile(text, { preventIndent: true }));
    }
    for (const [name, file] of [...pageFiles].sort()) {
      const text = readFileSync(file, 'utf8');
      digest.update(`page:${name}\0${text}\0`);
      this.pages.set(name, this.handlebars.compile(text, { strict: false, preventIndent: true }));
    }
    for (const [name, file] of [...this.assets].sort()) digest.update(`asset:${name}\0`).update(readFileSync(file)).update('\0');
    digest.update(`locale:${locale}`);
    this.hash = digest.digest('hex');
    this.registerHelpers();
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
    hb.registerHelper('tzh', function (id: unknown, options: Handlebars.HelperOptions) {
      const key = String(id);
      if (!isSiteWord(key)) return key;
      // Each text placeholder goes in as a token, the sentence is escaped, then the tokens become the marked texts.
      const data: Record<string, string | number> = {};
      const texts: string[] = [];
      for (const [name, value] of Object.entries(options.hash as Record<string, unknown>)) {
        if (typeof value === 'number') data[name] = value;
        else {
          data[name] = `\u0000${texts.length}\u0000`;
          texts.push(marked(value));
        }
      }
      const sentence = hb.escapeExpression(siteWord(locale, key, data));
      return new hb.SafeString(sentence.replace(/\u0000(\d+)\u0000/g, (_, n: string) => texts[Number(n)]!));
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

  has(page: string): boolean {
    return this.pages.has(page);
  }

  render(page: PageTemplate, context: object): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`no template ${page}.hbs`);
    return template(context);
  }
}
