// qingdan diff and validate --since end to end: the real binary on real temporary git repositories.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { edit, positionOf, ROOT, runCli, type CliResult } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

const LISTS = path.join(ROOT, 'lists');
const NO_STACK = /\n\s+at .+:\d+:\d+/;

// Items of lists/ the done-when scenario touches.
const CANCELLED = '11339921002541353N4070010000000'; // 公安局 机动车注册登记: 5 materials, 1 working day, 1 visit, not fully online
const SHORTENED = '1133992100254186344010010000000'; // 人社局 职业中介活动许可: promised 5 → 3 working days
const TRIMMED = '11339921002541513X4050010000000'; // 民政局 最低生活保障: one material fewer
const ADDED = '11339921002541433A4010030000000'; // 教育局: a new item without justification, 1 material, 10 working days

/** Every stderr of the file is checked for stack traces after each test. */
const results: CliResult[] = [];
afterEach(() => {
  for (const result of results.splice(0)) expect(result.stderr).not.toMatch(NO_STACK);
});

/** Runs the binary in English (the catalogue says zh-CN, which --lang overrides). */
async function qingdan([command, ...args]: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const result = await runCli([command!, '--lang', 'en', ...args], { cwd, env });
  results.push(result);
  return result;
}

/** git without the user's or the system's configuration, so that hooks, signing or aliases cannot interfere. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=qingdan@example.com', '-c', 'user.name=qingdan', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: cwd },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function tempDir(): string {
  return temporaryFolder('qingdan-diff-');
}

/** A fresh repository whose first commit holds a copy of lists/. */
function repository(): string {
  const repo = path.join(tempDir(), 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q');
  cpSync(LISTS, path.join(repo, 'lists'), { recursive: true });
  commit(repo, 'lists');
  return repo;
}

function commit(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--allow-empty', '-m', message);
}

const file = (repo: string, name: string) => path.join(repo, 'lists', name);

/** The done-when scenario: cancel an item, shorten a time limit, drop a material, add an item without justification. */
function reform(repo: string): void {
  edit(file(repo, 'powers/gaj.yaml'), '    name: 机动车注册登记\n    category: confirmation\n    department: gaj\n    level: county\n    status: active\n', '    name: 机动车注册登记\n    category: confirmation\n    department: gaj\n    level: county\n    status: cancelled\n    status_since: 2026-10-01\n');
  edit(file(repo, 'powers/rsj.yaml'), '      statutory: 20\n      promised: 5\n', '      statutory: 20\n      promised: 3\n');
  edit(file(repo, 'powers/mzj.yaml'), '      - name: 残疾人证、疾病诊断证明等材料\n        required: conditional\n        condition: 家庭成员有重度残疾、重病等特殊情形的\n        source: applicant\n        medium: both\n        originals: 1\n        copies: 1\n', '');
  const jyj = file(repo, 'powers/jyj.yaml');
  writeFileSync(
    jyj,
    `${readFileSync(jyj, 'utf8').trimEnd()}\n\n  - code: ${ADDED}\n    name: 校外培训机构办学许可（非学科类）\n    category: licensing\n    department: jyj\n    level: county\n    basis:\n      - law: jsf\n    time_limit: {statutory: 20, promised: 10, unit: working-days}\n    materials:\n      - {name: 办学许可申请书, required: true, source: applicant, medium: both}\n`,
  );
}

interface JsonChange {
  classId: string;
  level: string;
  code: string;
  department: string;
  fingerprint: string;
  base?: { file: string; line: number; column: number };
  head?: { file: string; line: number; column: number };
}
interface Totals {
  items: number;
  materials: number;
  promisedDays: number;
  visits: number;
  fullOnline: number;
  fees: number;
}
interface JsonDiff {
  base: string;
  head: string;
  changes: JsonChange[];
  summary: { counts: Record<string, number>; departments: Array<{ department: string; added: number; cancelled: number; base: Totals; head: Totals }> };
}

function change(head: Totals, base: Totals): Totals {
  return Object.fromEntries(Object.keys(head).map((key) => [key, head[key as keyof Totals] - base[key as keyof Totals]])) as unknown as Totals;
}

describe('qingdan diff between two commits of lists/ (the done-when scenario)', () => {
  const repo = repository();
  reform(repo);
  commit(repo, 'reform');

  it('lists each change with its level, at the right places', async () => {
    const result = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'json'], repo);
    expect(result.code).toBe(1);
    const data = JSON.parse(result.stdout) as JsonDiff;
    expect(data.base).toBe('HEAD~1');
    expect(data.head).toBe('HEAD');
    expect(data.changes.map((c) => `${c.classId} ${c.level} ${c.department} ${c.code}`)).toEqual([
      `power/added breaking jyj ${ADDED}`,
      `power/cancelled notice gaj ${CANCELLED}`,
      `material/removed info mzj ${TRIMMED}`,
      `time/promised-shortened info rsj ${SHORTENED}`,
    ]);
    expect(data.summary.counts).toEqual({ breaking: 1, notice: 1, info: 2 });
    const [added, cancelled, trimmed, shortened] = data.changes;
    expect(added!.head).toMatchObject({ file: 'lists/powers/jyj.yaml', ...positionOf(file(repo, 'powers/jyj.yaml'), ADDED) });
    expect(cancelled!.head).toMatchObject({ file: 'lists/powers/gaj.yaml', ...positionOf(file(repo, 'powers/gaj.yaml'), 'cancelled') });
    expect(cancelled!.base).toMatchObject({ file: 'lists/powers/gaj.yaml', ...positionOf(file(repo, 'powers/gaj.yaml'), CANCELLED) });
    expect(trimmed!.base).toMatchObject({ file: 'lists/powers/mzj.yaml', line: 58, column: 15 }); // in the base commit
    expect(shortened!.head).toMatchObject({ file: 'lists/powers/rsj.yaml', ...positionOf(file(repo, 'powers/rsj.yaml'), '3', 'promised: ') });
  });

  it('gives the same report with a worker thread parsing part of each revision as without', async () => {
    const alone = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'json'], repo, { QINGDAN_WORKERS: '0' });
    const withWorker = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'json'], repo, { QINGDAN_WORKERS: '1' });
    expect(JSON.parse(alone.stdout).changes).toHaveLength(4);
    expect([withWorker.code, withWorker.stdout]).toEqual([alone.code, alone.stdout]);
  });

  it('sums the yardsticks per department: the cancelled item, the shorter limit, the dropped material, the new item', async () => {
    const data = JSON.parse((await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'json'], repo)).stdout) as JsonDiff;
    const byId = new Map(data.summary.departments.map((d) => [d.department, d]));
    expect([...byId.keys()].sort()).toEqual(['gaj', 'jyj', 'mzj', 'rsj']);
    const gaj = byId.get('gaj')!;
    expect([gaj.added, gaj.cancelled]).toEqual([0, 1]);
    expect(change(gaj.head, gaj.base)).toEqual({ items: -1, materials: -5, promisedDays: -1, visits: -1, fullOnline: 0, fees: 0 });
    expect(change(byId.get('rsj')!.head, byId.get('rsj')!.base)).toEqual({ items: 0, materials: 0, promisedDays: -2, visits: 0, fullOnline: 0, fees: 0 });
    expect(change(byId.get('mzj')!.head, byId.get('mzj')!.base)).toEqual({ items: 0, materials: -1, promisedDays: 0, visits: 0, fullOnline: 0, fees: 0 });
    const jyj = byId.get('jyj')!;
    expect([jyj.added, jyj.cancelled]).toEqual([1, 0]);
    expect(change(jyj.head, jyj.base)).toEqual({ items: 1, materials: 1, promisedDays: 10, visits: 0, fullOnline: 0, fees: 0 });
  });

  it('prints the summary and the changes, and exits 1 with --fail-on breaking (the default)', async () => {
    for (const args of [[], ['--fail-on', 'breaking']]) {
      const result = await qingdan(['diff', 'HEAD~1..HEAD', ...args], repo);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe('Catalogue changes: HEAD~1 → HEAD');
      expect(lines.find((line) => line.startsWith('  青山县公安局 '))).toMatch(/^ {2}青山县公安局 +0 +1 +(\d+) → (\d+) \(−5\) +(\d+) → (\d+) \(−1, −[\d.]+%\) +(\d+) → (\d+) \(−1\) +\d+ +0$/);
      expect(lines.find((line) => line.startsWith('  青山县人力资源和社会保障局 '))).toMatch(/ \d+ → \d+ \(−2, −[\d.]+%\) /);
      expect(lines.find((line) => line.startsWith('  青山县民政局 '))).toMatch(/^ {2}青山县民政局 +0 +0 +\d+ → \d+ \(−1\) /);
      expect(lines.find((line) => line.startsWith('  青山县教育局 '))).toMatch(/^ {2}青山县教育局 +1 +0 +\d+ → \d+ \(\+1\) +\d+ → \d+ \(\+10, \+[\d.]+%\) /);
      expect(lines).toContain('  breaking  New item "校外培训机构办学许可（非学科类）" (licensing) has no justification.  power/added');
      expect(lines).toContain('  notice  Item "机动车注册登记" cancelled.  power/cancelled');
      expect(lines).toContain('  info  "城乡居民最低生活保障金给付": material "残疾人证、疾病诊断证明等材料" no longer required.  material/removed');
      expect(lines).toContain('  info  "经营性人力资源服务机构从事职业中介活动许可": promised time limit shortened from 5 working days to 3 working days.  time/promised-shortened');
      expect(lines.at(-2)).toBe('1 breaking, 1 notice, 2 info');
    }
  });

  it('takes two revisions as git diff does: BASE HEAD is BASE..HEAD', async () => {
    const range = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'json'], repo);
    const two = await qingdan(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
    expect(two.code).toBe(range.code);
    expect(two.stdout).toBe(range.stdout);
    const hostile = await qingdan(['diff', 'HEAD', '--', '--output=v'], repo);
    expect(hostile.code).toBe(2);
    expect(existsSync(path.join(repo, 'v'))).toBe(false);
  });

  it('exits 0 with --fail-on none, and 1 with --fail-on notice', async () => {
    expect((await qingdan(['diff', 'HEAD~1..HEAD', '--fail-on', 'none'], repo)).code).toBe(0);
    expect((await qingdan(['diff', 'HEAD~1..HEAD', '--fail-on', 'notice'], repo)).code).toBe(1);
  });

  it('prints the summary in Chinese by default (the catalogue is zh-CN)', async () => {
    const result = await runCli(['diff', 'HEAD~1..HEAD'], { cwd: repo });
    expect(result.stdout.split('\n')[0]).toBe('清单变更：HEAD~1 → HEAD');
    expect(result.stdout).toContain('新增事项“校外培训机构办学许可（非学科类）”（行政许可）没有写明新增理由（justification）。');
    expect(result.stdout).toContain('1 项破坏性变更，1 项需关注，2 项信息');
  });

  it('writes a markdown report for a pull-request comment with --output', async () => {
    const result = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'markdown', '--output', 'out/diff.md', '--fail-on', 'none'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const markdown = readFileSync(path.join(repo, 'out/diff.md'), 'utf8');
    expect(markdown.split('\n')[0]).toBe('## Catalogue changes: HEAD~1 → HEAD');
    expect(markdown).toMatch(/\n\| 青山县公安局 \| 0 \| 1 \| \d+ → \d+ \(−5\) \|/);
    expect(markdown).toContain('#### 青山县教育局');
  });

  it('prints the sample reports of docs/diff.md, verbatim', async () => {
    const doc = readFileSync(path.join(ROOT, 'docs/diff.md'), 'utf8');
    const markdown = await runCli(['diff', 'HEAD~1..HEAD', '--format', 'markdown'], { cwd: repo });
    results.push(markdown);
    expect(markdown.code).toBe(1);
    expect(doc, 'docs/diff.md shows a stale sample: paste this run\'s markdown there').toContain(`\n${markdown.stdout}\`\`\`\``);
    const github = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'github'], repo);
    expect(doc, 'docs/diff.md shows stale annotations: paste this run\'s github output there').toContain(`\n${github.stdout}\`\`\``);
  });

  it('annotates for GitHub', async () => {
    const result = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'github'], repo);
    expect(result.code).toBe(1);
    const position = positionOf(file(repo, 'powers/jyj.yaml'), ADDED);
    expect(result.stdout).toContain(`::error file=lists/powers/jyj.yaml,line=${position.line},col=${position.column},`);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  // GitHub places annotations by the path from the repository's root: run from lists/powers, a path relative to the
  // working directory (../powers/jyj.yaml) annotated nothing. Text keeps paths a terminal can open from where it is.
  it('annotates for GitHub with paths from the repository root, wherever it runs', async () => {
    const position = positionOf(file(repo, 'powers/jyj.yaml'), ADDED);
    const github = await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'github'], path.join(repo, 'lists/powers'));
    expect(github.code).toBe(1);
    expect(github.stdout).toContain(`::error file=lists/powers/jyj.yaml,line=${position.line},col=${position.column},`);
    expect(github.stdout).not.toContain('file=..');
    const text = await qingdan(['diff', 'HEAD~1..HEAD'], path.join(repo, 'lists/powers'));
    expect(text.stdout).toContain(`../powers/jyj.yaml:${position.line}:${position.column}`);
  });

  it('accepts a waiver from a --waivers file, and refuses a malformed one', async () => {
    const data = JSON.parse((await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'json'], repo)).stdout) as JsonDiff;
    const fingerprint = data.changes.find((c) => c.classId === 'power/added')!.fingerprint;
    const dir = tempDir();
    writeFileSync(path.join(dir, 'waivers.yaml'), `waivers:\n  - fingerprint: ${fingerprint}\n    reason: 县政府常务会议纪要〔2026〕9号\n    expires: 2026-12-31\n`);
    const waived = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', path.join(dir, 'waivers.yaml')], repo, { QINGDAN_TODAY: '2026-11-22' });
    expect(waived.code).toBe(0);
    expect(waived.stdout).toContain('waived: 县政府常务会议纪要〔2026〕9号 (until 2026-12-31)');
    const expired = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', path.join(dir, 'waivers.yaml')], repo, { QINGDAN_TODAY: '2027-01-01' });
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain(`Waiver ${fingerprint} (县政府常务会议纪要〔2026〕9号) expired on 2026-12-31 and no longer applies.`);

    // Every problem at the offending value, with the words and rules of qingdan.yaml's own waivers: a date that is no
    // date (2026-02-30 was accepted, and the waiver silently expired or lived on) and a misspelt key are refused too.
    const badFile = path.join(dir, 'bad.yaml');
    writeFileSync(badFile, 'waivers:\n  - fingerprint: abc\n    reason: 试点\n  - fingerprint: 0123456789ab\n    reason: 二月\n    expires: 2026-02-30\n  - fingerprint: 0123456789ac\n    reason: 拼错\n    expire: 2026-12-01\n');
    const bad = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', badFile, '--lang', 'en'], repo);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')).toEqual([
      `qingdan: The waiver file ${badFile} has errors; fix them first:`,
      badFile,
      `  ${badFile}:2:5  error  Missing required field expires.  schema/required`,
      `  ${badFile}:2:18  error  fingerprint is malformed (is abc); it must match ^[0-9a-f]{12}$.  schema/pattern`,
      `  ${badFile}:6:14  error  expires must be a date, YYYY-MM-DD (is 2026-02-30).  schema/format`,
      `  ${badFile}:7:5  error  Missing required field expires.  schema/required`,
      `  ${badFile}:9:13  error  Unknown field expire; did you mean expires?  schema/unknown-property`,
      '',
      '✖ 5 errors, 0 warnings, 0 infos',
      '',
    ]);
    const zh = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', badFile, '--lang', 'zh-CN'], repo);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`qingdan: 豁免文件 ${badFile} 有错误，请先修正：\n`);
    expect(zh.stderr).toContain(`  ${badFile}:6:14  错误  expires 应为日期，格式 YYYY-MM-DD（现为 2026-02-30）。  schema/format\n`);
    // Without --lang, the heading and the findings both speak the environment's language.
    const fromEnvironment = await runCli(['diff', 'HEAD~1..HEAD', '--waivers', badFile], { cwd: repo, env: { LANG: 'en_US.UTF-8' } });
    expect(fromEnvironment.stderr).toContain(`qingdan: The waiver file ${badFile} has errors; fix them first:\n`);
    expect(fromEnvironment.stderr).toContain(`  ${badFile}:6:14  error  expires must be a date, YYYY-MM-DD (is 2026-02-30).  schema/format\n`);
    writeFileSync(path.join(dir, 'unparsable.yaml'), 'waivers:\n  - fingerprint: "abc\n');
    const unparsable = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', path.join(dir, 'unparsable.yaml')], repo);
    expect(unparsable.code).toBe(2);
    // Placed at the quote that never closes (line 2, column 18), not where the file ends; told like the entries'
    // problems, in the user's language (the parser's English detail only in brackets).
    const unparsableFile = path.join(dir, 'unparsable.yaml');
    expect(unparsable.stderr).toContain(`qingdan: The waiver file ${unparsableFile} has errors; fix them first:\n`);
    expect(unparsable.stderr).toContain(`  ${unparsableFile}:2:18  error  YAML syntax error: a character is missing, e.g. an unclosed quote or bracket. (Missing closing "quote)  yaml/syntax\n`);
    const unparsableZh = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', unparsableFile, '--lang', 'zh-CN'], repo);
    expect(unparsableZh.code).toBe(2);
    expect(unparsableZh.stderr).toContain(`  ${unparsableFile}:2:18  错误  YAML 语法错误：缺少字符，如引号或括号未闭合。（Missing closing "quote）  yaml/syntax\n`);
    const missing = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', 'no-such-file.yaml'], repo);
    expect(missing.code).toBe(2);
    // Not "malformed": it is not there.
    expect(missing.stderr).toBe('qingdan: Cannot read the waiver file no-such-file.yaml (ENOENT). Check the path given to --waivers.\n');
    const folder = await qingdan(['diff', 'HEAD~1..HEAD', '--waivers', dir], repo);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`qingdan: Cannot read the waiver file ${dir} (EISDIR). Check the path given to --waivers.\n`);
  });

  it('takes levels from qingdan.yaml', async () => {
    const copy = path.join(tempDir(), 'repo');
    cpSync(repo, copy, { recursive: true });
    writeFileSync(file(copy, 'qingdan.yaml'), `${readFileSync(file(copy, 'qingdan.yaml'), 'utf8')}diff:\n  levels:\n    power/added: notice\n    material/*: breaking\n`);
    commit(copy, 'levels');
    const data = JSON.parse((await qingdan(['diff', 'HEAD~2..HEAD', '--format', 'json'], copy)).stdout) as JsonDiff;
    expect(data.changes.map((c) => `${c.classId} ${c.level}`).sort()).toEqual(['material/removed breaking', 'power/added notice', 'power/cancelled notice', 'time/promised-shortened info']);
  });
});

