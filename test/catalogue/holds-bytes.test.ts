// serve compares each catalogue file with the bytes it read last time, through one reused buffer.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsBytes, HashedDirectorySource, type KnownContents } from '../../src/catalogue/source.js';
import { temporaryFolder } from '../temporary.js';

const root = temporaryFolder('qingdan-holds-bytes-');

describe('holdsBytes', () => {
  const file = path.join(root, 'powers.yaml');
  const bytes = Buffer.from('powers:\n  - code: 甲\n');

  it('is true for the same bytes, false for other bytes of the same size, another size or an empty file', () => {
    writeFileSync(file, bytes);
    expect(holdsBytes(file, bytes, Buffer.alloc(0)).same).toBe(true);
    writeFileSync(file, Buffer.from('powers:\n  - code: 乙\n'));
    expect(holdsBytes(file, bytes, Buffer.alloc(0)).same).toBe(false);
    writeFileSync(file, Buffer.concat([bytes, Buffer.from('#')]));
    expect(holdsBytes(file, bytes, Buffer.alloc(0)).same).toBe(false);
    writeFileSync(file, '');
    expect(holdsBytes(file, bytes, Buffer.alloc(0)).same).toBe(false);
    expect(holdsBytes(file, Buffer.alloc(0), Buffer.alloc(0)).same).toBe(true);
  });

  it('grows the scratch buffer only when it is too small, and keeps a large one', () => {
    writeFileSync(file, bytes);
    const grown = holdsBytes(file, bytes, Buffer.alloc(4)).scratch;
    expect(grown.length).toBeGreaterThan(bytes.length);
    const large = Buffer.alloc(1024);
    expect(holdsBytes(file, bytes, large).scratch).toBe(large);
  });

  it('refuses a folder as readRegularFile does', () => {
    const folder = path.join(root, 'flows.yaml');
    mkdirSync(folder);
    expect(() => holdsBytes(folder, bytes, Buffer.alloc(0))).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('HashedDirectorySource', () => {
  it('gives an unchanged file its known id, and an edited one a new id', () => {
    const folder = mkdtempSync(path.join(root, 'catalogue-'));
    const known: KnownContents = new Map();
    writeFileSync(path.join(folder, 'laws.yaml'), 'laws: []\n');
    const first = new HashedDirectorySource(folder, folder, known).contentId('laws.yaml');
    expect(new HashedDirectorySource(folder, folder, known).contentId('laws.yaml')).toBe(first);
    writeFileSync(path.join(folder, 'laws.yaml'), 'laws: [] \n');
    const edited = new HashedDirectorySource(folder, folder, known).contentId('laws.yaml');
    expect(edited).not.toBe(first);
    expect(known.get('laws.yaml')?.id).toBe(edited);
    // Back to the first bytes: the first id again (named by content, not by when it was read).
    writeFileSync(path.join(folder, 'laws.yaml'), 'laws: []\n');
    expect(new HashedDirectorySource(folder, folder, known).contentId('laws.yaml')).toBe(first);
  });
});
