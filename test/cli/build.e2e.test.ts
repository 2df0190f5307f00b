import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyCatalogue, edit, ROOT, runCli, type CliResult } from './run-cli.js';
import { MANIFEST, buildSite } from '../../src/guide/build.js';
import { BASE, check } from '../harness.js';
import { temporaryFolder } from '../temporary.js';

const LISTS = path.join(ROOT, 'lists');

function tempDir(): string {
  return temporaryFolder('qingdan-site-');
}

/** The real binary run as the user nobody (uid 65534), for tests about files a user may not read. */
function runAsNobody(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { cwd, env: { PATH: process.env.PATH } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('qingdan build (the real binary)', () => {
  it('validates lists/, builds the site and says where to open it; a rebuild reuses unchanged pages', async () => {
    const dir = tempDir();
    const catalogue = copyCatalogue(LISTS);
    const out = path.join(dir, 'site');
    const first = await runCli(['build', catalogue, '--out', out]);
    expect(first.stderr).toContain('没有发现问题');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/已生成网站 .*site：81 个办事指南/);
    expect(first.stdout).toContain(`用浏览器打开：file://${out}/index.html`);
    const items = readdirSync(path.join(out, 'items'));
    expect(items).toHaveLength(81);
    for (const file of ['index.html', 'search.html', 'stats.html', 'data.html', 'departments/index.html', 'departments/zjj.html', 'departments/zjj-responsibilities.html', 'assets/site.css', 'assets/search.js', 'search-index.js', 'data/catalogue.json', 'data/powers.csv', 'data/materials.csv', 'data/responsibilities.csv', 'data/services.jsonld', MANIFEST]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }

    const again = await runCli(['build', catalogue, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('新生成 0 页');

    // One item edited: only its page is rendered again.
    edit(path.join(catalogue, 'powers/zjj.yaml'), '有保证工程质量和安全的具体措施', '有保证工程质量和安全的具体措施（已修订）');
    const third = await runCli(['build', catalogue, '--out', out]);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/新生成 1 页/);
    expect(readFileSync(path.join(out, 'items/11339921MB1D3961134010010000000.html'), 'utf8')).toContain('（已修订）');
  });

  it('builds nothing when the catalogue has errors, lists them, exits 1 and leaves the old site as it was', async () => {
    const dir = tempDir();
    const catalogue = copyCatalogue(LISTS);
    const out = path.join(dir, 'site');
    expect((await runCli(['build', catalogue, '--out', out])).code).toBe(0);
    const before = readFileSync(path.join(out, 'index.html'), 'utf8');
    edit(path.join(catalogue, 'powers/zjj.yaml'), 'promised: 3', 'promised: 30');
    const result = await runCli(['build', catalogue, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('time/promised-exceeds-statutory');
    expect(result.stderr).toContain('未生成网站');
    expect(result.stdout).toBe('');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(before);
  });

  it('lists warnings and builds all the same', async () => {
    const catalogue = copyCatalogue(BASE);
    edit(path.join(catalogue, 'flows.yaml'), 'department: scjgj, duration: 3', 'duration: 3');
    const out = path.join(tempDir(), 'site');
    const result = await runCli(['build', catalogue, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('flow/lane');
    expect(result.stdout).toContain('已生成网站');
    expect(readFileSync(path.join(out, 'items/11339921MB000000104010010000000.html'), 'utf8')).toContain('<figure class="flowchart">');
  });

  it('stops, naming them, when entries the schema check leaves out would be missing (schema rules set to warning)', async () => {
    const catalogue = copyCatalogue(BASE);
    writeFileSync(path.join(catalogue, 'qingdan.yaml'), 'name: 测试基线清单\nregion: 测试县\nprofile: national\nrules:\n  schema/*: warning\n');
    // A step's duration as text: the flow no longer matches the format, and its findings are warnings now.
    edit(path.join(catalogue, 'flows.yaml'), 'duration: 1, next: complete', 'duration: 一天, next: complete');
    const out = path.join(tempDir(), 'site');
    const result = await runCli(['build', '.', '--out', out, '--lang', 'en'], { cwd: catalogue });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('schema/type');
    expect(result.stderr).toContain(
      '1 entry does not match the format and cannot go into the site; the site was not built: flows.yaml:2:5. Setting schema/* rules to warning or off does not put such entries on the site; fix the format problems qingdan validate lists.\n',
    );
    expect(result.stderr).not.toContain('The catalogue has 1 error');
    expect(existsSync(out)).toBe(false);
    // qingdan flow says the same of the flow, where it is, instead of "has errors" with no finding.
    const flow = await runCli(['flow', '--out', path.join(tempDir(), 'charts'), '--lang', 'en'], { cwd: catalogue });
    expect(flow.code).toBe(1);
    expect(flow.stderr).toContain('Flow spjy (flows.yaml:2:5) does not match the format and was not drawn');
  });

  it('stops, naming both, when two items share a code (code/duplicate set to warning): one page would overwrite the other', async () => {
    const catalogue = copyCatalogue(BASE);
    writeFileSync(path.join(catalogue, 'qingdan.yaml'), 'name: 测试基线清单\nregion: 测试县\nprofile: national\nrules:\n  code/duplicate: warning\n  id/duplicate: warning\n');
    const powers = readFileSync(path.join(catalogue, 'powers.yaml'), 'utf8');
    writeFileSync(path.join(catalogue, 'powers.yaml'), powers + powers.slice(powers.indexOf('  - code')).replace('name: 食品经营许可', 'name: 重复事项').replace('    flow: spjy\n', ''));
    const out = path.join(tempDir(), 'site');
    const result = await runCli(['build', '.', '--out', out, '--lang', 'en'], { cwd: catalogue });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '1 code is used by more than one item each, and a code has one guide page; the site was not built: 11339921MB000000104010010000000 (powers.yaml:2:5, powers.yaml:19:5). Setting code/duplicate to warning or off does not change this; give each item its own code.\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to replace a folder it did not build', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    const result = await runCli(['build', LISTS, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a site qingdan built');
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('ends when it stops after its helper thread has started (the thread starts while the catalogue is checked)', async () => {
    // QINGDAN_WORKERS=1 starts the thread for lists/' 81 guides; a thread left running would keep the process alive.
    const workers = { env: { QINGDAN_WORKERS: '1' } };
    const dir = tempDir();
    const mine = path.join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'notes.txt'), 'keep me');
    const notOurs = await runCli(['build', LISTS, '--out', mine, '--lang', 'en'], workers);
    expect(notOurs.code).toBe(2);
    expect(notOurs.stderr).toContain('is not a site qingdan built');
    expect(readdirSync(mine)).toEqual(['notes.txt']);

    const broken = copyCatalogue(LISTS);
    edit(path.join(broken, 'powers/jyj.yaml'), 'category: licensing', 'category: licencing');
    const out = path.join(dir, 'site');
    const invalid = await runCli(['build', broken, '--out', out, '--lang', 'en'], workers);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('schema/enum');
    expect(existsSync(out)).toBe(false);
  });

  it('colours what it says on stderr as the other commands colour their reports: FORCE_COLOR, NO_COLOR, --no-color', async () => {
    const dir = tempDir();
    const green = '\u001b[32m✔';
    expect((await runCli(['build', LISTS, '--out', path.join(dir, 'a')], { env: { FORCE_COLOR: '1' } })).stderr).toContain(green);
    expect((await runCli(['build', LISTS, '--out', path.join(dir, 'b')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stderr).not.toContain('\u001b[');
    expect((await runCli(['build', LISTS, '--out', path.join(dir, 'c'), '--no-color'], { env: { FORCE_COLOR: '1' } })).stderr).not.toContain('\u001b[');
    expect((await runCli(['build', LISTS, '--out', path.join(dir, 'd')])).stderr).not.toContain('\u001b[');
  });

  it('names the site folder it cannot make (under a file) as an environment problem, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'afile'), 'not a folder');
    const result = await runCli(['build', LISTS, '--out', path.join(dir, 'afile/site'), '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\nqingdan: Cannot write \S*afile \(ENOTDIR\): part of the path is a file, not a folder\. Choose another place, or rename that file\.\n/);
    expect(result.stderr).not.toContain('internal error');
    expect(readFileSync(path.join(dir, 'afile'), 'utf8')).toBe('not a folder');
  });

  it('names a missing template folder as a usage error', async () => {
    const result = await runCli(['build', LISTS, '--out', path.join(tempDir(), 's'), '--templates', 'no-such-folder']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('找不到模板目录 no-such-folder');
    // One that is there but is a file is said to be a file, not "not found".
    const dir = tempDir();
    writeFileSync(path.join(dir, 'layout.hbs'), '<html></html>');
    const file = await runCli(['build', LISTS, '--out', path.join(dir, 's'), '--templates', 'layout.hbs', '--lang', 'en'], { cwd: dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('qingdan: layout.hbs is a file, not a template folder. Give --templates a folder (holding partials/, assets/ or page templates *.hbs).\n');
  });

  // A user's template folder, written in a fresh directory that is also the working directory (paths shown relative).
  function userTemplates(files: Record<string, string>): string {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, 'mine', name)), { recursive: true });
      writeFileSync(path.join(dir, 'mine', name), text);
    }
    return dir;
  }

  it('names a broken partial of the user by file, line and column, exit 2, the old site left in place', async () => {
    const dir = userTemplates({ 'partials/footer.hbs': '<footer>\n  {{#if site.name}}\n  <p>{{site.name}}</p>\n</footer>\n' });
    const out = path.join(dir, 'site');
    expect((await runCli(['build', LISTS, '--out', out], { cwd: dir })).code).toBe(0);
    const before = readFileSync(path.join(out, 'index.html'), 'utf8');
    const result = await runCli(['build', LISTS, '--out', out, '--templates', 'mine'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('qingdan: 模板 mine/partials/footer.hbs:5:1 有语法错误，未生成网站。请检查此处的 {{…}} 是否写全、块是否闭合');
    expect(result.stderr).not.toContain('内部错误');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(before);
    const english = await runCli(['build', LISTS, '--out', out, '--templates', 'mine', '--lang', 'en'], { cwd: dir });
    expect(english.stderr).toContain('qingdan: Template mine/partials/footer.hbs:5:1 has a syntax error; the site was not built.');
  });

  it('refuses a template saved in GB18030, at its first byte that is not UTF-8, the old site left in place', async () => {
    const dir = userTemplates({});
    mkdirSync(path.join(dir, 'mine/partials'), { recursive: true });
    // 办事 in GB18030 (B0EC CAC2), as an older Windows editor saves Chinese.
    writeFileSync(path.join(dir, 'mine/partials/footer.hbs'), Buffer.concat([Buffer.from('<footer>\n<p>'), Buffer.from([0xb0, 0xec, 0xca, 0xc2]), Buffer.from('</p>\n</footer>\n')]));
    const out = path.join(dir, 'site');
    expect((await runCli(['build', LISTS, '--out', out], { cwd: dir })).code).toBe(0);
    const before = readFileSync(path.join(out, 'index.html'), 'utf8');
    const result = await runCli(['build', LISTS, '--out', out, '--templates', 'mine'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.endsWith('\nqingdan: 模板 mine/partials/footer.hbs:2:4 不是 UTF-8 编码，未生成网站（页面上会成乱码）。请把该文件另存为 UTF-8。\n')).toBe(true);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(before);
    const english = await runCli(['build', LISTS, '--out', out, '--templates', 'mine', '--lang', 'en'], { cwd: dir });
    expect(english.stderr.endsWith('\nqingdan: Template mine/partials/footer.hbs:2:4 is not UTF-8; the site was not built (its text would be garbled on every page). Save the file as UTF-8.\n')).toBe(true);
  });

  it('points at the token the template parser stopped on, and at a block closed by the wrong name', async () => {
    const dir = userTemplates({ 'partials/footer.hbs': '<footer>\n{{t "x" name=}}\n' });
    const result = await runCli(['build', LISTS, '--out', path.join(dir, 'site'), '--templates', 'mine', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Template mine/partials/footer.hbs:2:14 has a syntax error');
    const mismatched = userTemplates({ 'home.hbs': 'a\n  {{#if x}}\n{{/each}}\n' });
    const second = await runCli(['build', LISTS, '--out', path.join(mismatched, 'site'), '--templates', 'mine', '--lang', 'en'], { cwd: mismatched });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('Template mine/home.hbs:2:6 has a syntax error');
    expect(second.stderr).toContain("if doesn't match each");
  });

  it('names a partial or helper that does not exist where it is used, before any page is made', async () => {
    const dir = userTemplates({ 'partials/footer.hbs': '<footer>\n  {{> office-logo}}\n</footer>\n' });
    const result = await runCli(['build', LISTS, '--out', path.join(dir, 'site'), '--templates', 'mine'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('qingdan: 模板 mine/partials/footer.hbs:2:3 引用的局部模板 office-logo 不存在，未生成网站。请在模板目录的 partials/ 中创建 office-logo.hbs，或改正名称。');
    expect(existsSync(path.join(dir, 'site'))).toBe(false);

    const helper = userTemplates({ 'partials/footer.hbs': '<footer>{{upper site.name}}</footer>\n{{#*inline "x"}}{{/inline}}{{> x}}{{#> absent}}fallback{{/absent}}\n' });
    const second = await runCli(['build', LISTS, '--out', path.join(helper, 'site'), '--templates', 'mine', '--lang', 'en'], { cwd: helper });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('qingdan: Template mine/partials/footer.hbs:1:9 uses the helper upper, which does not exist; the site was not built. The helpers are: add, each, eq, half, if, join, json, log, lookup, sub, t, tzh, unless, url, with, zh;');
  });

  // Root reads every file whatever its mode: as root, the binary runs as nobody (setpriv) for the file system to refuse.
  const asRoot = process.getuid?.() === 0;
  const canDropRoot = asRoot && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(asRoot && !canDropRoot)('says it cannot read a template it has no permission to read (EACCES), not that it cannot write it, exit 2', async () => {
    const dir = userTemplates({ 'guide.hbs': '<p>{{power.name}}</p>\n' });
    const out = path.join(dir, 'site');
    chmodSync(path.join(dir, 'mine/guide.hbs'), 0o000);
    // nobody may go into the folder, read the catalogue and write the site beside the template folder.
    chmodSync(dir, 0o777);
    const catalogue = copyCatalogue(BASE);
    chmodSync(path.dirname(catalogue), 0o755);
    const args = ['build', catalogue, '--out', out, '--templates', 'mine', '--lang', 'en'];
    const result = canDropRoot ? await runAsNobody(args, dir) : await runCli(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('\nqingdan: Cannot read the template file mine/guide.hbs (EACCES); the site was not built. Check that it is a file you may read, and its folder too: permissions, or where a symbolic link points.\n');
    expect(result.stderr).not.toContain('Cannot write');
    expect(existsSync(out)).toBe(false);
  });

  it('says it cannot read a template that is a link to nothing or to itself, instead of an internal error', async () => {
    const dir = userTemplates({});
    mkdirSync(path.join(dir, 'mine/partials'), { recursive: true });
    symlinkSync('footer.hbs', path.join(dir, 'mine/partials/footer.hbs'));
    const loop = await runCli(['build', LISTS, '--out', path.join(dir, 'site'), '--templates', 'mine', '--lang', 'en'], { cwd: dir });
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('\nqingdan: Cannot read the template file mine/partials/footer.hbs (ELOOP); the site was not built.');
    rmSync(path.join(dir, 'mine/partials/footer.hbs'));
    symlinkSync('nowhere.hbs', path.join(dir, 'mine/partials/footer.hbs'));
    const dangling = await runCli(['build', LISTS, '--out', path.join(dir, 'site'), '--templates', 'mine'], { cwd: dir });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('\nqingdan: 无法读取模板文件 mine/partials/footer.hbs（ENOENT），网站未生成。');
    for (const result of [loop, dangling]) expect(result.stderr).not.toMatch(/internal error|内部错误/);
  });

  it('publishes an asset that is a link to a file, and names one that leads nowhere (it was skipped, exit 0)', async () => {
    const dir = userTemplates({});
    mkdirSync(path.join(dir, 'mine/assets'), { recursive: true });
    writeFileSync(path.join(dir, 'logo-kept-elsewhere.png'), 'PNG');
    symlinkSync(path.join(dir, 'logo-kept-elsewhere.png'), path.join(dir, 'mine/assets/logo.png'));
    const linked = await runCli(['build', LISTS, '--out', path.join(dir, 'site'), '--templates', 'mine'], { cwd: dir });
    expect(linked.code).toBe(0);
    expect(readFileSync(path.join(dir, 'site/assets/logo.png'), 'utf8')).toBe('PNG');
    symlinkSync(path.join(dir, 'gone.png'), path.join(dir, 'mine/assets/banner.png'));
    const dangling = await runCli(['build', LISTS, '--out', path.join(dir, 'site'), '--templates', 'mine', '--lang', 'en'], { cwd: dir });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('\nqingdan: Cannot read the template file mine/assets/banner.png (ENOENT); the site was not built.');
  });

  it('says that an assets or partials entry of a template folder must be a folder', async () => {
    const dir = userTemplates({ assets: 'not a folder' });
    const result = await runCli(['build', LISTS, '--out', path.join(dir, 'site'), '--templates', 'mine'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('qingdan: mine/assets 是一个文件，模板目录中的 partials 和 assets 须为文件夹。请删除或改名该文件。');
    const partials = userTemplates({ partials: 'x' });
    const second = await runCli(['build', LISTS, '--out', path.join(partials, 'site'), '--templates', 'mine', '--lang', 'en'], { cwd: partials });
    expect(second.stderr).toContain('qingdan: mine/partials is a file; partials and assets in a template folder must be folders.');
    expect(second.code).toBe(2);
  });
});

/** Every file under a folder, relative path → bytes. */
function snapshot(folder: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(path.join(folder, prefix)).sort()) {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(folder, relative)).isDirectory()) for (const [file, bytes] of snapshot(folder, relative)) files.set(file, bytes);
    else files.set(relative, readFileSync(path.join(folder, relative)));
  }
  return files;
}

function expectSameSite(actual: string, expected: string): void {
  const a = snapshot(actual);
  const b = snapshot(expected);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [file, bytes] of b) expect(a.get(file)!.equals(bytes), file).toBe(true);
}

describe('the site folder (--out)', () => {
  /** A site built from a copy of the base catalogue, in a fresh folder; returns the catalogue, the site and their folder. */
  async function built(): Promise<{ dir: string; catalogue: string; out: string }> {
    const catalogue = copyCatalogue(BASE);
    const dir = path.dirname(catalogue);
    const out = path.join(dir, 'pub');
    expect((await runCli(['build', catalogue, '--out', out])).code).toBe(0);
    return { dir, catalogue, out };
  }

  it('keeps what the build does not make (the .git of a gh-pages worktree, CNAME), says so, and drops its own stale files', async () => {
    const { catalogue, out } = await built();
    mkdirSync(path.join(out, '.git/refs'), { recursive: true });
    writeFileSync(path.join(out, '.git/HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(path.join(out, 'CNAME'), 'example.gov.cn\n');
    writeFileSync(path.join(out, 'items/stale.html'), 'a page of an item long gone');
    for (const incremental of [[], ['--no-incremental']]) {
      const result = await runCli(['build', catalogue, '--out', out, '--lang', 'en', ...incremental]);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`Kept 2 entries of ${out} that the build does not make: .git, CNAME\n`);
      expect(readFileSync(path.join(out, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
      expect(statSync(path.join(out, '.git/refs')).isDirectory()).toBe(true);
      expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('example.gov.cn\n');
      expect(existsSync(path.join(out, 'items/stale.html'))).toBe(false);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('测试基线清单');
      expect(JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')).files).not.toEqual({});
      // Nothing of the build is left beside the site.
      expect(readdirSync(path.dirname(out)).filter((name) => name.startsWith('pub.'))).toEqual([]);
    }
  });

  it('says nothing of kept files when there are none', async () => {
    const { catalogue, out } = await built();
    const result = await runCli(['build', catalogue, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('Kept');
  });

  it('refuses a catalogue, a template folder or a cache inside --out (exit 2), and writes nothing', async () => {
    const { dir, catalogue, out } = await built();
    writeFileSync(path.join(out, 'CNAME'), 'example.gov.cn\n');
    const inside = path.join(out, 'lists');
    cpSync(catalogue, inside, { recursive: true });
    mkdirSync(path.join(out, 'mine/partials'), { recursive: true });
    const home = readFileSync(path.join(out, 'index.html'), 'utf8');
    const before = readdirSync(out).sort();
    const cases: Array<[string[], string]> = [
      [['build', 'pub/lists', '--out', 'pub'], 'The catalogue pub/lists is inside the site folder pub, whose contents a build replaces; nothing was written.'],
      [['build', 'pub/lists', '--out', '.'], 'The catalogue pub/lists is inside the site folder ., whose contents a build replaces; nothing was written.'],
      [['build', catalogue, '--out', 'pub', '--templates', 'pub/mine'], 'The template folder pub/mine is inside the site folder pub'],
      [['build', catalogue, '--out', 'pub', '--cache', '--cache-location', 'pub/.qingdancache'], 'The cache folder pub/.qingdancache is inside the site folder pub'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli([...args, '--lang', 'en'], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`qingdan: ${message}`);
      expect(readdirSync(out).sort()).toEqual(before);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(home);
      expect(existsSync(path.join(inside, 'qingdan.yaml'))).toBe(true);
    }
    const zh = await runCli(['build', 'pub/lists', '--out', 'pub'], { cwd: dir });
    expect(zh.stderr).toContain('qingdan: 清单目录 pub/lists 在网站目录 pub 之内，而生成网站会替换该目录的内容，因此未写入。');
  });

  it('takes .qingdan-site.json as the mark of its site only when qingdan wrote it', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    for (const manifest of ['{}', 'garbage', '{"version":1,"tool":"x","files":[]}', 'null']) {
      writeFileSync(path.join(out, MANIFEST), manifest);
      const result = await runCli(['build', BASE, '--out', out, '--lang', 'en']);
      expect(result.code, manifest).toBe(2);
      expect(result.stderr).toContain(`qingdan: ${out} exists and is not a site qingdan built (its ${MANIFEST} is not one qingdan wrote).`);
      expect(readdirSync(out).sort()).toEqual([MANIFEST, 'notes.txt']);
    }
  });

  it('builds into the folder a symbolic link --out points to, and keeps the link', async () => {
    const dir = tempDir();
    const real = path.join(dir, 'www');
    mkdirSync(real);
    const link = path.join(dir, 'site');
    symlinkSync(real, link);
    const first = await runCli(['build', BASE, '--out', link, '--lang', 'en']);
    expect(first.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(real, 'index.html'), 'utf8')).toContain('测试基线清单');
    // The second build reuses the pages of the first, found through the link, and replaces the site the link shows.
    const second = await runCli(['build', BASE, '--out', link, '--lang', 'en']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/\(0 rendered, \d+ unchanged and reused\)/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(real, MANIFEST))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['site', 'www']);
  });

  it('refuses a symbolic link --out that points to nothing (exit 2)', async () => {
    const dir = tempDir();
    const link = path.join(dir, 'site');
    symlinkSync(path.join(dir, 'nowhere'), link);
    const result = await runCli(['build', BASE, '--out', link, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`qingdan: ${link} is a symbolic link to a folder that does not exist (ENOENT); nothing was written.`);
    expect(readdirSync(dir)).toEqual(['site']);
  });
});

describe('an incremental build', () => {
  it('writes the same bytes as a full build of the same catalogue, with or without --cache', async () => {
    const catalogue = copyCatalogue(LISTS);
    const dir = tempDir();
    const plain = path.join(dir, 'plain');
    const cached = path.join(dir, 'cached');
    const full = path.join(dir, 'full');
    const cache = path.join(dir, 'cache');
    expect((await runCli(['build', catalogue, '--out', plain])).code).toBe(0);
    expect((await runCli(['build', catalogue, '--out', cached, '--cache', '--cache-location', cache])).code).toBe(0);
    expect(existsSync(path.join(cache, 'site/index.json'))).toBe(true);
    // An item's material, a department's phone (on many pages) and a flow step change.
    edit(path.join(catalogue, 'powers/zjj.yaml'), '有保证工程质量和安全的具体措施', '有保证工程质量和安全的具体措施（已修订）');
    edit(path.join(catalogue, 'departments.yaml'), '0570-1234000', '0570-1234001');
    edit(path.join(catalogue, 'flows/hxz.yaml'), 'name: 先行救助', 'name: 先行临时救助');
    const incremental = await runCli(['build', catalogue, '--out', plain]);
    expect(incremental.stdout).toMatch(/沿用未变的 [1-9]\d* 页/);
    const fromCache = await runCli(['build', catalogue, '--out', cached, '--cache', '--cache-location', cache]);
    expect(fromCache.stdout).toMatch(/沿用未变的 [1-9]\d* 页/);
    // The full build draws every flowchart on the main thread; the others may share the drawing with a worker.
    expect((await runCli(['build', catalogue, '--out', full, '--no-incremental'], { env: { QINGDAN_WORKERS: '0' } })).code).toBe(0);
    expectSameSite(plain, full);
    expectSameSite(cached, full);
    const shared = path.join(dir, 'shared');
    expect((await runCli(['build', catalogue, '--out', shared], { env: { QINGDAN_WORKERS: '1' } })).code).toBe(0);
    expectSameSite(shared, full);
    // Nothing changed: the stored result stands in for the rules, the entries still come from the cache.
    const again = await runCli(['build', catalogue, '--out', cached, '--cache', '--cache-location', cache]);
    expect(again.stdout).toContain('新生成 0 页');
    expectSameSite(cached, full);
  });
});

describe('an interrupted build', () => {
  it('leaves the previous site whole and no temporary folder behind', async () => {
    const { catalogue } = check({}, 'zh-CN');
    const dir = tempDir();
    const out = path.join(dir, 'site');
    await buildSite(catalogue, { out, locale: 'zh-CN' });
    const before = readFileSync(path.join(out, 'index.html'), 'utf8');
    let written = 0;
    await expect(
      buildSite(catalogue, {
        out,
        locale: 'en',
        afterFile: () => {
          if (++written === 3) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['site']);
  });
});
