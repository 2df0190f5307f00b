import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteLength, Trash, Writes } from '../../src/guide/writes.js';
import { temporaryFolder } from '../temporary.js';

function folder(): string {
  return temporaryFolder('qingdan-writes-');
}

describe('writes in flight', () => {
  it('writes every file, more than are ever in flight at once, with the bytes given', async () => {
    const dir = folder();
    const writes = new Writes();
    for (let i = 0; i < 300; i++) await writes.write(path.join(dir, `${i}.html`), `<p>第${i}页</p>`);
    await writes.finish();
    expect(readdirSync(dir)).toHaveLength(300);
    expect(readFileSync(path.join(dir, '299.html'), 'utf8')).toBe('<p>第299页</p>');
  });

  it('writes a file given in pieces as their bytes one after another: many pieces (more than one writev takes), one, none', async () => {
    const dir = folder();
    // 3,000 pieces: more than IOV_MAX (1,024), so libuv writes them in batches.
    const pieces = Array.from({ length: 3000 }, (_, i) => Buffer.from(`${i},许可${i}\r\n`));
    for (const atomic of [false, true]) {
      const writes = new Writes(atomic);
      await writes.write(path.join(dir, `many-${atomic}.csv`), pieces);
      await writes.write(path.join(dir, `one-${atomic}.csv`), [Buffer.from('\ufeffcode\r\n')]);
      await writes.write(path.join(dir, `none-${atomic}.csv`), []);
      await writes.finish();
      expect(readFileSync(path.join(dir, `many-${atomic}.csv`))).toEqual(Buffer.concat(pieces));
      expect(readFileSync(path.join(dir, `one-${atomic}.csv`), 'utf8')).toBe('\ufeffcode\r\n');
      expect(readFileSync(path.join(dir, `none-${atomic}.csv`)).length).toBe(0);
    }
    expect(byteLength(pieces)).toBe(Buffer.concat(pieces).length);
    expect([byteLength('许可'), byteLength(Buffer.from('ab')), byteLength([])]).toEqual([6, 2, 0]);
  });

  it('atomic: a file in pieces that cannot be written is reported, and leaves no temporary file', async () => {
    const dir = folder();
    const writes = new Writes(true);
    await writes.write(path.join(dir, 'missing-folder', 'a.csv'), [Buffer.from('x')]);
    await expect(writes.finish()).rejects.toThrow(/ENOENT.*missing-folder/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a failed write when waited for, with the file in the message', async () => {
    const dir = folder();
    const writes = new Writes();
    await writes.write(path.join(dir, 'missing-folder', 'a.html'), 'x');
    await expect(writes.finish()).rejects.toThrow(/ENOENT.*missing-folder/);
  });

  it('settles without throwing when the build is being abandoned', async () => {
    const dir = folder();
    const writes = new Writes();
    await writes.write(path.join(dir, 'missing-folder', 'a.html'), 'x');
    await expect(writes.settle()).resolves.toBeUndefined();
  });

  it('atomic: replaces each file by renaming a finished copy over it (a new inode), leaving no temporary file', async () => {
    const dir = folder();
    const target = path.join(dir, 'page.html');
    writeFileSync(target, '<p>旧</p>');
    const before = statSync(target).ino;
    const writes = new Writes(true);
    await writes.write(target, '<p>新</p>');
    await writes.write(path.join(dir, 'other.html'), Buffer.from('<p>另一页</p>'));
    await writes.finish();
    expect(readFileSync(target, 'utf8')).toBe('<p>新</p>');
    expect(statSync(target).ino).not.toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['other.html', 'page.html']);
  });

  it('atomic: a rename that fails leaves the old file and removes the temporary copy', async () => {
    const dir = folder();
    // A folder where the file should go: writing the copy works, renaming it over a folder does not.
    mkdirSync(path.join(dir, 'page.html'));
    const writes = new Writes(true);
    await writes.write(path.join(dir, 'page.html'), 'x');
    await expect(writes.finish()).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['page.html']);
    expect(statSync(path.join(dir, 'page.html')).isDirectory()).toBe(true);
  });
});

describe('a trash for replaced files (serve)', () => {
  it('keeps each replaced file whole beside the site until emptied, then removes the folder', async () => {
    const dir = folder();
    const site = path.join(dir, 'site');
    mkdirSync(site);
    const target = path.join(site, 'catalogue.json');
    writeFileSync(target, '旧'.repeat(1000));
    const old = statSync(target).ino;
    const trash = new Trash(site);
    const writes = new Writes(true, trash);
    await writes.write(target, '新');
    await writes.write(path.join(site, 'new.csv'), 'a,b\n');
    await writes.finish();
    expect(readFileSync(target, 'utf8')).toBe('新');
    // The old file is still there, under the trash folder beside the site (not in it): one link, the replaced file's.
    const [kept, ...others] = readdirSync(dir).filter((name) => name.startsWith('site.qingdan-trash-'));
    expect(others).toEqual([]);
    const inTrash = readdirSync(path.join(dir, kept!));
    expect(inTrash).toHaveLength(1);
    expect(statSync(path.join(dir, kept!, inTrash[0]!)).ino).toBe(old);
    expect(readdirSync(site).sort()).toEqual(['catalogue.json', 'new.csv']);
    await trash.empty();
    expect(readdirSync(dir)).toEqual(['site']);
    // The next update makes a new folder.
    await writes.write(target, '再');
    await writes.finish();
    expect(readdirSync(dir).filter((name) => name.startsWith('site.qingdan-trash-'))).toHaveLength(1);
    await trash.empty();
    expect(readdirSync(dir)).toEqual(['site']);
  });

  it('replaces files as before when no trash folder can be made beside the site (a parent it may not write to)', async () => {
    const dir = folder();
    const target = path.join(dir, 'page.html');
    writeFileSync(target, '<p>旧</p>');
    // A folder that cannot be made stands for one the user may not write to (the tests may run as root).
    const trash = new Trash(path.join(dir, 'missing', 'site'));
    const writes = new Writes(true, trash);
    await writes.write(target, '<p>新</p>');
    await writes.finish();
    expect(readFileSync(target, 'utf8')).toBe('<p>新</p>');
    expect(readdirSync(dir)).toEqual(['page.html']);
    await expect(trash.empty()).resolves.toBeUndefined();
  });
});
