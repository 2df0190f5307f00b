// A folder of the catalogue that cannot be listed (no permission) is a finding at the folder, not an internal error.
// The tests run as root in CI, where permissions do not stop anything: the source refuses to list the folder instead.
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashedDirectorySource } from '../../src/catalogue/source.js';
import { FileCache } from '../../src/catalogue/cache.js';
import type { ProcessedFile } from '../../src/catalogue/process.js';
import { validateCatalogue, validateCatalogueAsync, type ValidateResult } from '../../src/validate.js';
import { copyCatalogue } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

const LISTS = path.resolve(import.meta.dirname, '../../lists');

/** lists/ with one folder that cannot be listed, as `chmod 000` makes it for anyone but root. */
class RefusingSource extends HashedDirectorySource {
  constructor(
    root: string,
    private readonly refused: string,
  ) {
    super(root, path.dirname(root));
  }

  protected override readFolder(relative: string): Dirent[] {
    if (relative === this.refused) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path.join(this.root, relative)}'`), { code: 'EACCES', syscall: 'scandir' });
    return super.readFolder(relative);
  }
}

const brief = (result: ValidateResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.file}:${finding.line}:${finding.column} ${finding.message}`);

describe('a catalogue folder that cannot be listed', () => {
  const root = copyCatalogue(LISTS);
  const loads: Array<[string, () => Promise<ValidateResult>]> = [
    ['read at once', async () => validateCatalogue(new RefusingSource(root, 'flows'), { explicitLocale: 'en' })],
    ['read by the loader (validate, build, flow)', () => validateCatalogueAsync(new RefusingSource(root, 'flows'), { explicitLocale: 'en', workers: 0 })],
    ['read through the cache (--cache)', () => validateCatalogueAsync(new RefusingSource(root, 'flows'), { explicitLocale: 'en', workers: 0, cache: new FileCache(path.join(temporaryFolder('qingdan-unlisted-'), 'cache'), 'test') })],
    ['read with shared parses (serve)', () => validateCatalogueAsync(new RefusingSource(root, 'flows'), { explicitLocale: 'en', workers: 0, shared: new Map<string, ProcessedFile>() })],
  ];

  it.each(loads)('is one error at the folder, and the flows it may hold are not reported missing (%s)', async (_name, load) => {
    const result = await load();
    // lists/ is clean: the folder's finding is the only one; the items that name flows wait for the folder.
    expect(brief(result)).toEqual(["file/unreadable error lists/flows:1:1 Cannot read this folder (EACCES); the files in it were not checked. Check the folder's permissions."]);
    expect(result.catalogue.unread).toEqual([{ file: 'lists/flows', sections: 'any' }]);
    expect(result.catalogue.sections.flows).toEqual([]);
    // The other folders are read as ever.
    expect(result.catalogue.sections.powers.length).toBeGreaterThan(80);
  });

  it('is found again by a second load through the same cache, and goes when the folder can be read', async () => {
    const location = path.join(temporaryFolder('qingdan-unlisted-'), 'cache');
    const options = () => ({ explicitLocale: 'en' as const, workers: 0, cache: new FileCache(location, 'test') });
    expect((await validateCatalogueAsync(new HashedDirectorySource(root, path.dirname(root)), options())).findings).toEqual([]);
    expect(brief(await validateCatalogueAsync(new RefusingSource(root, 'flows'), options()))[0]).toMatch(/^file\/unreadable error lists\/flows:1:1 /);
    expect(brief(await validateCatalogueAsync(new RefusingSource(root, 'flows'), options()))[0]).toMatch(/^file\/unreadable error lists\/flows:1:1 /);
    expect((await validateCatalogueAsync(new HashedDirectorySource(root, path.dirname(root)), options())).findings).toEqual([]);
  });

  it('names the catalogue folder itself when it is the one that cannot be listed', async () => {
    const result = await validateCatalogueAsync(new RefusingSource(root, ''), { explicitLocale: 'en', workers: 0 });
    expect(brief(result)).toEqual(["file/unreadable error lists:1:1 Cannot read this folder (EACCES); the files in it were not checked. Check the folder's permissions."]);
  });
});