describe('which revisions qingdan diff compares', () => {
  /** main: lists, then a rename on main; feature (from the first commit): a shorter time limit. */
  function branches(): string {
    const repo = repository();
    git(repo, 'checkout', '-q', '-b', 'feature');
    edit(file(repo, 'powers/rsj.yaml'), '      statutory: 20\n      promised: 5\n', '      statutory: 20\n      promised: 3\n');
    commit(repo, 'feature: shorter');
    git(repo, 'checkout', '-q', 'main');
    edit(file(repo, 'powers/gaj.yaml'), 'name: 机动车注册登记', 'name: 机动车注册登记（含临时号牌）');
    commit(repo, 'main: rename');
    git(repo, 'checkout', '-q', 'feature');
    return repo;
  }

  const classes = (result: CliResult) => (JSON.parse(result.stdout) as JsonDiff).changes.map((c) => c.classId).sort();

  it('A..B compares the two commits; A...B compares B with where it branched from A', async () => {
    const repo = branches();
    const twoDots = await qingdan(['diff', 'main..feature', '-f', 'json'], repo);
    expect(classes(twoDots)).toEqual(['power/renamed', 'time/promised-shortened']); // main's rename, undone on feature
    const threeDots = await qingdan(['diff', 'main...feature', '-f', 'json'], repo);
    expect(classes(threeDots)).toEqual(['time/promised-shortened']);
    expect((JSON.parse(threeDots.stdout) as JsonDiff).base).toBe('merge-base(main, feature)');
    // An empty side means HEAD, as in git.
    expect(classes(await qingdan(['diff', 'main...', '-f', 'json'], repo))).toEqual(['time/promised-shortened']);
  });

  // Unrelated histories (an orphan branch, a catalogue imported without history): the sentence names the range as
  // typed, not two 40-character commit ids.
  it('A...B without a common ancestor names A...B', async () => {
    const repo = repository();
    git(repo, 'checkout', '-q', '--orphan', 'imported');
    commit(repo, 'imported without history');
    const result = await qingdan(['diff', 'main...imported'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('qingdan: The revisions main...imported have no common ancestor.\n');
  });

  it('one revision, --base REV, or nothing at all compare with the working tree', async () => {
    const repo = repository();
    edit(file(repo, 'powers/rsj.yaml'), '      statutory: 20\n      promised: 5\n', '      statutory: 20\n      promised: 4\n');
    for (const args of [['HEAD'], ['--base', 'HEAD'], []]) {
      const result = await qingdan(['diff', ...args, '-f', 'json'], repo);
      const data = JSON.parse(result.stdout) as JsonDiff;
      expect([data.base, data.head]).toEqual(['HEAD', 'lists']);
      expect(data.changes.map((c) => c.classId)).toEqual(['time/promised-shortened']);
    }
    commit(repo, 'shorter');
    const clean = await qingdan(['diff'], repo);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No changes.');
  });

  it('works from inside the catalogue, and with --catalogue', async () => {
    const repo = repository();
    edit(file(repo, 'powers/rsj.yaml'), '      promised: 5\n', '      promised: 4\n');
    commit(repo, 'shorter');
    const inside = await qingdan(['diff', 'HEAD~1..HEAD', '-f', 'json'], path.join(repo, 'lists', 'powers'));
    // Paths are relative to the working directory, as in validate.
    expect((JSON.parse(inside.stdout) as JsonDiff).changes.map((c) => c.head!.file)).toEqual(['../powers/rsj.yaml']);
    const named = await qingdan(['diff', 'HEAD~1..HEAD', '-f', 'json', '--catalogue', 'lists'], repo);
    expect((JSON.parse(named.stdout) as JsonDiff).changes.map((c) => c.head!.file)).toEqual(['lists/powers/rsj.yaml']);
  });

  it('finds the repository from the catalogue, not from the working directory, and through symbolic links', async () => {
    const repo = repository();
    edit(file(repo, 'powers/rsj.yaml'), '      promised: 5\n', '      promised: 4\n');
    commit(repo, 'shorter');
    const elsewhere = tempDir();
    symlinkSync(repo, path.join(elsewhere, 'link'));
    for (const catalogue of [path.join(repo, 'lists'), path.join(elsewhere, 'link', 'lists')]) {
      const result = await qingdan(['diff', 'HEAD~1..HEAD', '-f', 'json', '--catalogue', catalogue], elsewhere);
      expect(result.stderr).toBe('');
      expect((JSON.parse(result.stdout) as JsonDiff).changes.map((c) => c.classId)).toEqual(['time/promised-shortened']);
    }
  });

  it('compares two folders, in or out of git', async () => {
    const dir = tempDir();
    cpSync(LISTS, path.join(dir, 'old'), { recursive: true });
    cpSync(LISTS, path.join(dir, 'new'), { recursive: true });
    edit(path.join(dir, 'new', 'powers/rsj.yaml'), '      promised: 5\n', '      promised: 4\n');
    const result = await qingdan(['diff', 'old', 'new', '-f', 'json'], dir);
    const data = JSON.parse(result.stdout) as JsonDiff;
    expect([data.base, data.head]).toEqual(['old', 'new']);
    expect(data.changes.map((c) => `${c.classId} ${c.head!.file}`)).toEqual(['time/promised-shortened new/powers/rsj.yaml']);
    expect(result.code).toBe(0);
  });

  describe('in CI', () => {
    /** A bare "origin" with main, and a clone on a feature branch that shortened a time limit. */
    function ciClone(): string {
      const upstream = repository();
      const origin = path.join(path.dirname(upstream), 'origin.git');
      git(path.dirname(upstream), 'clone', '-q', '--bare', upstream, origin);
      const work = path.join(path.dirname(upstream), 'work');
      git(path.dirname(upstream), 'clone', '-q', origin, work);
      git(work, 'checkout', '-q', '-b', 'feature');
      edit(file(work, 'powers/rsj.yaml'), '      statutory: 20\n      promised: 5\n', '      statutory: 20\n      promised: 3\n');
      commit(work, 'feature: shorter');
      return work;
    }

    it('compares HEAD with its merge-base with the default branch when given no revisions', async () => {
      const work = ciClone();
      for (const env of [{ CI: 'true' }, { CI: 'true', GITHUB_BASE_REF: 'main' }]) {
        const result = await qingdan(['diff', '-f', 'json'], work, env);
        const data = JSON.parse(result.stdout) as JsonDiff;
        expect([data.base, data.head]).toEqual(['merge-base(origin/main, HEAD)', 'HEAD']);
        expect(data.changes.map((c) => c.classId)).toEqual(['time/promised-shortened']);
      }
    });

    it('is not in CI with CI=false or CI=0', async () => {
      const work = ciClone();
      edit(file(work, 'powers/gaj.yaml'), 'name: 机动车注册登记', 'name: 机动车注册登记（草稿）');
      for (const CI of ['false', '0']) {
        const data = JSON.parse((await qingdan(['diff', '-f', 'json'], work, { CI })).stdout) as JsonDiff;
        expect([data.base, data.head]).toEqual(['HEAD', 'lists']);
        expect(data.changes.map((c) => c.classId)).toEqual(['power/renamed']);
      }
    });

    it('says to fetch the full history when a shallow checkout lacks the target branch', async () => {
      const work = ciClone();
      git(work, 'push', '-q', 'origin', 'feature');
      const origin = path.join(path.dirname(work), 'origin.git');
      const pr = path.join(path.dirname(work), 'pr');
      // What actions/checkout does by default: one commit of the pull request's branch, nothing else.
      git(path.dirname(work), 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, pr);
      for (const env of [{ CI: 'true', GITHUB_BASE_REF: 'main' }, { CI: 'true' }]) {
        const result = await qingdan(['diff'], pr, env);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('qingdan: Revision origin/main is not here: this is a shallow clone without that commit. Run git fetch --unshallow, or set fetch-depth: 0 in CI.\n');
      }
    });

    it('names the target branch when it was not fetched', async () => {
      const work = ciClone();
      const result = await qingdan(['diff'], work, { CI: 'true', GITHUB_BASE_REF: 'release' });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('qingdan: Revision origin/release does not exist. Check the spelling, or git fetch first.\n');
    });

    it('ignores uncommitted edits in CI (it compares commits)', async () => {
      const work = ciClone();
      edit(file(work, 'powers/gaj.yaml'), 'name: 机动车注册登记', 'name: 机动车注册登记（草稿）');
      const data = JSON.parse((await qingdan(['diff', '-f', 'json'], work, { CI: 'true' })).stdout) as JsonDiff;
      expect(data.changes.map((c) => c.classId)).toEqual(['time/promised-shortened']);
    });
  });
});

describe('bad input: one clear sentence, exit 2, never a stack trace', () => {
  const repo = repository();
  edit(file(repo, 'powers/rsj.yaml'), '      promised: 5\n', '      promised: 4\n');
  commit(repo, 'shorter');

  it('a revision that does not exist', async () => {
    const result = await qingdan(['diff', 'nope..HEAD'], repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('qingdan: Revision nope does not exist. Check the spelling, or git fetch first.\n');
    const zh = await runCli(['diff', 'HEAD..nope'], { cwd: repo });
    expect(zh.stderr).toBe('qingdan: 找不到版本 nope。请检查拼写，或先 git fetch。\n');
  });

  it('a shallow clone without the base commit', async () => {
    const clone = path.join(tempDir(), 'shallow');
    git(path.dirname(clone), 'clone', '-q', '--depth', '1', `file://${repo}`, clone);
    for (const range of ['HEAD~1..HEAD', 'HEAD~1...HEAD', 'HEAD~1']) {
      const result = await qingdan(['diff', range], clone);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('qingdan: Revision HEAD~1 is not here: this is a shallow clone without that commit. Run git fetch --unshallow, or set fetch-depth: 0 in CI.\n');
    }
  });

  it('revisions that look like options are refused before git sees them, and nothing is written', async () => {
    const cwd = tempDir();
    cpSync(repo, path.join(cwd, 'repo'), { recursive: true });
    const work = path.join(cwd, 'repo');
    const before = readdirSync(work).sort();
    const attempts = [
      ['diff', '--upload-pack=touch pwned'],
      ['diff', '-x'],
      ['diff', 'HEAD..--output=x'],
      ['diff', 'HEAD...--output=y'],
      ['diff', '--', '--upload-pack=touch pwned'],
      ['diff', '--base', '--output=z'],
      ['diff', '--base=-oz'],
      ['validate', '--since', '--output=w'],
    ];
    for (const args of attempts) {
      const result = await qingdan(args, work);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(work).sort()).toEqual(before);
    for (const name of ['pwned', 'x', 'y', 'z', 'w', 'oz']) expect(existsSync(path.join(work, name))).toBe(false);
    const refused = await qingdan(['diff', 'HEAD..--output=x'], work);
    expect(refused.stderr).toBe('qingdan: "--output=x" is not a valid git revision: it must not start with - or contain spaces or characters such as : ? * [.\n');
    expect((await qingdan(['diff', '-x'], work)).stderr).toMatch(/^error: unknown option '-x'/);
  });

  it('a catalogue that does not exist at the base revision: an empty base, every item added, a note on stderr (it exited 2)', async () => {
    const fresh = path.join(tempDir(), 'repo');
    mkdirSync(fresh);
    git(fresh, 'init', '-q');
    writeFileSync(path.join(fresh, 'README.md'), '# 清单\n');
    commit(fresh, 'readme');
    cpSync(LISTS, path.join(fresh, 'lists'), { recursive: true });
    commit(fresh, 'lists');
    const inForce = JSON.parse((await runCli(['export', 'lists', '-f', 'json'], { cwd: fresh })).stdout).powers.filter((power: { status?: string }) => (power.status ?? 'active') !== 'cancelled').length;
    for (const args of [['HEAD~1..HEAD'], ['HEAD~1']]) {
      const result = await qingdan(['diff', ...args, '-f', 'json'], fresh);
      // The first version of a catalogue adds no power to a list: no justification asked, nothing breaking.
      expect([result.code, result.stderr]).toEqual([0, 'Note: revision HEAD~1 has no catalogue in lists (no qingdan.yaml): it is compared as an empty catalogue, so every item is reported as added.\n']);
      const report = JSON.parse(result.stdout) as { base: string; summary: { counts: Record<string, number>; total: { added: number; base: { items: number } } }; changes: Array<{ classId: string; level: string; message: string; head?: { file: string; line: number } }> };
      expect(report.base).toBe('HEAD~1');
      expect(report.summary.total.added).toBe(inForce);
      expect(report.summary.total.base.items).toBe(0);
      expect(report.summary.counts.breaking).toBe(0);
      expect(new Set(report.changes.map((change) => change.classId))).toEqual(new Set(['power/added', 'responsibility/changed']));
      const added = report.changes.filter((change) => change.classId === 'power/added');
      expect(added).toHaveLength(inForce);
      expect(added.every((change) => change.level === 'notice' && !change.message.includes('justification') && change.head!.file.startsWith('lists/powers/'))).toBe(true);
    }
    // In Chinese, and the other way round: a head without the catalogue removes every item.
    const zh = await runCli(['diff', 'HEAD..HEAD~1', '--lang', 'zh-CN'], { cwd: fresh });
    results.push(zh);
    expect(zh.stderr).toBe('注意：版本 HEAD~1 中 lists 下没有清单（没有 qingdan.yaml），按空清单比较，所有事项都报告为删除。\n');
    expect(zh.stdout).toMatch(/^清单变更：HEAD → HEAD~1\n/);
    // Neither side has it: nothing to compare, exit 2 as before.
    const neither = await qingdan(['diff', 'HEAD~1..HEAD~1'], fresh);
    expect([neither.code, neither.stderr]).toEqual([2, 'qingdan: Revision HEAD~1 has no qingdan.yaml in lists: the catalogue did not exist yet.\n']);
  });

  it('a revision whose YAML does not parse: the parse finding at file:line:col', async () => {
    const broken = path.join(tempDir(), 'repo');
    cpSync(repo, broken, { recursive: true });
    edit(file(broken, 'powers/rsj.yaml'), '    name: 经营性人力资源服务机构从事职业中介活动许可\n', '    name: [经营性人力资源服务机构从事职业中介活动许可\n');
    commit(broken, 'broken');
    const result = await qingdan(['diff', 'HEAD~1..HEAD'], broken);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [sentence, ...rest] = result.stderr.split('\n');
    expect(sentence).toBe('qingdan: The HEAD catalogue has files that cannot be read or parsed, so it cannot be compared reliably; fix them first:');
    expect(rest.join('\n')).toMatch(/lists\/powers\/rsj\.yaml:\d+:\d+ +error +.+ +yaml\/syntax/);
    // The same when the broken revision is the base.
    const reverse = await qingdan(['diff', 'HEAD..HEAD~1'], broken);
    expect(reverse.code).toBe(2);
    expect(reverse.stderr).toMatch(/^qingdan: The HEAD catalogue has files that cannot be read or parsed[^]*lists\/powers\/rsj\.yaml:\d+:\d+ +error/);
  });

  it('many broken files: the first twenty at their places, and how many there are', async () => {
    const dir = tempDir();
    cpSync(LISTS, path.join(dir, 'old'), { recursive: true });
    cpSync(LISTS, path.join(dir, 'new'), { recursive: true });
    for (let i = 0; i < 25; i++) writeFileSync(path.join(dir, 'new', `broken-${String(i).padStart(2, '0')}.yaml`), 'powers: [\n');
    const result = await qingdan(['diff', 'old', 'new'], dir);
    expect(result.code).toBe(2);
    const [sentence, ...rest] = result.stderr.split('\n');
    expect(sentence).toBe('qingdan: The new catalogue has 25 problems reading or parsing its files, so it cannot be compared reliably; fix them first (the first 20 follow):');
    const places = rest.join('\n').match(/new\/broken-\d\d\.yaml:\d+:\d+/g) ?? [];
    expect(new Set(places).size).toBe(20);
    expect(result.stderr).not.toContain('broken-20.yaml');
  });

  it('a folder that is not in a git repository', async () => {
    const dir = tempDir();
    cpSync(LISTS, path.join(dir, 'lists'), { recursive: true });
    for (const args of [['HEAD~1..HEAD'], []]) {
      const result = await qingdan(['diff', ...args], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `qingdan: ${path.join(dir, 'lists')} is not in a git repository (git finds no .git folder there or above it), so it has no revisions to compare. Run qingdan diff in a clone of the catalogue's repository, or compare two folders: qingdan diff OLD_FOLDER NEW_FOLDER.\n`,
      );
    }
  });

  it('two folders of which one is missing', async () => {
    const dir = tempDir();
    cpSync(LISTS, path.join(dir, 'old'), { recursive: true });
    const result = await qingdan(['diff', 'old', 'nwe'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('qingdan: There is no qingdan.yaml in nwe, so it is not a catalogue folder. Name the catalogue folder (e.g. qingdan validate lists) or create qingdan.yaml at its root.\n');
  });

  it('names the broken revision in the language of the message, whatever the catalogue says', async () => {
    const broken = path.join(tempDir(), 'repo');
    cpSync(repo, broken, { recursive: true });
    edit(file(broken, 'powers/rsj.yaml'), '    name: 经营性人力资源服务机构从事职业中介活动许可\n', '    name: [经营性人力资源服务机构从事职业中介活动许可\n');
    commit(broken, 'broken');
    const english = await runCli(['diff', 'HEAD~1..HEAD'], { cwd: broken, env: { LANG: 'en_US.UTF-8' } });
    results.push(english);
    expect(english.code).toBe(2);
    expect(english.stderr.split('\n')[0]).toBe('qingdan: The HEAD catalogue has files that cannot be read or parsed, so it cannot be compared reliably; fix them first:');
    const chinese = await runCli(['diff', 'HEAD..HEAD~1'], { cwd: broken });
    results.push(chinese);
    expect(chinese.stderr.split('\n')[0]).toBe('qingdan: HEAD的清单有无法读取或解析的文件，无法可靠比较，请先修正：');
  });

  it('options with values that are not allowed', async () => {
    expect((await qingdan(['diff', 'HEAD~1..HEAD', '--format', 'sarif'], repo)).stderr).toBe('qingdan: Unknown output format sarif; known: text, markdown, json, github.\n');
    expect((await qingdan(['diff', 'HEAD~1..HEAD', '--fail-on', 'error'], repo)).stderr).toBe('qingdan: Invalid value "error" for --fail-on: breaking, notice, none\n');
    const three = await qingdan(['diff', 'HEAD~2', 'HEAD~1', 'HEAD'], repo);
    expect(three.code).toBe(2);
    expect(three.stderr).toBe('qingdan: Too many revisions to compare (HEAD~2, HEAD~1, HEAD). Give just one of: BASE..HEAD, BASE HEAD, one revision (against the working tree), --base REV, or two folders.\n');
    const both = await qingdan(['diff', 'HEAD~1', '--base', 'HEAD~2'], repo);
    expect([both.code, both.stderr]).toEqual([2, 'qingdan: Too many revisions to compare (HEAD~1, --base HEAD~2). Give just one of: BASE..HEAD, BASE HEAD, one revision (against the working tree), --base REV, or two folders.\n']);
  });
});

describe('validate --since (baseline mode)', () => {
  /** A catalogue whose 民政局 最低生活保障 item lost its visit_reason (visits/reason), committed. */
  function withOldProblem(): string {
    const repo = repository();
    edit(file(repo, 'powers/mzj.yaml'), '    visit_reason: 共同生活家庭成员需当面签署家庭经济状况核对授权书；行动不便的可由村（社区）工作人员上门代办\n', '');
    commit(repo, 'old problem');
    return repo;
  }

  it('hides a problem that only moved, and shows a new one', async () => {
    const repo = withOldProblem();
    edit(file(repo, 'powers/mzj.yaml'), 'powers:\n', '# 2026 年第二批调整\n#\n# （说明）\n\npowers:\n');
    edit(file(repo, 'powers/rsj.yaml'), '      statutory: 20\n      promised: 5\n', '      statutory: 20\n      promised: 25\n');
    const all = await qingdan(['validate', '-f', 'json'], repo);
    expect((JSON.parse(all.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId).sort()).toEqual(['time/promised-exceeds-statutory', 'visits/reason']);
    const result = await qingdan(['validate', '--since', 'HEAD', '-f', 'json'], repo);
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string }> }).findings;
    expect(findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['time/promised-exceeds-statutory lists/powers/rsj.yaml']);
    expect(result.stderr).toBe('Only problems new since HEAD are reported: 1 existing problem hidden.\n');
  });

  it('passes when every problem is old', async () => {
    const repo = withOldProblem();
    edit(file(repo, 'powers/mzj.yaml'), 'powers:\n', '# 说明\n\npowers:\n');
    const result = await qingdan(['validate', '--since', 'HEAD'], repo);
    expect(result.code).toBe(0);
  });

  it('reports a file that is broken both at the revision and now, as a full validate does', async () => {
    const repo = repository();
    writeFileSync(file(repo, 'powers/broken.yaml'), 'powers:\n  - code: "unclosed\n    name: 未闭合\n');
    commit(repo, 'broken file');
    const full = await qingdan(['validate', '-f', 'json'], repo);
    const since = await qingdan(['validate', '--since', 'HEAD', '-f', 'json'], repo);
    const brief = (result: CliResult) => (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number }> }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
    expect(brief(full)).toEqual(['yaml/syntax lists/powers/broken.yaml:2:11']);
    expect(brief(since)).toEqual(brief(full));
    expect([since.code, since.stderr]).toEqual([1, '']);
  });

  it('reports everything when the catalogue did not exist at the revision', async () => {
    const repo = path.join(tempDir(), 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    writeFileSync(path.join(repo, 'README.md'), '# 清单\n');
    commit(repo, 'readme');
    cpSync(LISTS, path.join(repo, 'lists'), { recursive: true });
    edit(file(repo, 'powers/rsj.yaml'), '      statutory: 20\n      promised: 5\n', '      statutory: 20\n      promised: 25\n');
    const result = await qingdan(['validate', '--since', 'HEAD', '-f', 'json'], repo);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual(['time/promised-exceeds-statutory']);
    expect(result.stderr).toBe('');
  });

  it('says a folder outside any git repository is not in one, names it and says what to do (it said the repository had no commits)', async () => {
    const dir = tempDir();
    cpSync(LISTS, path.join(dir, 'lists'), { recursive: true });
    const since = await qingdan(['validate', '--since', 'HEAD'], dir);
    expect([since.code, since.stdout]).toEqual([2, '']);
    expect(since.stderr).toBe(
      `qingdan: ${path.join(dir, 'lists')} is not in a git repository (git finds no .git folder there or above it), so --since HEAD has no revision to compare with. Run it in a clone of the catalogue's repository, or leave out --since to report every problem.\n`,
    );
    const zh = await runCli(['validate', 'lists', '--since', 'origin/main', '--lang', 'zh-CN'], { cwd: dir });
    results.push(zh);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`qingdan: ${path.join(dir, 'lists')} 不在 git 仓库中（该目录及其上级都没有 .git），--since origin/main 没有可比较的版本。请在清单所在仓库的克隆中运行，或去掉 --since 以报告全部问题。\n`);
    // Without git at all, that is what is said, not that the folder is outside a repository.
    for (const args of [['validate', '--since', 'HEAD'], ['diff']]) {
      const noGit = await qingdan(args, dir, { PATH: path.join(dir, 'no-such-folder') });
      expect([noGit.code, noGit.stderr]).toEqual([2, 'qingdan: git was not found. qingdan diff needs git; please install it.\n']);
    }
  });

  it('refuses a revision that does not exist', async () => {
    const repo = withOldProblem();
    const result = await qingdan(['validate', '--since', 'nope'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('qingdan: Revision nope does not exist. Check the spelling, or git fetch first.\n');
  });

  it('says a repository has no commits yet, rather than asking to check the spelling of HEAD', async () => {
    const repo = path.join(tempDir(), 'repo');
    cpSync(path.join(ROOT, 'lists'), path.join(repo, 'lists'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    const since = await qingdan(['validate', '--since', 'HEAD'], repo);
    expect(since.code).toBe(2);
    expect(since.stderr).toBe('qingdan: Revision HEAD does not exist: this repository has no commits yet. Commit the catalogue first, or compare two folders: qingdan diff OLD-FOLDER NEW-FOLDER.\n');
    const diff = await runCli(['diff', '--lang', 'zh-CN'], { cwd: repo });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toBe('qingdan: 找不到版本 HEAD：这个仓库还没有任何提交。请先提交清单，或比较两个目录：qingdan diff 旧目录 新目录。\n');
  });
});
