import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Writes } from '../../src/guide/writes.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), 'qingdan-writes-'));
  folders.push(made);
  return made;
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
});
