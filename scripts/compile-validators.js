// Build step: writes ajv's standalone code for the catalogue schemas next to the compiled validator module.
import { writeFileSync } from 'node:fs';
import { standaloneValidators } from '../dist/schema/compile.js';
import { COMPILED_VALIDATORS } from '../dist/schema/validator.js';

writeFileSync(new URL(`../dist/schema/${COMPILED_VALIDATORS}`, import.meta.url), standaloneValidators());
