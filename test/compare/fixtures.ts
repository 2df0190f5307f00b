// Where the compare fixtures are (test/fixtures/compare, described in its README).
import path from 'node:path';
import { ROOT } from '../cli/run-cli.js';

export const FIXTURES = path.join(ROOT, 'test/fixtures/compare');
export const OFFICES = ['reference', 'county-a', 'county-b', 'county-c'] as const;
