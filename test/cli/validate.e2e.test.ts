import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { BASE } from '../harness.js';
import { AS_ROOT, CAN_DROP_ROOT, copyCatalogue, edit, ROOT, runCli, runUnprivileged } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

const NO_STACK = /\n\s+at .+:\d+:\d+/;

function broken(): string {
  const dir = copyCatalogue(BASE);
  edit(path.join(dir, 'powers.yaml'), 'promised: 5', 'promised: 25'); // time/promised-exceeds-statutory at 9:43
  edit(path.join(dir, 'powers.yaml'), 'visits: 0', 'visits: 2'); // visits/reason and online/full-online-visits at 16:13
  edit(path.join(dir, 'flows.yaml'), 'department: scjgj, duration: 3', 'duration: 3'); // flow/lane warning at 15:28
  return dir;
}

describe('qingdan validate (the real binary)', () => {
  it('exits 0 and prints the summary on a clean catalogue', async () => {
    const result = await runCli(['validate', BASE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ 测试基线清单：6 个文件，2 个部门，1 项权力，1 条责任，1 个流程，没有发现问题。\n');
    expect(result.stderr).toBe('');
  });

  it('exits 1 with each finding at file:line:col (stylish, plain when not a TTY)', async () => {
    const dir = broken();
    const result = await runCli(['validate', dir, '--lang', 'en'], { cwd: path.dirname(dir) });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stdout).toContain('lists/powers.yaml:9:43  error  Promised time limit of 25 working days is longer than the statutory 20 working days.  time/promised-exceeds-statutory');
    expect(result.stdout).toContain('lists/powers.yaml:16:13  error  2 in-person visits required but no visit_reason given.  visits/reason');
    expect(result.stdout).toContain('lists/flows.yaml:15:28  warning  Task review (审查) has no department.  flow/lane');
    expect(result.stdout).toContain('✖ 3 errors, 1 warning, 0 infos');
  });

  it('refuses control characters at their place, and shows them in the code frame as pictures, never raw', async () => {
    const dir = copyCatalogue(BASE);
    edit(path.join(dir, 'powers.yaml'), 'name: 食品经营许可', 'name: 食品\u0000经营许可\u001b[2J');
    const result = await runCli(['validate', dir, '--lang', 'en'], { cwd: path.dirname(dir) });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('lists/powers.yaml:3:13  error  YAML does not allow the control character U+0000 (NUL). Most editors do not show it; it comes with text pasted from Word, a PDF or a web page, or from a damaged file. Delete it.  yaml/syntax\n');
    expect(result.stdout).toContain('lists/powers.yaml:3:18  error  YAML does not allow the control character U+001B (ESC).');
    expect(result.stdout).toContain('    > 3 |     name: 食品␀经营许可␛[2J\n        |               ^\n');
    expect(result.stdout).not.toMatch(/[\u0000\u001b]/);
  });

  it('gives the same findings in json, sarif, github and junit', async () => {
    const dir = broken();
    const cwd = path.dirname(dir);
    const json = JSON.parse((await runCli(['validate', 'lists', '-f', 'json'], { cwd })).stdout);
    expect(json.findings.map((f: { file: string; line: number; column: number; ruleId: string }) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'lists/flows.yaml:15:28 flow/lane',
      'lists/powers.yaml:9:43 time/promised-exceeds-statutory',
      'lists/powers.yaml:16:13 online/full-online-visits',
      'lists/powers.yaml:16:13 visits/reason',
    ]);
    const sarif = await runCli(['validate', 'lists', '-f', 'sarif'], { cwd });
    expect(sarif.code).toBe(1);
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results.map((r: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => `${r.ruleId}@${r.locations[0]!.physicalLocation.region.startLine}`)).toEqual([
      'flow/lane@15',
      'time/promised-exceeds-statutory@9',
      'online/full-online-visits@16',
      'visits/reason@16',
    ]);
    const github = await runCli(['validate', 'lists', '-f', 'github'], { cwd });
    expect(github.stdout).toContain('::error file=lists/powers.yaml,line=9,col=43,');
    expect(github.stdout).toContain('::warning file=lists/flows.yaml,line=15,col=28,');
    const junit = await runCli(['validate', 'lists', '-f', 'junit'], { cwd });
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain('name="lists/powers.yaml:16:13 visits/reason"');
  });

  it('writes the report to --output and prints nothing', async () => {
    const dir = broken();
    const out = path.join(path.dirname(dir), 'reports/qingdan.sarif');
    const result = await runCli(['validate', dir, '-f', 'sarif', '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('--quiet drops warnings; --max-warnings fails on too many', async () => {
    const dir = copyCatalogue(BASE);
    edit(path.join(dir, 'flows.yaml'), 'department: scjgj, duration: 3', 'duration: 3');
    const quiet = await runCli(['validate', dir, '-q', '-f', 'json']);
    expect(JSON.parse(quiet.stdout).findings).toEqual([]);
    expect(quiet.code).toBe(0);
    expect((await runCli(['validate', dir])).code).toBe(0);
    const strict = await runCli(['validate', dir, '--max-warnings', '0', '--lang', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('1 warning exceeds --max-warnings 0.\n');
  });

  it('takes the language from --lang, then qingdan.yaml, then LANG', async () => {
    const dir = broken();
    const json = async (args: string[], env: NodeJS.ProcessEnv = {}) => JSON.parse((await runCli(['validate', dir, '-f', 'json', ...args], { env })).stdout);
    expect((await json([], { LANG: 'en_US.UTF-8' })).locale).toBe('en');
    expect((await json([], { LANG: 'zh_CN.UTF-8' })).locale).toBe('zh-CN');
    expect((await json([])).locale).toBe('zh-CN');
    writeFileSync(path.join(dir, 'qingdan.yaml'), 'name: 测试\nlocale: en\n');
    expect((await json([], { LANG: 'zh_CN.UTF-8' })).locale).toBe('en');
    expect((await json(['--lang', 'zh-CN'])).locale).toBe('zh-CN');
  });

  it('says how many errors in other files it did not show when files are named', async () => {
    const dir = copyCatalogue(BASE);
    edit(path.join(dir, 'laws.yaml'), 'id: spaqf', 'id: spaqf2016');
    const result = await runCli(['validate', path.join(dir, 'laws.yaml'), '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('1 more error in other files of the catalogue not shown (not in the given files). Run qingdan validate to see all; --since HEAD shows only problems this change causes.\n');
  });

  it('exits 0 with a note for files outside any catalogue only under --no-error-on-unmatched-pattern', async () => {
    const outside = path.join(temporaryFolder('qingdan-outside-'), 'ci.yml');
    writeFileSync(outside, 'on: push\n');
    const strict = await runCli(['validate', outside, '--lang', 'en']);
    expect(strict.code).toBe(2);
    const lenient = await runCli(['validate', outside, '--no-error-on-unmatched-pattern', '--lang', 'en']);
    expect([lenient.code, lenient.stdout, lenient.stderr]).toEqual([0, '', 'None of the given files is in a catalogue folder; nothing to check.\n']);
  });

  it('counts the warnings --quiet hides against --max-warnings', async () => {
    const dir = copyCatalogue(BASE);
    edit(path.join(dir, 'flows.yaml'), 'department: scjgj, duration: 3', 'duration: 3');
    const result = await runCli(['validate', dir, '-q', '--max-warnings', '0', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('1 warning exceeds --max-warnings 0.\n');
    // Not "no problems found" above a failing exit code: the hidden warning is counted in the summary.
    expect(result.stdout).not.toContain('no problems found');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 0 warnings, 0 infos; 1 warning or info not shown (--quiet)');
  });

  it('leaves a nested catalogue (a folder with its own qingdan.yaml) to itself, as when its files are named', async () => {
    const dir = copyCatalogue(BASE);
    mkdirSync(path.join(dir, 'town'));
    writeFileSync(path.join(dir, 'town/qingdan.yaml'), 'name: 城关镇权责清单\nregion: 城关镇\n');
    writeFileSync(path.join(dir, 'town/departments.yaml'), readFileSync(path.join(dir, 'departments.yaml')));
    const outer = await runCli(['validate', dir, '-f', 'json']);
    // Its qingdan.yaml was a catalogue file with five unknown fields, and its departments duplicates of the outer ones.
    expect(JSON.parse(outer.stdout).findings).toEqual([]);
    expect(outer.code).toBe(0);
    const both = await runCli(['validate', dir, path.join(dir, 'town'), '-f', 'json']);
    expect(JSON.parse(both.stdout).catalogues.map((c: { name: string; files: number }) => [c.name, c.files])).toEqual([
      [JSON.parse(outer.stdout).catalogues[0].name, JSON.parse(outer.stdout).catalogues[0].files],
      ['城关镇权责清单', 2],
    ]);
  });

  it('says so when a named file is not one the catalogue reads (hidden folder, not YAML), instead of a bare ✔', async () => {
    const dir = copyCatalogue(BASE);
    mkdirSync(path.join(dir, '.drafts'));
    writeFileSync(path.join(dir, '.drafts/powers.yaml'), 'powers: 5\n');
    writeFileSync(path.join(dir, 'README.md'), '# 说明\n');
    const named = [path.join(dir, '.drafts/powers.yaml'), path.join(dir, 'README.md'), path.join(dir, 'laws.yaml')];
    const result = await runCli(['validate', ...named, '--lang', 'en']);
    expect(result.code).toBe(0);
    const root = path.relative(ROOT, dir);
    expect(result.stderr).toBe(
      [`${root}/.drafts/powers.yaml`, `${root}/README.md`]
        .map((file) => `${file} was not checked: it is not a file of the catalogue ${root} (only .yaml and .yml files are, outside hidden folders and node_modules).\n`)
        .join(''),
    );
  });

  it('does not call a named file it could not read (not UTF-8) one it does not check: its finding says what is wrong', async () => {
    const dir = copyCatalogue(BASE);
    // 部门 in GB18030, as Excel and WPS save text.
    writeFileSync(path.join(dir, 'laws.yaml'), Buffer.concat([Buffer.from('laws:\n  - id: x\n    title: '), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), Buffer.from('\n')]));
    const result = await runCli(['validate', path.join(dir, 'laws.yaml'), '--lang', 'en', '-f', 'json']);
    expect(JSON.parse(result.stdout).findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toEqual([`${path.relative(ROOT, dir)}/laws.yaml file/encoding`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it('reports only on named files but checks the whole catalogue', async () => {
    const dir = broken();
    const result = await runCli(['validate', path.join(dir, 'flows.yaml'), '-f', 'json']);
    const json = JSON.parse(result.stdout);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['flow/lane']);
    expect(result.code).toBe(0);
  });

  it('finds the catalogue from a subfolder and from ./lists by default', async () => {
    const dir = broken();
    mkdirSync(path.join(dir, 'sub'));
    const fromSub = await runCli(['validate', '-f', 'json'], { cwd: path.join(dir, 'sub') });
    expect(JSON.parse(fromSub.stdout).findings).toHaveLength(4);
    const fromParent = await runCli(['validate', '-f', 'json'], { cwd: path.dirname(dir) });
    expect(JSON.parse(fromParent.stdout).catalogues[0].root).toBe('lists');
  });
});

describe('terminal control sequences in catalogue text', () => {
  it('are shown, not sent: a name cannot clear the screen, retitle the window or colour the output; json keeps them escaped', async () => {
    const dir = copyCatalogue(BASE);
    const config = path.join(dir, 'qingdan.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^name: .*$/m, 'name: "清单\\e[2J\\e]0;PWNED\\a\\e[31m红"'));
    const shown = '清单␛[2J␛]0;PWNED␇␛[31m红';
    for (const color of ['--no-color', '--color']) {
      const result = await runCli(['validate', dir, color]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(shown);
      expect(result.stdout).not.toContain('\u001b[2J');
      expect(result.stdout).not.toContain('\u0007');
    }
    const json = await runCli(['validate', dir, '--format', 'json']);
    expect(JSON.parse(json.stdout).catalogues[0].name).toBe('清单\u001b[2J\u001b]0;PWNED\u0007\u001b[31m红');
  });
});

describe('usage and environment problems: exit 2, one sentence, no stack trace', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a folder without qingdan.yaml', ['validate', tmpdir(), '--lang', 'en'], /There is no qingdan.yaml in .*: it is not a catalogue folder|so it is not a catalogue folder/],
    ['a path that does not exist', ['validate', 'no/such/folder', '--lang', 'en'], /Cannot find no\/such\/folder\./],
    ['an unknown format', ['validate', BASE, '-f', 'xml', '--lang', 'en'], /Unknown output format xml; known: stylish, json, sarif, github, junit, codeclimate\./],
    ['an unknown language', ['validate', BASE, '--lang', 'fr'], /--lang/],
    ['a bad --max-warnings', ['validate', BASE, '--max-warnings', 'many', '--lang', 'en'], /Invalid value "many" for --max-warnings/],
    ['an empty --max-warnings (an unset CI variable)', ['validate', BASE, '--max-warnings', '', '--lang', 'en'], /^qingdan: Invalid value "" for --max-warnings: -1, 0, 1, …\n$/],
    ['a --max-warnings in hex', ['validate', BASE, '--max-warnings', '0x10', '--lang', 'en'], /Invalid value "0x10" for --max-warnings/],
    ['a --max-warnings below -1', ['validate', BASE, '--max-warnings', '-2', '--lang', 'en'], /Invalid value "-2" for --max-warnings/],
    ['an unknown command', ['valdate'], /unknown command 'valdate'/],
    ['an unknown option', ['validate', '--formt', 'json'], /unknown option '--formt'/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const result = await runCli(args, { env: { LANG: 'en_US.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.stdout).toBe('');
  });

  it('names a settings file called qingdan.yml or Qingdan.yaml and asks to rename it (exit 2)', async () => {
    const cwd = temporaryFolder('qingdan-misnamed-');
    mkdirSync(path.join(cwd, 'lists'));
    writeFileSync(path.join(cwd, 'lists/qingdan.yml'), 'name: 测试\n');
    const named = await runCli(['validate', 'lists', '--lang', 'en'], { cwd });
    expect(named).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'qingdan: There is no qingdan.yaml in lists, but there is qingdan.yml: the settings file must be named qingdan.yaml exactly (lower case, .yaml). Rename it.\n',
    });
    expect((await runCli(['validate'], { cwd })).stderr).toBe('qingdan: lists 中没有 qingdan.yaml，但有 qingdan.yml：设置文件必须正好名为 qingdan.yaml（小写，扩展名 .yaml）。请改名。\n');
    // The same sentence for a file named in that folder, and from the other commands that take a catalogue folder.
    const sentence = named.stderr;
    writeFileSync(path.join(cwd, 'lists/powers.yaml'), 'powers: []\n');
    expect((await runCli(['validate', 'lists/powers.yaml', '--lang', 'en'], { cwd })).stderr).toBe(sentence);
    mkdirSync(path.join(cwd, 'other'));
    writeFileSync(path.join(cwd, 'other/qingdan.yaml'), 'name: 其他\n');
    for (const args of [['compare', 'lists', 'other'], ['diff', 'lists', 'other']]) {
      expect(await runCli([...args, '--lang', 'en'], { cwd })).toMatchObject({ code: 2, stderr: sentence });
    }
  });

  it('shows the errors of a broken qingdan.yaml with their position', async () => {
    const dir = copyCatalogue(BASE);
    writeFileSync(path.join(dir, 'qingdan.yaml'), 'name: 测试\nprofile: national\nrules:\n  ref/law: fatal\n');
    const result = await runCli(['validate', dir], { env: { LANG: 'en_US.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('qingdan.yaml has errors; fix them first:');
    expect(result.stderr).toMatch(/qingdan\.yaml:4:12 {2}error {2}ref\/law must be one of: off, info, warning, error \(is fatal\)\. {2}schema\/enum/);
  });

  it('tells a qingdan.yaml that is a list what it should hold (settings, not sections)', async () => {
    const dir = copyCatalogue(BASE);
    writeFileSync(path.join(dir, 'qingdan.yaml'), '- name: 测试\n');
    const result = await runCli(['validate', dir], { env: { LANG: 'en_US.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/qingdan\.yaml:1:1 {2}error {2}The top level of qingdan\.yaml must be a mapping \(key: value\) of the catalogue settings: name, region/);
    expect(result.stderr).not.toContain('departments, laws, powers');
  });

  it('points at an unknown profile and a broken code_pattern in qingdan.yaml, as at its other errors', async () => {
    const dir = copyCatalogue(BASE);
    const config = path.join(dir, 'qingdan.yaml');
    writeFileSync(config, 'name: 测试\nregion: 测试县\nprofile: guangdong\n');
    const profile = await runCli(['validate', dir, '--lang', 'en'], { cwd: dir });
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain('qingdan: qingdan.yaml has errors; fix them first:\nqingdan.yaml\n  qingdan.yaml:3:10  error  profile must be one of: national, sichuan (is guangdong).  schema/enum\n');
    writeFileSync(config, 'name: 测试\n# 本县编码\ncode_pattern: "[0-9"\n');
    const pattern = await runCli(['validate', dir, '--lang', 'en'], { cwd: dir });
    expect(pattern.code).toBe(2);
    expect(pattern.stderr).toContain('qingdan.yaml:3:15  error  code_pattern is not a valid regular expression (Unterminated character class): [0-9. Check its brackets and backslashes; in YAML, put it in single quotes so that backslashes stay as written.  schema/format\n');
    const zh = await runCli(['validate', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.stderr).toContain('qingdan.yaml:3:15  错误  code_pattern 不是有效的正则表达式（Unterminated character class）：[0-9。');
    // A pattern that repeats a repeating group could take forever on a code that almost matches: refused at once.
    writeFileSync(config, 'name: 测试\ncode_pattern: "(1+)+"\n');
    const slow = await runCli(['validate', dir, '--lang', 'en'], { cwd: dir });
    expect(slow.code).toBe(2);
    expect(slow.stderr).toContain('qingdan.yaml:2:15  error  code_pattern (1+)+ repeats a group that itself repeats (like (a+)+): on a code that almost matches, checking can take practically forever. Write it without nesting, e.g. [0-9A-Z]+ or [0-9]{18}[0-9A-Z]{13}.  schema/format\n');
    // A name Object.prototype has is no profile either (it used to crash code/format).
    writeFileSync(config, 'name: 测试\nprofile: toString\n');
    const inherited = await runCli(['validate', dir, '--lang', 'en'], { cwd: dir });
    expect(inherited.code).toBe(2);
    expect(inherited.stderr).toContain('qingdan.yaml:2:10  error  profile must be one of: national, sichuan (is toString).  schema/enum\n');
    for (const result of [profile, pattern, slow, zh, inherited]) expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('reads no pipe: one named *.yaml in the catalogue is a finding, one named on the command line a usage error', async () => {
    const dir = copyCatalogue(BASE);
    const fifo = path.join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const whole = await runCli(['validate', '.', '--lang', 'en'], { cwd: dir });
    expect(whole.code).toBe(1);
    expect(whole.stderr).toBe('');
    expect(whole.stdout).toContain('pipe.yaml:1:1  error  This is not a regular file (it is a pipe, a socket or a device), so it was not read. Remove it, or rename it so that its name does not end in .yaml or .yml.  file/unreadable\n');
    for (const args of [['validate', 'pipe.yaml'], ['fmt', 'pipe.yaml']]) {
      const named = await runCli([...args, '--lang', 'en'], { cwd: dir });
      expect(named.code).toBe(2);
      expect(named.stderr).toBe('qingdan: pipe.yaml is neither a file nor a folder (it is a pipe, a socket or a device), so it was not read. Name a catalogue file or folder.\n');
    }
    const fmt = await runCli(['fmt', '.', '--lang', 'en'], { cwd: dir });
    expect(fmt.code).toBe(1);
    expect(fmt.stderr + fmt.stdout).toContain('pipe.yaml:1:1  This is not a regular file');
  });

  it('reports every schema error of one entry in one run with the build\'s precompiled validators, exit 1', async () => {
    const dir = copyCatalogue(BASE);
    edit(path.join(dir, 'powers.yaml'), '    category: licensing\n', '    category: licence\n    visit: 1\n');
    edit(path.join(dir, 'powers.yaml'), '        medium: both\n', '        medium: paperish\n');
    const result = await runCli(['validate', dir, '-f', 'json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout).findings as Array<{ ruleId: string; line: number; column: number }>;
    expect(findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`)).toEqual(['schema/enum 4:15', 'schema/unknown-property 5:5', 'schema/enum 15:17']);
  });

  it('turns an unreadable file into a finding, not a crash', async () => {
    if (process.getuid?.() === 0) return; // root reads everything; the in-memory loader test covers it
    const dir = copyCatalogue(BASE);
    chmodSync(path.join(dir, 'laws.yaml'), 0o000);
    const result = await runCli(['validate', dir, '-f', 'json']);
    expect(JSON.parse(result.stdout).findings[0].ruleId).toBe('file/unreadable');
  });

  it.skipIf(AS_ROOT && !CAN_DROP_ROOT)('turns a folder it may not list into a finding at the folder, not an internal error: validate and build exit 1', async () => {
    const catalogue = copyCatalogue(path.join(ROOT, 'lists'));
    const dir = path.dirname(catalogue);
    // The user may go into the folder, read the catalogue and write a site beside it; not list flows/.
    chmodSync(dir, 0o777);
    chmodSync(path.join(catalogue, 'flows'), 0o000);
    const finding = "lists/flows\n  lists/flows:1:1  error  Cannot read this folder (EACCES); the files in it were not checked. Check the folder's permissions.  file/unreadable\n";
    const validate = await runUnprivileged(['validate', 'lists', '--lang', 'en'], dir);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(finding);
    // The items name flows that may be in the folder: no reference error for each of them.
    expect(validate.stdout).toContain('✖ 1 error, 0 warnings');
    expect(validate.stderr).toBe('');
    const build = await runUnprivileged(['build', 'lists', '--out', 'site', '--lang', 'en'], dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(finding);
    expect(build.stderr).not.toContain('internal error');
    expect(build.stderr).not.toContain('scandir');
  });

  it('says qingdan.yaml is a folder when it is one, exit 2', async () => {
    const dir = copyCatalogue(BASE);
    rmSync(path.join(dir, 'qingdan.yaml'));
    mkdirSync(path.join(dir, 'qingdan.yaml'));
    const result = await runCli(['validate', dir, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qingdan: qingdan\.yaml in .+ is a folder, not the settings file\. Remove or rename the folder/);
  });

  it('does not bury a departments.yaml it cannot read under a reference error for every use of its ids', async () => {
    const dir = copyCatalogue(BASE);
    writeFileSync(path.join(dir, 'departments.yaml'), 'departments:\n  - id: [scjgj\n');
    // The [ that is never closed, on line 2, not where the file ends.
    const result = await runCli(['validate', dir, '-f', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId} ${f.line}`)).toEqual(['yaml/syntax 2']);
  });

  it('names a file whose name is not UTF-8 (GBK from an old zip tool) at the file, with its bytes and a rename; validate and fmt exit 1 (it was "missing")', async () => {
    const dir = copyCatalogue(BASE);
    const departments = path.join(dir, 'departments.yaml');
    writeFileSync(Buffer.concat([Buffer.from(dir + path.sep), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]), Buffer.from('.yaml')]), readFileSync(departments));
    rmSync(departments);
    const problem =
      "lists/\ufffd\ufffd\ufffd\ufffd.yaml:1:1  The name of this file is not UTF-8 (its bytes: \\xb2\\xbf\\xc3\\xc5.yaml), so the file was not read. Read as GB18030/GBK (as old Windows zip tools wrote names) it is \"部门.yaml\". Rename it to UTF-8: mv lists/$'\\xb2\\xbf\\xc3\\xc5.yaml' lists/部门.yaml (convmv -f GBK -t UTF-8 --notest -r FOLDER renames every such name at once)  file/encoding\n";
    const validate = await runCli(['validate', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect([validate.code, validate.stderr]).toEqual([1, '']);
    expect(validate.stdout).toContain(`\n  ${problem.replace(':1:1  ', ':1:1  error  ')}`);
    // Its departments are not reported unknown where they are used: the file's keys were read through its name's bytes.
    expect(validate.stdout).toContain('✖ 1 error, 0 warnings, 0 infos');
    const fmt = await runCli(['fmt', 'lists', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect([fmt.code, fmt.stdout]).toEqual([1, '']);
    expect(fmt.stderr).toBe(`lists/\ufffd\ufffd\ufffd\ufffd.yaml cannot be formatted; fix this first:\n  ${problem}Formatted 0 files; 5 already formatted.\n`);
  });

  it('names a symbolic link to nothing as such, at the link, exit 1', async () => {
    const dir = copyCatalogue(BASE);
    symlinkSync(path.join(dir, 'no-such-file.yaml'), path.join(dir, 'extra.yaml'));
    const result = await runCli(['validate', dir, '-f', 'json', '--lang', 'en']);
    expect(result.code).toBe(1);
    const [finding] = JSON.parse(result.stdout).findings;
    expect([finding.ruleId, finding.file.endsWith('/extra.yaml'), finding.line, finding.column]).toEqual(['file/unreadable', true, 1, 1]);
    expect(finding.message).toBe('This file is not there (ENOENT): a symbolic link to a file that does not exist, or a file removed while qingdan read the folder. Fix or remove the link.');
  });

  it('cannot write --output into a file path that is a folder: exit 2', async () => {
    const dir = temporaryFolder('qingdan-out-');
    const result = await runCli(['validate', BASE, '-o', dir], { env: { LANG: 'en_US.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qingdan: Cannot write /);
  });

  it('prints help and version with exit 0', async () => {
    const help = await runCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings <n>');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('lists every command in --help and suggests the nearest to a misspelt one (each command is loaded only when named)', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]);
    expect(listed).toEqual(['validate', 'diff', 'compare', 'build', 'serve', 'flow', 'fmt', 'export', 'import', 'init', 'help']);
    const misspelt = await runCli(['biuld']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toBe("error: unknown command 'biuld'\n(Did you mean build?)\n");
    const topic = await runCli(['help', 'fmt']);
    expect(topic.code).toBe(0);
    expect(topic.stdout).toMatch(/^Usage: qingdan fmt \[options\] \[paths\.\.\.\]\n/);
  });
});
