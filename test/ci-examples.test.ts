// The CI examples in docs/examples/ run for real: every `run:` (GitHub Actions) and `script:` line (GitLab CI) is
// executed with bash in a temporary checkout holding a copy of lists/, with `qingdan` and `npx` shimmed to this
// repository's bin/qingdan.js (no network). Actions (`uses:`) and `npm ci` are not run; their inputs are checked.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { temporaryFolder } from './temporary.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/qingdan.js');
const GITHUB_FILE = path.join(ROOT, 'docs/examples/github-workflow.yml');
const GITLAB_FILE = path.join(ROOT, 'docs/examples/gitlab-ci.yml');
const HOOKS_FILE = path.join(ROOT, '.pre-commit-hooks.yaml');

interface GithubStep {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface GithubWorkflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: GithubStep[] }>;
}
interface GitlabJob {
  image?: string;
  script: string[];
  cache?: Array<{ key: unknown; paths: string[]; when?: string }>;
  artifacts?: { when?: string; paths?: string[]; reports?: { junit?: string } };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const github = parse(readFileSync(GITHUB_FILE, 'utf8')) as GithubWorkflow;
const gitlab = parse(readFileSync(GITLAB_FILE, 'utf8')) as Record<string, GitlabJob>;
const hooks = parse(readFileSync(HOOKS_FILE, 'utf8')) as Hook[];

const githubSteps = Object.values(github.jobs)[0]!.steps;
const gitlabJob = gitlab.qingdan!;
const isQingdan = (command: string): boolean => /^(npx (--?[a-z-]+ )*)?qingdan /.test(command);
const isNpmInstall = (command: string): boolean => /^npm (ci|install)\b/.test(command);

/** The value of `-o`/`--output` in a command line. */
function outputOf(command: string): string | undefined {
  return /(?:^|\s)(?:-o|--output)[ =](\S+)/.exec(command)?.[1];
}

/** A fresh "checkout": a copy of lists/ in a temporary folder, and a bin folder that shims qingdan, npx and npm. */
function checkout(): { dir: string; env: NodeJS.ProcessEnv } {
  const base = temporaryFolder('qingdan-ci-');
  const dir = path.join(base, 'checkout');
  const bin = path.join(base, 'bin');
  cpSync(path.join(ROOT, 'lists'), path.join(dir, 'lists'), { recursive: true });
  mkdirSync(bin);
  const shims: Record<string, string> = {
    qingdan: `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"`,
    // npx's own options, then the command: only qingdan is available here, as after `npm ci` in a catalogue repository.
    npx: [
      'while [ $# -gt 0 ]; do case "$1" in --no|--no-install|--yes|-y|--) shift ;; *) break ;; esac; done',
      '[ "$1" = qingdan ] || { echo "npx shim: only qingdan is available offline, not $1" >&2; exit 127; }',
      'shift',
      'exec qingdan "$@"',
    ].join('\n'),
    npm: 'echo "npm shim: npm is not run in this test (no network)" >&2; exit 127',
  };
  for (const [name, body] of Object.entries(shims)) {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  }
  return { dir, env: { PATH: `${bin}${path.delimiter}${process.env.PATH}`, HOME: base, CI: 'true' } };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a script as GitHub's `shell: bash` does (`bash --noprofile --norc -eo pipefail {0}`); GitLab's runner also stops at the first failing line. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Whether GitHub would run a step: no `if` means "all before succeeded"; the expressions used in the example are evaluated, any other fails the test. */
function shouldRun(step: GithubStep, failed: boolean, cwd: string): boolean {
  if (step.if === undefined) return !failed;
  const condition = step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  if (condition === 'always()') return true;
  // hashFiles(patterns…) is '' when no pattern matches a file; the example's patterns are a path or `folder/**`.
  const withFiles = /^always\(\) && hashFiles\(((?:'[^']+'(?:, )?)+)\) != ''$/.exec(condition);
  if (withFiles) {
    return [...withFiles[1]!.matchAll(/'([^']+)'/g)].some(([, pattern]) => {
      const target = path.join(cwd, pattern!.replace(/\/\*\*$/, ''));
      if (!existsSync(target)) return false;
      return pattern!.endsWith('/**') ? statSync(target).isDirectory() && readdirSync(target, { recursive: true }).length > 0 : statSync(target).isFile();
    });
  }
  throw new Error(`the test cannot evaluate if: ${step.if}`);
}

interface GithubRun {
  /** Each `run:` step that ran, in order, with its result; undefined for a step that was skipped. */
  runs: Array<{ step: GithubStep; result: Run | undefined }>;
  /** `uses:` steps that GitHub would have run (their `if` held). */
  actions: GithubStep[];
  failed: boolean;
}

async function runGithub(cwd: string, env: NodeJS.ProcessEnv): Promise<GithubRun> {
  const out: GithubRun = { runs: [], actions: [], failed: false };
  for (const step of githubSteps) {
    const runs = shouldRun(step, out.failed, cwd);
    if (step.uses) {
      if (runs) out.actions.push(step);
      continue;
    }
    const command = step.run!.trim();
    if (isNpmInstall(command)) continue; // asserted below, not run: it would reach the registry
    const result = runs ? await bash(command, cwd, env) : undefined;
    if (result && result.code !== 0) out.failed = true;
    out.runs.push({ step, result });
  }
  return out;
}

async function runGitlab(cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const lines = gitlabJob.script.filter((line) => !isNpmInstall(line));
  return bash(lines.join('\n'), cwd, env);
}

/** Makes the copy fail: a promised time limit longer than the statutory one, in lists/powers/mzj.yaml at 21:17. */
function breakCatalogue(dir: string): void {
  const file = path.join(dir, 'lists/powers/mzj.yaml');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  expect(lines[19]).toBe('      statutory: 30');
  expect(lines[20]).toBe('      promised: 20');
  lines[20] = '      promised: 40';
  writeFileSync(file, lines.join('\n'));
}

const sarifStep = githubSteps.find((step) => step.run && isQingdan(step.run.trim()) && /--format[ =]sarif/.test(step.run))!;
const annotationStep = githubSteps.find((step) => step.run && isQingdan(step.run.trim()) && /--format[ =]github/.test(step.run))!;
const junitLine = gitlabJob.script.find((line) => isQingdan(line) && /--format[ =]junit/.test(line))!;

describe('docs/examples/github-workflow.yml (as written)', () => {
  it('checks out, sets up Node 20 and installs with npm ci before any qingdan step', () => {
    expect(github.on).toHaveProperty('pull_request');
    const uses = githubSteps.map((step) => step.uses?.replace(/@.*/, '') ?? step.run?.trim());
    expect(uses[0]).toBe('actions/checkout');
    const setup = githubSteps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe('20');
    const install = uses.findIndex((entry) => entry !== undefined && isNpmInstall(entry));
    const firstQingdan = uses.findIndex((entry) => entry !== undefined && isQingdan(entry));
    expect(install).toBeGreaterThan(uses.indexOf('actions/setup-node'));
    expect(firstQingdan).toBeGreaterThan(install);
    for (const step of githubSteps) if (step.run) expect(step.run).not.toContain('${{');
  });

  it('uploads the SARIF file the SARIF step writes, even when validation failed, with the permission it needs', () => {
    expect(sarifStep).toBeDefined();
    expect(annotationStep).toBeDefined();
    const upload = githubSteps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toBeDefined();
    expect(upload!.with?.sarif_file).toBe(outputOf(sarifStep.run!));
    expect(upload!.if).toMatch(/always\(\)/);
    expect(githubSteps.indexOf(upload!)).toBeGreaterThan(githubSteps.indexOf(annotationStep));
    expect(github.permissions?.['security-events']).toBe('write');
  });

  it('restores the file that --cache writes before validating, and saves it also when validation failed', () => {
    const restore = githubSteps.find((step) => step.uses?.startsWith('actions/cache/restore@'));
    const save = githubSteps.find((step) => step.uses?.startsWith('actions/cache/save@'));
    expect(restore?.with?.path).toBe('.qingdancache');
    expect(save?.with?.path).toBe('.qingdancache');
    expect(String(restore?.with?.key)).toContain("hashFiles('package-lock.json')");
    expect(save?.with?.key).toBe(restore?.with?.key);
    expect(save?.if).toMatch(/always\(\)/);
    expect(githubSteps.indexOf(restore!)).toBeLessThan(githubSteps.indexOf(sarifStep));
    expect(githubSteps.indexOf(save!)).toBeGreaterThan(githubSteps.indexOf(annotationStep));
    for (const step of [sarifStep, annotationStep]) expect(step.run).toContain('--cache');
  });
});

describe('docs/examples/gitlab-ci.yml (as written)', () => {
  it('installs with npm ci, then reports JUnit to the path artifacts:reports:junit names, kept when the job fails', () => {
    expect(gitlabJob.image).toMatch(/^node:20/);
    const install = gitlabJob.script.findIndex(isNpmInstall);
    expect(install).toBeGreaterThanOrEqual(0);
    expect(gitlabJob.script.indexOf(junitLine)).toBeGreaterThan(install);
    expect(gitlabJob.artifacts?.reports?.junit).toBe(outputOf(junitLine));
    expect(gitlabJob.artifacts?.when).toBe('always');
  });

  it('caches the file that --cache writes, also when validation fails', () => {
    const cache = gitlabJob.cache?.find((entry) => entry.paths.includes('.qingdancache'));
    expect(cache?.when).toBe('always');
    expect(junitLine).toContain('--cache');
  });
});

describe('docs/ci.md', () => {
  it('shows both example files verbatim', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
    for (const file of [GITHUB_FILE, GITLAB_FILE]) expect(doc).toContain(`\`\`\`yaml\n${readFileSync(file, 'utf8')}\`\`\`\n`);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines qingdan-validate as `qingdan validate` on the staged YAML files', () => {
    const hook = hooks.find((entry) => entry.id === 'qingdan-validate');
    expect(hook).toMatchObject({ entry: 'qingdan validate --no-error-on-unmatched-pattern', language: 'node', pass_filenames: true });
    expect(new RegExp(hook!.files).test('lists/powers/mzj.yaml')).toBe(true);
    expect(new RegExp(hook!.files).test('lists/qingdan.yml')).toBe(true);
    expect(new RegExp(hook!.files).test('README.md')).toBe(false);
  });
});

describe.concurrent('the examples, run', () => {
  it('GitHub, clean catalogue: every step passes, an empty SARIF report is written and would be uploaded', async () => {
    const { dir, env } = checkout();
    const run = await runGithub(dir, env);
    expect(run.failed).toBe(false);
    for (const { step, result } of run.runs) expect(result, step.name ?? step.run).toMatchObject({ code: 0, stderr: '' });
    const sarif = JSON.parse(readFileSync(path.join(dir, outputOf(sarifStep.run!)!), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(run.runs.find((entry) => entry.step === annotationStep)?.result?.stdout).toBe('');
    expect(existsSync(path.join(dir, '.qingdancache'))).toBe(true);
    expect(run.actions.map((step) => step.uses?.replace(/@.*/, ''))).toEqual(expect.arrayContaining(['github/codeql-action/upload-sarif', 'actions/cache/save']));
  });

  it('GitHub, broken catalogue: the SARIF step passes with the finding, the annotation step fails with ::error, SARIF is still uploaded', async () => {
    const { dir, env } = checkout();
    breakCatalogue(dir);
    const run = await runGithub(dir, env);
    expect(run.failed).toBe(true);
    expect(run.runs.find((entry) => entry.step === sarifStep)?.result?.code).toBe(0);
    const annotations = run.runs.find((entry) => entry.step === annotationStep)?.result;
    expect(annotations?.code).toBe(1);
    expect(annotations?.stdout).toMatch(/^::error file=lists\/powers\/mzj\.yaml,line=21,col=17,endLine=21,endColumn=19,title=time\/promised-exceeds-statutory::/m);
    const sarif = JSON.parse(readFileSync(path.join(dir, outputOf(sarifStep.run!)!), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    const results = sarif.runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri])).toContainEqual([
      'time/promised-exceeds-statutory',
      'error',
      'lists/powers/mzj.yaml',
    ]);
    expect(run.actions.map((step) => step.uses?.replace(/@.*/, ''))).toContain('github/codeql-action/upload-sarif');
  });

  it('GitHub, no catalogue (exit 2): the SARIF step fails instead of swallowing it, and nothing is uploaded', async () => {
    const { dir, env } = checkout();
    rmSync(path.join(dir, 'lists/qingdan.yaml'));
    const run = await runGithub(dir, env);
    const sarifRun = run.runs.find((entry) => entry.step === sarifStep)?.result;
    expect(sarifRun?.code).toBe(1); // `|| [ $? -eq 1 ]` turns any exit but 0 and 1 into a failure
    expect(sarifRun?.stderr).toContain('qingdan.yaml');
    expect(run.runs.find((entry) => entry.step === annotationStep)?.result).toBeUndefined();
    expect(run.actions.map((step) => step.uses?.replace(/@.*/, ''))).not.toContain('github/codeql-action/upload-sarif');
  });

  it('GitLab, clean catalogue: the job passes and writes a JUnit report without failures', async () => {
    const { dir, env } = checkout();
    const result = await runGitlab(dir, env);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const xml = readFileSync(path.join(dir, gitlabJob.artifacts!.reports!.junit!), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: Record<string, string> };
    expect(parsed.testsuites['@_failures']).toBe('0');
    expect(Number(parsed.testsuites['@_tests'])).toBeGreaterThan(40);
  });

  it('GitLab, broken catalogue: the job fails (exit 1) and the JUnit report holds the failure', async () => {
    const { dir, env } = checkout();
    breakCatalogue(dir);
    const result = await runGitlab(dir, env);
    expect(result.code).toBe(1);
    const xml = readFileSync(path.join(dir, gitlabJob.artifacts!.reports!.junit!), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testcase name="lists/powers/mzj.yaml:21:17 time/promised-exceeds-statutory" classname="time/promised-exceeds-statutory">');
    expect(xml).toMatch(/<testsuites name="qingdan validate" tests="\d+" failures="1">/);
  });

  it('pre-commit: the hook entry on staged files reports the staged file only, and skips YAML outside the catalogue', async () => {
    const { dir, env } = checkout();
    breakCatalogue(dir);
    writeFileSync(path.join(dir, '.pre-commit-config.yaml'), 'repos: []\n');
    const hook = hooks.find((entry) => entry.id === 'qingdan-validate')!;
    const staged = ['.pre-commit-config.yaml', 'lists/powers/mzj.yaml', 'lists/departments.yaml'].filter((file) => new RegExp(hook.files).test(file));
    const result = await bash(`${hook.entry} ${staged.join(' ')}`, dir, env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('lists/powers/mzj.yaml:21:17');
    expect(result.stdout).toContain('time/promised-exceeds-statutory');
  });
});
