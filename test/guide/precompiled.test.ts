import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateSources, SiteTemplates } from '../../src/guide/templates.js';
import { precompiledFileText, type PrecompiledTemplates } from '../../src/guide/precompiled.js';
import { planSite } from '../../src/guide/site.js';
import { validateCatalogueAsync } from '../../src/validate.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { LOCALES, type Locale } from '../../src/findings.js';
import { temporaryFolder } from '../temporary.js';

// What `npm run build` writes (scripts/precompile-templates.js), made here from the sources.
function precompiled(): Record<Locale, PrecompiledTemplates> {
  const file = JSON.parse(precompiledFileText(LOCALES.map((locale) => new SiteTemplates(locale, [], undefined, 'compile')))) as { key: string; locales: Record<Locale, PrecompiledTemplates> };
  expect(file.key).toMatch(/^[0-9a-f]{16}:4\.\d+\.\d+$/);
  return file.locales;
}

describe('precompiled site templates', () => {
  const code = precompiled();

  for (const locale of LOCALES) {
    it(`make every file of the example site as the templates compiled now do (${locale})`, async () => {
      const validated = await validateCatalogueAsync(new DirectorySource(new URL('../../lists/', import.meta.url).pathname, process.cwd()), { environment: {} });
      const given = new SiteTemplates(locale, [], undefined, code[locale]);
      const compiled = new SiteTemplates(locale, [], undefined, 'compile');
      expect([given.precompiled, compiled.precompiled, given.isDirect]).toEqual([true, false, true]);
      const draw = () => '<svg></svg>';
      const a = planSite(validated.catalogue, locale, given, draw);
      const b = planSite(validated.catalogue, locale, compiled, draw);
      expect(a.files.map((file) => file.path)).toEqual(b.files.map((file) => file.path));
      const pages = a.files.filter((file) => file.path.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(60);
      for (const [i, file] of a.files.entries()) expect(String(file.make()), file.path).toBe(String(b.files[i]!.make()));
    });
  }

  it('are not used for the other locale', () => {
    expect(new SiteTemplates('en', [], undefined, code['zh-CN']).precompiled).toBe(false);
  });

  it('are not used when a user partial takes the place of ours, which then shows', () => {
    const folder = temporaryFolder('qingdan-precompiled-');
    mkdirSync(path.join(folder, 'partials'));
    const ours = readFileSync(new URL('../../templates/site/partials/footer.hbs', import.meta.url), 'utf8');
    writeFileSync(path.join(folder, 'partials', 'footer.hbs'), `${ours}<p>本站由青山县改革办维护</p>\n`);
    const templates = new SiteTemplates('zh-CN', [folder], undefined, code['zh-CN']);
    expect(templates.precompiled).toBe(false);
    expect(templates.render('data', { site: { name: '清单' }, rootPrefix: '', files: [], breadcrumbs: [] })).toContain('<p>本站由青山县改革办维护</p>');
  });

  it('are not used when a user page takes the place of ours', () => {
    const folder = temporaryFolder('qingdan-precompiled-');
    writeFileSync(path.join(folder, 'data.hbs'), '<p>{{site.name}}</p>\n');
    const templates = new SiteTemplates('zh-CN', [folder], undefined, code['zh-CN']);
    expect(templates.precompiled).toBe(false);
    expect(templates.render('data', { site: { name: '清单' } })).toBe('<p>清单</p>\n');
  });

  it('are still used when a user folder adds only an asset (a logo)', () => {
    const folder = temporaryFolder('qingdan-precompiled-');
    mkdirSync(path.join(folder, 'assets'));
    writeFileSync(path.join(folder, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const sources = readTemplateSources('zh-CN', [folder]);
    expect(sources.hash).not.toBe(readTemplateSources('zh-CN').hash);
    const templates = new SiteTemplates('zh-CN', [folder], sources, code['zh-CN']);
    expect(templates.precompiled).toBe(true);
    expect(templates.assets.get('logo.svg')).toBe(path.join(folder, 'assets', 'logo.svg'));
  });

  it('cannot be written for templates Handlebars must make', () => {
    const folder = temporaryFolder('qingdan-precompiled-');
    mkdirSync(path.join(folder, 'partials'));
    writeFileSync(path.join(folder, 'partials', 'footer.hbs'), '<footer>{{#each site.links as |link|}}{{link}}{{/each}}</footer>\n');
    expect(() => precompiledFileText([new SiteTemplates('zh-CN', [folder], undefined, 'compile')])).toThrow('the site templates (zh-CN) cannot be compiled to JavaScript');
  });
});

describe('the built qingdan (npm run build)', () => {
  it('carries our templates precompiled for each locale, made by the code it runs', async () => {
    // dist/, as `npm test` builds it: the module reads the file beside it and checks its key against its own code.
    const built = (await import(new URL('../../dist/guide/precompiled.js', import.meta.url).href)) as typeof import('../../src/guide/precompiled.js');
    const sources = (await import(new URL('../../dist/guide/templates.js', import.meta.url).href)) as typeof import('../../src/guide/templates.js');
    for (const locale of LOCALES) {
      const found = built.precompiledFor(locale, sources.readTemplateSources(locale).textHash);
      expect(found, locale).toBeDefined();
      expect(Object.keys(found!.set.pages).sort()).toEqual([...sources.PAGE_TEMPLATES].sort());
      expect(new sources.SiteTemplates(locale).precompiled).toBe(true);
    }
  });
});
