// Build step: our site templates compiled to JavaScript for each locale, beside the module that reads them
// (src/guide/precompiled.ts says when they are used).
import { writeFileSync } from 'node:fs';
import { LOCALES } from '../dist/findings.js';
import { SiteTemplates } from '../dist/guide/templates.js';
import { PRECOMPILED_FILE, precompiledFileText } from '../dist/guide/precompiled.js';

writeFileSync(PRECOMPILED_FILE, precompiledFileText(LOCALES.map((locale) => new SiteTemplates(locale, [], undefined, 'compile'))));
