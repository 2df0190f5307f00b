// `qingdan init` without the command line: the files of a small working catalogue, from templates/init/.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';
import { ToolError } from '../i18n/tools.js';
import { UsageError, writeFailed } from '../errors.js';
import { makeFolder } from '../files.js';
import { enclosingCatalogue } from '../catalogue/source.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/init/', import.meta.url));

export interface InitOptions {
  name: string;
  region: string;
  departmentName: string;
}

/** Template paths: `x.hbs` → `x`; a leading `dot-` → `.` (npm packs dot folders unreliably, so they are stored without the dot). */
function outputPath(relative: string): string {
  return relative
    .replace(/\.hbs$/, '')
    .split('/')
    .map((part) => part.replace(/^dot-/, '.'))
    .join('/');
}

function templates(dir = TEMPLATES, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? templates(dir, relative) : entry.name.endsWith('.hbs') ? [relative] : [];
    })
    .sort();
}

const handlebars = Handlebars.create();
// A value as YAML writes it on the key's line: quoted only where YAML needs it, never a block scalar (a name with a
// line break was written as `|-` and lines at the left margin, which broke qingdan.yaml).
handlebars.registerHelper('yaml', (value: unknown) => stringify(value, { blockQuote: false }).trimEnd());

/**
 * Writes the catalogue into `root`; refuses when any of its files exists, before writing anything. A write that fails
 * (a read-only folder, `root` an existing file) removes the files already written, so that running init again once the
 * cause is fixed is not refused because of them.
 */
export function initCatalogue(root: string, options: InitOptions): string[] {
  // qingdan.yaml would be written and then refused by validate (schema/min-length).
  for (const [option, value] of [['--name', options.name], ['--region', options.region]] as const) {
    if (!value.trim()) throw new ToolError('init-empty', { option });
  }
  // A catalogue made inside another would have its files join the outer one's.
  const around = enclosingCatalogue(root);
  if (around) throw new ToolError('init-inside-catalogue', { path: root, catalogue: around });
  const files = templates().map((template) => ({ template, target: outputPath(template) }));
  const existing = files.find((file) => existsSync(path.join(root, file.target)));
  if (existing) throw new ToolError('init-exists', { path: existing.target });
  const written: string[] = [];
  for (const { template, target } of files) {
    const render = handlebars.compile(readFileSync(path.join(TEMPLATES, template), 'utf8'), { noEscape: true });
    const file = path.join(root, target);
    try {
      makeFolder(path.dirname(file));
      writeFileSync(file, render(options));
      written.push(file);
    } catch (error) {
      for (const done of written) rmSync(done, { force: true });
      throw writeFailed(file, error);
    }
  }
  return files.map((file) => file.target);
}
