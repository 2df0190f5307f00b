// --cache and worker threads change how fast, never what: the findings must be byte-identical.
import { existsSync, readFileSync, writeFileSync, appendFileSync, utimesSync } from 'node:fs';
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
    const cacheFile = path.join(cwd, '.qingdancache');
    const plain = await runCli(['validate', 'lists', '-f', 'json'], { cwd });
    const cold = await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd });
    expect(existsSync(cacheFile)).toBe(true);
    const entries = Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).entries);
    expect(entries).toHaveLength(44); // every catalogue file but qingdan.yaml
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
    expect(rules).toContain('department/credit-code');
  });

  it('ignores a corrupt cache file and a cache from another version', async () => {
    const lists = brokenLists();
    const cwd = path.dirname(lists);
    const expected = (await runCli(['validate', 'lists', '-f', 'json'], { cwd })).stdout;
    writeFileSync(path.join(cwd, '.qingdancache'), '{"key": "0.0.0:x", "entries": {"bogus": 1}}');
    expect((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout).toBe(expected);
    writeFileSync(path.join(cwd, '.qingdancache'), 'not json at all');
    expect((await runCli(['validate', 'lists', '-f', 'json', '--cache'], { cwd })).stdout).toBe(expected);
    appendFileSync(path.join(cwd, '.qingdancache'), '');
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
