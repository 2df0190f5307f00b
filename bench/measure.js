// Timing one process as bench/run.js and bench/diff.js do: wall time, CPU (GNU time) and the peak RSS of the whole
// process tree, in interleaved rounds; and ajv-cli's command line, set up like qingdan's own ajv.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const TOOLS = path.join(ROOT, 'bench/.tools');
export const NODE = process.execPath;
export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
export const AJV_BIN = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');

export const log = (line) => process.stderr.write(`${line}\n`);

/**
 * ajv-cli validating dataGlob with the $id-stamped copies of the schemas (bench/schemas.js writeAjvSchemas) and
 * qingdan's ajv options; paths relative to the repository root, where the tools run.
 */
export function ajvArgv(schemaFile, dataGlob) {
  return [
    NODE, path.relative(ROOT, AJV_BIN), 'validate', '--spec=draft2020', '--all-errors', '--verbose', '--strict=true', '--allow-union-types',
    '-c', './bench/ajv-setup.cjs',
    '-s', path.relative(ROOT, schemaFile),
    '-r', `${path.relative(ROOT, path.dirname(schemaFile))}/{departments,laws,powers,responsibilities,flows}.schema.json`,
    '-d', dataGlob, '--errors=line',
  ];
}

function readRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
function descendants(pid, out = []) {
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.trim().split(/\s+/).filter(Boolean)) {
      out.push(Number(child));
      descendants(Number(child), out);
    }
  }
  return out;
}

/** Runs argv once; resolves { wall (s), cpu (user + system, s), rssKb, exit, stderr }. */
export function measure(argv, { env = {}, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    mkdirSync(TOOLS, { recursive: true });
    const timeFile = path.join(TOOLS, `time-${process.pid}.txt`);
    const full = GNU_TIME ? [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, ...argv] : argv;
    const started = process.hrtime.bigint();
    const child = spawn(full[0], full.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 20000) stderr += chunk;
    });
    let treePeak = 0;
    const poll = () => {
      // The tree under the spawned process (GNU time itself, a few MB, is left out when present).
      const pids = GNU_TIME ? descendants(child.pid) : [child.pid, ...descendants(child.pid)];
      const sum = pids.reduce((total, pid) => total + readRss(pid), 0);
      if (sum > treePeak) treePeak = sum;
    };
    const timer = setInterval(poll, 20);
    child.on('close', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(timer);
      let timeKb = 0;
      let cpu = NaN;
      if (GNU_TIME) {
        try {
          const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
          const [kb, user, sys] = lines[lines.length - 1].split(' ').map(Number);
          timeKb = kb || 0;
          cpu = user + sys;
          // GNU time prints "Command exited with non-zero status N" first when it does.
          rmSync(timeFile, { force: true });
        } catch {
          timeKb = 0;
        }
      }
      resolve({ wall, cpu, rssKb: Math.max(timeKb, treePeak), exit: signal ? `signal ${signal}` : code, stderr });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Runs the jobs in interleaved rounds (round 1: every job once, round 2: …), so that a change in the machine's load
 * during the benchmark falls on every tool alike. A job: { id, label, argv, runs, env?, cwd?, prepare?(round),
 * stopWhenSlowerThan? }. A run with an unexpected exit code ends that job and is reported, not hidden.
 */
export async function benchRounds(jobs) {
  const state = new Map(jobs.map((job) => [job.id, { results: [], note: '', done: false }]));
  const rounds = Math.max(...jobs.map((job) => job.runs));
  for (let round = 0; round < rounds; round++) {
    for (const job of jobs) {
      const s = state.get(job.id);
      if (s.done || round >= job.runs) continue;
      if (job.prepare) job.prepare(round);
      const r = await measure(job.argv, { env: job.env, cwd: job.cwd });
      s.results.push(r);
      log(`  ${job.id} run ${round + 1}/${job.runs}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${(r.rssKb / 1024).toFixed(0)} MiB, exit ${r.exit}`);
      if (r.exit !== (job.expectExit ?? 0)) {
        s.note = `exit ${r.exit} (expected ${job.expectExit ?? 0}): ${r.stderr.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}`;
        log(`  ${job.id}: ${s.note}`);
        s.done = true;
      } else if (job.stopWhenSlowerThan && job.runs > 1 && round === 0 && r.wall > job.stopWhenSlowerThan) {
        s.note = `1 run: the first took ${r.wall.toFixed(0)} s (> ${job.stopWhenSlowerThan} s)`;
        s.done = true;
      }
    }
  }
  return jobs.map((job) => {
    const { results, note } = state.get(job.id);
    const walls = results.map((r) => r.wall);
    return {
      id: job.id,
      label: job.label,
      command: job.argv.map((a) => (/[\s*{}"']/.test(a) ? `'${a}'` : a)).join(' '),
      runs: results.length,
      wall: median(walls),
      wallMin: Math.min(...walls),
      wallMax: Math.max(...walls),
      cpu: median(results.map((r) => r.cpu)),
      rssKb: Math.max(...results.map((r) => r.rssKb)),
      ok: results.every((r) => r.exit === (job.expectExit ?? 0)),
      exits: results.map((r) => r.exit),
      walls,
      note,
    };
  });
}