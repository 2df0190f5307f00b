import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_ROOT, CAN_DROP_ROOT, copyCatalogue, ROOT, runCli, runUnprivileged } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

const UNFORMATTED = `# 待整理
powers:
  - name: "食品经营许可"
    code: '11339921MB000000104010010000000'
    category: licensing
    department: scjgj
    time_limit: {unit: working-days, statutory: 20, promised: 5}
    basis:
      - {article: 第三十五条, law: spaqf}  # 食品安全法
`;

function catalogueWithUnformattedFile(): { dir: string; file: string } {
  const dir = copyCatalogue(path.join(ROOT, 'test/fixtures/base'));
  const file = path.join(dir, 'powers.yaml');
  writeFileSync(file, UNFORMATTED);
  return { dir, file };
}

describe('qingdan fmt (the real binary)', () => {
  it('--check exits 1 and lists the unformatted file, changing nothing', async () => {
    const { dir, file } = catalogueWithUnformattedFile();
    const result = await runCli(['fmt', '--check', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('lists/powers.yaml\n');
    expect(result.stderr).toBe('1 file is not formatted; run qingdan fmt to fix it.\n');
    expect(readFileSync(file, 'utf8')).toBe(UNFORMATTED);
  });

  it('formats in place, then --check passes and a second fmt changes no byte', async () => {
    const { dir, file } = catalogueWithUnformattedFile();
    const cwd = path.dirname(dir);
    const first = await runCli(['fmt', 'lists'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('lists/powers.yaml\n');
    expect(first.stderr).toBe('已格式化 1 个文件，5 个文件无需改动。\n');
    const once = readFileSync(file, 'utf8');
    expect(once).toBe(`# 待整理
powers:
  - code: 11339921MB000000104010010000000
    name: 食品经营许可
    category: licensing
    department: scjgj
    basis:
      - {law: spaqf, article: 第三十五条} # 食品安全法
    time_limit: {statutory: 20, promised: 5, unit: working-days}
`);
    expect((await runCli(['fmt', '--check', 'lists'], { cwd })).code).toBe(0);
    const second = await runCli(['fmt'], { cwd: dir });
    expect(second.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('passes --check on lists/ as it is', async () => {
    const result = await runCli(['fmt', '--check', 'lists']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and points at the syntax error of a file it cannot format, formatting the others', async () => {
    const dir = temporaryFolder('qingdan-fmt-');
    mkdirSync(path.join(dir, 'lists'));
    writeFileSync(path.join(dir, 'lists/bad.yaml'), 'powers:\n  - code: "x\n');
    writeFileSync(path.join(dir, 'lists/good.yaml'), "laws:\n  - title: '法'\n    id: a\n    kind: law\n");
    const result = await runCli(['fmt', 'lists', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('lists/good.yaml\n');
    expect(result.stderr).toContain('lists/bad.yaml cannot be formatted; fix this first:\n  lists/bad.yaml:2:11  YAML syntax error');
    expect(readFileSync(path.join(dir, 'lists/good.yaml'), 'utf8')).toBe('laws:\n  - id: a\n    title: 法\n    kind: law\n');
  });

  it.skipIf(AS_ROOT && !CAN_DROP_ROOT)('names a folder it cannot read (EACCES) as it names a file it cannot format, exit 1, formatting the others', async () => {
    const catalogue = copyCatalogue(path.join(ROOT, 'lists'));
    chmodSync(path.dirname(catalogue), 0o777);
    chmodSync(path.join(catalogue, 'flows'), 0o000);
    const result = await runUnprivileged(['fmt', 'lists', '--check', '--lang', 'en'], path.dirname(catalogue));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("lists/flows cannot be formatted; fix this first:\n  lists/flows:1:1  Cannot read this folder (EACCES); the files in it were not checked. Check the folder's permissions.  file/unreadable\n");
  });

  it('keeps a Windows file\'s CR LF line ends and byte-order mark: --check passes on it, fmt changes no byte', async () => {
    const dir = copyCatalogue(path.join(ROOT, 'test/fixtures/base'));
    const file = path.join(dir, 'powers.yaml');
    const windows = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readFileSync(file, 'utf8').replaceAll('\n', '\r\n'))]);
    writeFileSync(file, windows);
    const check = await runCli(['fmt', '--check', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect(check).toEqual({ code: 0, stdout: '', stderr: '' });
    const fmt = await runCli(['fmt', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect([fmt.code, fmt.stdout, fmt.stderr]).toEqual([0, '', 'Formatted 0 files; 6 already formatted.\n']);
    expect(readFileSync(file).equals(windows)).toBe(true);
  });

  it('formats mixed CR LF and LF inside block scalars; says why it leaves a file alone without blaming aliases it does not have', async () => {
    const dir = copyCatalogue(path.join(ROOT, 'test/fixtures/base'));
    const powers = path.join(dir, 'powers.yaml');
    const text = readFileSync(powers, 'utf8').replaceAll('\n', '\r\n').replace('    materials:\r\n', '    conditions:\r\n      - |\r\n        第一行\n        第二行\r\n\n        第三行\n      - >\n        折叠文本\r\n    materials:\r\n');
    writeFileSync(powers, text);
    const mixed = await runCli(['fmt', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect([mixed.code, mixed.stdout, mixed.stderr]).toEqual([0, 'lists/powers.yaml\n', 'Formatted 1 file; 5 already formatted.\n']);
    expect(readFileSync(powers, 'utf8')).toBe(text.replace(/\r?\n/g, '\r\n'));
    // A value fmt cannot print back (yaml cannot write !!binary without folding lines): a bug to report, not an alias.
    const laws = path.join(dir, 'laws.yaml');
    writeFileSync(laws, readFileSync(laws, 'utf8').replace('    kind: law\n', '    kind: law\n    x-scan: !!binary aGVsbG8=\n'));
    const binary = await runCli(['fmt', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect([binary.code, binary.stdout]).toEqual([1, '']);
    expect(binary.stderr).toBe('lists/laws.yaml left alone: the formatted file, read back, would not hold the same data. This is a bug in qingdan; please report it, with the file.\nFormatted 0 files; 5 already formatted.\n');
    writeFileSync(laws, 'laws:\n  - title: &t 中华人民共和国行政许可法\n    id: *t\n    kind: law\n');
    const alias = await runCli(['fmt', 'lists', '--lang', 'zh-CN'], { cwd: path.dirname(dir) });
    expect(alias.stderr).toBe('lists/laws.yaml 未改动：按规范顺序排列键会把别名 *名称 排到锚点 &名称 之前。请手工调整这些键的顺序。\n已格式化 0 个文件，5 个文件无需改动。\n');
  });

  it('keeps the author\'s line breaks in folded scalars: --check passes on wrapped > and >- texts, fmt changes no byte', async () => {
    const dir = copyCatalogue(path.join(ROOT, 'test/fixtures/base'));
    const file = path.join(dir, 'responsibilities.yaml');
    const text = readFileSync(file, 'utf8').replace(
      '      cases: [对符合法定条件的申请不予受理的]\n',
      '      cases:\n        - >-\n          对符合法定条件的行政许可申请不予受理的，或者不在办公场所公示依法应当公示的材料的，\n          由其上级行政机关或者监察机关责令改正\n',
    );
    writeFileSync(file, text);
    const check = await runCli(['fmt', '--check', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect(check).toEqual({ code: 0, stdout: '', stderr: '' });
    const fmt = await runCli(['fmt', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect([fmt.code, fmt.stdout, fmt.stderr]).toEqual([0, '', 'Formatted 0 files; 6 already formatted.\n']);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('points at a problem in a file with a byte-order mark where validate does', async () => {
    const dir = temporaryFolder('qingdan-fmt-');
    mkdirSync(path.join(dir, 'lists'));
    writeFileSync(path.join(dir, 'lists/bad.yaml'), '\ufeffpowers:\n  - code: "x\n');
    const result = await runCli(['fmt', 'lists/bad.yaml', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('lists/bad.yaml cannot be formatted; fix this first:\n  lists/bad.yaml:2:11  YAML syntax error');
  });

  it('formats the file a symbolic link points to, keeping the link and the file\'s permissions', async () => {
    const dir = temporaryFolder('qingdan-fmt-');
    mkdirSync(path.join(dir, 'lists'));
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared/laws.yaml'), "laws:\n  - title: '法'\n    id: a\n    kind: law\n");
    chmodSync(path.join(dir, 'shared/laws.yaml'), 0o664);
    symlinkSync('../shared/laws.yaml', path.join(dir, 'lists/laws.yaml'));
    const result = await runCli(['fmt', 'lists'], { cwd: dir });
    expect([result.code, result.stdout]).toEqual([0, 'lists/laws.yaml\n']);
    expect(lstatSync(path.join(dir, 'lists/laws.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'shared/laws.yaml'), 'utf8')).toBe('laws:\n  - id: a\n    title: 法\n    kind: law\n');
    expect(statSync(path.join(dir, 'shared/laws.yaml')).mode & 0o777).toBe(0o664);
  });

  it('says which file it cannot write (exit 2), leaving it as it was and formatting the others', async () => {
    const dir = temporaryFolder('qingdan-fmt-');
    mkdirSync(path.join(dir, 'lists'));
    const unformatted = "laws:\n  - title: '法'\n    id: a\n    kind: law\n";
    writeFileSync(path.join(dir, 'lists/a.yaml'), unformatted);
    writeFileSync(path.join(dir, 'lists/b.yaml'), unformatted);
    // Where fmt writes a.yaml's new text before renaming it: a folder there makes the write fail, as a read-only disk would.
    mkdirSync(path.join(dir, 'lists/a.yaml.qingdan-fmt'));
    const result = await runCli(['fmt', 'lists/a.yaml', 'lists/b.yaml', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot write lists/a.yaml (EISDIR); it is left as it was. Check that the file and its folder are writable.\n');
    expect(result.stderr).not.toContain('internal error');
    expect(readFileSync(path.join(dir, 'lists/a.yaml'), 'utf8')).toBe(unformatted);
    expect(readFileSync(path.join(dir, 'lists/b.yaml'), 'utf8')).not.toBe(unformatted);
  });

  it('says and writes the same with worker threads as without: files in order, the broken one named, the same bytes', async () => {
    // A catalogue too small for workers by itself: QINGDAN_WORKERS asks for them (the binary only; vitest runs sources).
    const catalogue = (): string => {
      const { dir } = catalogueWithUnformattedFile();
      for (const name of ['a', 'b', 'c']) writeFileSync(path.join(dir, `powers-${name}.yaml`), UNFORMATTED.replaceAll('11339921MB000000104010010000000', `11339921MB0000001040100${name === 'a' ? 1 : name === 'b' ? 2 : 3}0000000`));
      writeFileSync(path.join(dir, 'powers-d.yaml'), 'powers:\n  - code: "x\n');
      return dir;
    };
    const one = catalogue();
    const two = catalogue();
    const check = async (dir: string, workers: string) => runCli(['fmt', '--check', 'lists', '--lang', 'en'], { cwd: path.dirname(dir), env: { QINGDAN_WORKERS: workers } });
    const alone = await check(one, '0');
    expect(alone.code).toBe(1);
    expect(alone.stdout).toBe('lists/powers-a.yaml\nlists/powers-b.yaml\nlists/powers-c.yaml\nlists/powers.yaml\n');
    expect(alone.stderr).toContain('lists/powers-d.yaml cannot be formatted; fix this first:\n  lists/powers-d.yaml:2:11  YAML syntax error');
    expect(await check(one, '2')).toEqual(alone);

    const write = async (dir: string, workers: string) => runCli(['fmt', 'lists'], { cwd: path.dirname(dir), env: { QINGDAN_WORKERS: workers } });
    const written = await write(one, '0');
    expect(await write(two, '2')).toEqual(written);
    const files = readdirSync(one).sort();
    expect(files).toEqual(readdirSync(two).sort());
    for (const file of files) if (file.endsWith('.yaml')) expect(readFileSync(path.join(two, file), 'utf8')).toBe(readFileSync(path.join(one, file), 'utf8'));
    expect(readFileSync(path.join(two, 'powers-b.yaml'), 'utf8')).toContain('  - code: 11339921MB00000010401002000000');
  });

  it('names a file whose name is not UTF-8 with worker threads too (its reader stays on this thread), exit 1', async () => {
    const dir = copyCatalogue(path.join(ROOT, 'lists'));
    writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'powers') + path.sep), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), Buffer.from('.yaml')]), 'laws: []\n');
    const result = await runCli(['fmt', '--check', 'lists', '--lang', 'en'], { cwd: path.dirname(dir), env: { QINGDAN_WORKERS: '1' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^lists\/powers\/\uFFFD{4}\.yaml cannot be formatted; fix this first:\n {2}lists\/powers\/\uFFFD{4}\.yaml:1:1 {2}.*\\xb2\\xbf\\xc3\\xc5\.yaml.* {2}file\/encoding\n$/);
  });

  it('says which path does not exist (exit 2)', async () => {
    const result = await runCli(['fmt', 'nowhere', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nowhere/);
  });
});
