// Our own site templates compiled to JavaScript when qingdan itself is built: `npm run build` writes
// templates.precompiled.json beside this module (scripts/precompile-templates.js). A build whose pages and partials
// are ours, unchanged, then neither parses, checks nor compiles them: about 75 ms of a 4,000-item build's main
// thread, and V8 no longer optimises Handlebars' parser for it. The file is used only when the templates read now
// are the ones it was made from, and the code that made it is the code running (otherwise they are compiled as a
// user's are), so an edited template or a rebuilt qingdan never meets stale code.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Locale } from '../findings.js';
import { codeHash } from './code-hash.js';
import type { DirectSet } from './direct.js';

export const PRECOMPILED_FILE = new URL('templates.precompiled.json', import.meta.url);

/** One locale's templates as code. */
export interface PrecompiledTemplates {
  /** TemplateSources.textHash of the pages and partials it was made from (their names, text and the locale). */
  textHash: string;
  set: DirectSet;
  /** Partials that include themselves (named if a page never ends). */
  looping: string[];
}

interface PrecompiledFile {
  key: string;
  locales: Partial<Record<Locale, PrecompiledTemplates>>;
}

/** What the code depends on besides the templates: the code that made it and runs it, and Handlebars. */
function precompiledKey(): string {
  return `${codeHash()}:${Handlebars.VERSION}`;
}

/** The file's text, from each locale's compiled templates (SiteTemplates made with 'compile'). */
export function precompiledFileText(templates: ReadonlyArray<{ locale: Locale; textHash: string; directSet: DirectSet | undefined; looping: readonly string[] }>): string {
  const locales: PrecompiledFile['locales'] = {};
  for (const { locale, textHash, directSet, looping } of templates) {
    if (!directSet) throw new Error(`the site templates (${locale}) cannot be compiled to JavaScript`);
    locales[locale] = { textHash, set: directSet, looping: [...looping] };
  }
  return `${JSON.stringify({ key: precompiledKey(), locales } satisfies PrecompiledFile)}\n`;
}

let stored: PrecompiledFile | null | undefined;

/** The precompiled templates for these pages and partials, if the file has them and was made by this code. */
export function precompiledFor(locale: Locale, textHash: string): PrecompiledTemplates | undefined {
  if (stored === undefined) {
    try {
      const file = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledFile;
      stored = file.key === precompiledKey() ? file : null;
    } catch {
      // None (running from the sources, or not built yet): the templates are compiled as they are read.
      stored = null;
    }
  }
  // A file of another shape under a matching key (edited by hand): not used, never a crash.
  const found = stored?.locales?.[locale];
  return found?.textHash === textHash ? found : undefined;
}
