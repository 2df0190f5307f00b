// A process that loads the same folder again (serve) shares parses by content: unchanged files keep their objects,
// which is what lets a resident build tell unchanged entries by identity.
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { HashedDirectorySource, type KnownContents } from '../../src/catalogue/source.js';
import { contentHash } from '../../src/catalogue/cache.js';
import { FileCache } from '../../src/catalogue/cache.js';
import type { ProcessedFile } from '../../src/catalogue/process.js';
import { copyCatalogue, edit } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

const LISTS = path.resolve(import.meta.dirname, '../../lists');

describe('loads sharing parses by content', () => {
  it('tells a file by its bytes, not its size and time, and forgets the files a load did not read', () => {
    const root = copyCatalogue(LISTS);
    const known: KnownContents = new Map();
    const file = path.join(root, 'laws.yaml');
    const before = new HashedDirectorySource(root, root, known).contentId('laws.yaml');
    expect(before).toBe(contentHash(readFileSync(file)));
    // The same length and modification time, one character different: only the bytes tell.
    const { atime, mtime } = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('中华人民共和国', '中華人民共和国'));
    utimesSync(file, atime, mtime);
    const source = new HashedDirectorySource(root, root, known);
    const after = source.contentId('laws.yaml');
    expect(after).toBe(contentHash(readFileSync(file)));
    expect(after).not.toBe(before);
    expect(source.contentId('departments.yaml')).toBe(contentHash(readFileSync(path.join(root, 'departments.yaml'))));
    expect([...known.keys()].sort()).toEqual(['departments.yaml', 'laws.yaml']);
    // A later load that reads only departments.yaml (laws.yaml removed) drops what it knew of laws.yaml.
    rmSync(file);
    const later = new HashedDirectorySource(root, root, known);
    expect(later.contentId('laws.yaml')).toBeUndefined();
    later.contentId('departments.yaml');
    later.forgetUnread();
    expect([...known.keys()]).toEqual(['departments.yaml']);
  });

  it('gives unchanged files the same entry objects, new ones for an edited file, and keeps only the current parses', async () => {
    const root = copyCatalogue(LISTS);
    const shared = new Map<string, ProcessedFile>();
    const load = async () => (await loadCatalogue(new HashedDirectorySource(root, root), { shared, prune: true, workers: 0 })).catalogue;
    const first = await load();
    const files = shared.size;
    expect(files).toBe(first.files.size - 1); // every catalogue file; qingdan.yaml is read apart
    edit(path.join(root, 'powers/scjgj.yaml'), 'name: 食品经营许可申请书', 'name: 食品经营许可申请书（样本）');
    const second = await load();
    const value = (catalogue: typeof first, code: string) => catalogue.powerByCode.get(code)!.value;
    expect(value(second, '11339921MB1C4572XQ4010010000000')).not.toBe(value(first, '11339921MB1C4572XQ4010010000000'));
    expect(value(second, '11339921002541433A4010010000000')).toBe(value(first, '11339921002541433A4010010000000'));
    expect(second.departmentById.get('scjgj')!.value).toBe(first.departmentById.get('scjgj')!.value);
    expect(shared.size).toBe(files);
  });

  it('takes what a cache holds on its first load and stores what it parses', async () => {
    const root = copyCatalogue(LISTS);
    const location = path.join(temporaryFolder('qingdan-shared-cache-'), 'cache');
    const cache = () => new FileCache(location, 'test');
    const first = await loadCatalogue(new HashedDirectorySource(root, root), { shared: new Map(), cache: cache(), workers: 0 });
    const stored = readdirSync(path.join(location, 'data'));
    expect(stored.length).toBe(first.catalogue.files.size - 1);
    // Marked in the store: a load that reads the store shows the mark, one that parses the file again would not.
    const marked = stored.map((name) => path.join(location, 'data', name)).find((file) => readFileSync(file, 'utf8').includes('食品经营许可申请书'))!;
    writeFileSync(marked, readFileSync(marked, 'utf8').replace('食品经营许可申请书', '从缓存读出的申请书'));
    const second = await loadCatalogue(new HashedDirectorySource(root, root), { shared: new Map(), cache: cache(), workers: 0 });
    const names = second.catalogue.powerByCode.get('11339921MB1C4572XQ4010010000000')!.value.materials!.map((m) => m.name);
    expect(names).toContain('从缓存读出的申请书');
    expect(readdirSync(path.join(location, 'data')).sort()).toEqual(stored.sort());
  });
});
