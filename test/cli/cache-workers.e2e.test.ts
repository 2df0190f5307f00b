// --cache and worker threads change how fast, never what: the findings must be byte-identical.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCatalogue, edit, ROOT, runCli } from './run-cli.js';

function brokenLists(): string {
  const lists = copyCatalogue(path.join(ROOT, 'lists'));
  edit(path.join(lists, 'powers/jyj.yaml'), 'category: licensing', 'category: licencing');
  edit(path.join(lists, 'departments.yaml'), 'credit_code: 11339921MB1C4572XQ', 'credit_code: 11339921MB1C4572XR');
  return lists;
}

describe('--cache', () => {
  it('gives the same report cold, warm, after a touch and after a real edit; drops deleted files', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    const cacheDir = path.join(cwd, '.qingdancache');
    const plain = await runCli(['validate', 'lists', '-f', 'json'], { cwd });
    const cold = await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd });
    const index = () => JSON.parse(readFileSync(path.join(cacheDir, 'index.json'), 'utf8')) as { files: Record<string, { hash: string }> };
    expect(Object.keys(index().files)).toHaveLength(44); // every catalogue file but qingdan.yaml
    expect(readdirSync(path.join(cacheDir, 'data')).length).toBe(new Set(Object.values(index().files).map((f) => f.hash)).size);
    expect(readdirSync(path.join(cacheDir, 'results'))).toHaveLength(1);
    const warm = await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd });
    expect([cold.code, warm.code]).toEqual([plain.code, plain.code]);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);

    // Same bytes, new mtime: reused by hash.
    const jyj = path.join(lists, 'powers/jyj.yaml');
    const later = new Date(Date.now() + 5000);
    utimesSync(jyj, later, later);
    expect((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout).toBe(plain.stdout);

    // A real change is seen.
    edit(jyj, 'category: licencing', 'category: licensing');
    const fixed = await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd });
    const rules = JSON.parse(fixed.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules).not.toContain('schema/enum');
    expect(rules).toContain('code/format');
    expect(fixed.stdout).toBe((await runCli(['validate', 'lists', '-f', 'json'], { cwd })).stdout);

    // A deleted file drops out of the index and its stored data goes.
    rmSync(path.join(lists, 'powers/wlj.yaml'));
    const afterDelete = await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd });
    expect(afterDelete.stdout).toBe((await runCli(['validate', 'lists', '-f', 'json'], { cwd })).stdout);
    expect(Object.keys(index().files)).toHaveLength(43);
  });

  it('answers from the stored result without reading data when nothing changed, and still honours new severities', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    await runCli(['validate', 'lists', '--cache'], { cwd });
    // Remove the stored per-file data: a run that needed it would now re-parse, one that did not is unaffected.
    rmSync(path.join(cwd, '.qingdancache/data'), { recursive: true });
    const warm = await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd });
    expect(warm.stdout).toBe((await runCli(['validate', 'lists', '-f', 'json'], { cwd })).stdout);
    expect(existsSync(path.join(cwd, '.qingdancache/data'))).toBe(false);
    // Turning a rule off in qingdan.yaml is a change the stored result must not hide.
    appendFileSync(path.join(lists, 'qingdan.yaml'), 'rules:\n  code/format: off\n');
    const quieter = JSON.parse((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout);
    expect(quieter.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('code/format');
  });

  it('treats a comment-only edit as no change: only that file is parsed again, the stored result is reused', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    const expected = (await runCli(['validate', 'lists', '-f', 'json'], { cwd })).stdout;
    await runCli(['validate', 'lists', '--cache'], { cwd });
    rmSync(path.join(cwd, '.qingdancache/data'), { recursive: true });
    appendFileSync(path.join(lists, 'powers/jyj.yaml'), '# 复核备注\n');
    const warm = await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd });
    expect(warm.stdout).toBe(expected);
    // Only the edited file was parsed (and stored); the other 43 were never read back.
    expect(readdirSync(path.join(cwd, '.qingdancache/data'))).toHaveLength(1);
    // A real change in the same file is still seen.
    edit(path.join(lists, 'powers/jyj.yaml'), 'category: licencing', 'category: licensing');
    const fixed = JSON.parse((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout);
    expect(fixed.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('schema/enum');
  });

  it('ignores a corrupt cache file and a cache from another version', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    const expected = (await runCli(['validate', 'lists', '-f', 'json'], { cwd })).stdout;
    mkdirSync(path.join(cwd, '.qingdancache/results'), { recursive: true });
    writeFileSync(path.join(cwd, '.qingdancache/index.json'), '{"key": "0.0.0:x", "files": {"bogus": 1}}');
    expect((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout).toBe(expected);
    writeFileSync(path.join(cwd, '.qingdancache/index.json'), 'not json at all');
    for (const name of readdirSync(path.join(cwd, '.qingdancache/results'))) writeFileSync(path.join(cwd, '.qingdancache/results', name), '{"digest": 1');
    expect((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout).toBe(expected);
    for (const name of readdirSync(path.join(cwd, '.qingdancache/data'))) writeFileSync(path.join(cwd, '.qingdancache/data', name), 'garbage');
    writeFileSync(path.join(cwd, '.qingdancache/index.json'), 'not json at all');
    expect((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout).toBe(expected);
  });

  it('refuses a cache location that is a file: exit 2', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    writeFileSync(path.join(cwd, 'cachefile'), 'x');
    const result = await runCli(['validate', 'lists', '--cache', '--cache-location', 'cachefile', '--lang', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cache location .*cachefile is a file/);
    const below = await runCli(['validate', 'lists', '--cache', '--cache-location', 'cachefile/sub', '--lang', 'en'], { cwd });
    expect(below.code).toBe(2);
    expect(below.stderr).toMatch(/^qingdan: The cache location .*cachefile is a file/);
    expect(below.stderr).not.toContain('internal error');
  });

  it('writes the cache where --cache-location says', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    await runCli(['validate', 'lists', '--cache', '--cache-location', 'build/qingdan.cache'], { cwd });
    expect(existsSync(path.join(cwd, 'build/qingdan.cache'))).toBe(true);
  });
});

describe('worker threads', () => {
  it('produce the same findings as a single thread', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    const single = await runCli(['validate', 'lists', '-f', 'json'], { cwd, env: { QINGDAN_WORKERS: '0' } });
    const two = await runCli(['validate', 'lists', '-f', 'json'], { cwd, env: { QINGDAN_WORKERS: '2' } });
    expect(JSON.parse(single.stdout).findings.length).toBeGreaterThan(10);
    expect(two.stdout).toBe(single.stdout);
    expect(two.code).toBe(single.code);
  });
});
