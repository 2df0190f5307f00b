// Writes the generated reference docs (docs/rules.md, docs/format.md, docs/changes.md, docs/standards.md); run `npm run build` first, or `npm run docs`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderChangesDoc, renderCompareExample, renderFormatDoc, renderRulesDoc, renderStandardsDoc } from '../dist/docs/generate.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
writeFileSync(new URL('../docs/format.md', import.meta.url), renderFormatDoc());
writeFileSync(new URL('../docs/changes.md', import.meta.url), renderChangesDoc());
writeFileSync(new URL('../docs/standards.md', import.meta.url), renderStandardsDoc());
writeFileSync(new URL('../docs/examples/compare-report.md', import.meta.url), await renderCompareExample(fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')));
console.log('docs/rules.md\ndocs/format.md\ndocs/changes.md\ndocs/standards.md\ndocs/examples/compare-report.md');
