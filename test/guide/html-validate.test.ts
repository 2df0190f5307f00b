// Every page of the example site is valid HTML by html-validate's recommended rules.
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogueAsync } from '../../src/validate.js';
import { buildSite } from '../../src/guide/build.js';
import { ROOT } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? htmlFiles(file) : name.endsWith('.html') ? [file] : [];
  });
}

describe('html-validate', () => {
  it.each(['zh-CN', 'en'] as const)('finds no error on any page of the example site (%s)', async (locale) => {
    const out = path.join(temporaryFolder('qingdan-html-'), 'site');
    const { catalogue } = await validateCatalogueAsync(new DirectorySource(path.join(ROOT, 'lists')), {});
    await buildSite(catalogue, { out, locale });
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    // Every page in Chinese; one page of each kind in English (the markup is the same, only the words differ).
    const all = htmlFiles(out);
    expect(all.length).toBeGreaterThan(120);
    const seen = new Set<string>();
    const files = locale === 'zh-CN' ? all : all.filter((file) => {
      const kind = path.relative(out, file).replace(/[^/]+-responsibilities\.html$/, 'R').replace(/\/[^/]+$/, '/*');
      if (seen.has(kind)) return false;
      seen.add(kind);
      return true;
    });
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) for (const message of result.messages) problems.push(`${path.relative(out, file)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
