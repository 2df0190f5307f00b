// What the in-process benchmarks share (site-drawings.js, site-pages.js, flow-hashes.js): qingdan's compiled
// modules, a catalogue loaded and checked as `qingdan build` does, and its guide pages. Build first (`npm run build`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A module of the compiled tool (dist/). */
export const dist = (module) => import(path.join(ROOT, 'dist', module));

const { validateCatalogueAsync } = await dist('validate.js');
const { DirectorySource } = await dist('catalogue/source.js');
const { GuidePages } = await dist('guide/site.js');
const { SiteTemplates } = await dist('guide/templates.js');

/** The catalogue in `folder`, validated: { catalogue, findings, … }. */
export function loadCatalogue(folder) {
  return validateCatalogueAsync(new DirectorySource(path.resolve(folder), process.cwd()), { environment: {} });
}

/**
 * The catalogue's guide pages in a locale; `draw` stands in for the flowchart drawing when given; `direct: false`
 * makes the pages with Handlebars' runtime instead of the direct templates.
 */
export function guidePages(catalogue, locale, draw, direct = true) {
  return new GuidePages(catalogue, locale, new SiteTemplates(locale, [], undefined, direct), ...(draw ? [draw] : []));
}
