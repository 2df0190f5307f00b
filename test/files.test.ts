import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder, temporaryBeside, writeFileAtomically } from '../src/files.js';
import { temporaryFolder } from './temporary.js';

describe('writeFileAtomically', () => {
  it('puts a new file in place of the old one (another inode), with the mode asked for and nothing left beside it', () => {
    const dir = temporaryFolder('qingdan-files-');
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, '旧\n');
    const before = statSync(file).ino;
    writeFileAtomically(file, '新\n', { mode: 0o640 });
    expect(readFileSync(file, 'utf8')).toBe('新\n');
    expect(statSync(file).ino).not.toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('throws when the rename fails, leaving the old file and removing its temporary copy', () => {
    const dir = temporaryFolder('qingdan-files-');
    const target = path.join(dir, 'site');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomically(target, 'x')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['site']);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('writes through the temporary name given, and leaves a folder there alone', () => {
    const dir = temporaryFolder('qingdan-files-');
    const file = path.join(dir, 'b.yaml');
    writeFileSync(file, 'old\n');
    mkdirSync(`${file}.busy`);
    expect(() => writeFileAtomically(file, 'new\n', { temporary: `${file}.busy` })).toThrow(/EISDIR/);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(statSync(`${file}.busy`).isDirectory()).toBe(true);
    expect(temporaryBeside(file)).toBe(`${file}.qingdan-${process.pid}.tmp`);
  });
});

describe('makeFolder', () => {
  it('makes a folder and the missing folders above it; one that exists is fine', () => {
    const dir = temporaryFolder('qingdan-files-');
    makeFolder(path.join(dir, 'a/b/c'));
    expect(statSync(path.join(dir, 'a/b/c')).isDirectory()).toBe(true);
    makeFolder(path.join(dir, 'a/b'));
    makeFolder(dir);
    expect(readdirSync(path.join(dir, 'a'))).toEqual(['b']);
  });

  it('throws the refusal when a file is in the way', () => {
    const dir = temporaryFolder('qingdan-files-');
    writeFileSync(path.join(dir, 'f'), 'x');
    expect(() => makeFolder(path.join(dir, 'f'))).toThrow(/EEXIST/);
    expect(() => makeFolder(path.join(dir, 'f/a/b'))).toThrow(/ENOTDIR/);
  });

  // Node's recursive mkdir never returns when mkdir answers ENOENT below a folder that exists (/proc does).
  it.runIf(process.platform === 'linux')('throws, instead of looping, where the file system answers ENOENT (/proc)', () => {
    expect(() => makeFolder('/proc/qingdan-test/a')).toThrow(/ENOENT/);
  });
});
