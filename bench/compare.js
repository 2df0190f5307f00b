#!/usr/bin/env node
// Times `qingdan compare` of 30 local catalogues against a reference (5,000 items each) beside `qingdan validate`
// loading the same 31 catalogues, in one run. Goal (issue: compare): compare ≤ 2 × validate.
//
//   npm run build
//   node bench/compare.js [--items 5000] [--offices 30] [--runs 3] [--data bench/data/compare-5k]
//
// The reference comes from bench/generate.js; each local catalogue is a copy whose items diverge the way real
// offices do, chosen by a seeded generator (the same bytes every time): about 2 % renamed, 3 % with a longer
// promise, 3 % with a material renamed (half of them only by a 复印件 note, which matches loosely), 1 % dropped.
// Run by hand; never part of `npm test`. Wall and CPU times and peak memory come from GNU time.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from './random.js';
import { measure, median } from './measure.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '5000' },
    offices: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  process.stdout.write('usage: node bench/compare.js [--items 5000] [--offices 30] [--runs 3] [--data DIR]\n');
  process.exit(0);
}
const ITEMS = Number(args.items);
const OFFICES = Number(args.offices);
const RUNS = Number(args.runs);
const DATA = path.resolve(args.data ?? path.join(ROOT, `bench/data/compare-${ITEMS / 1000}k-${OFFICES}`));
const BIN = path.join(ROOT, 'bin/qingdan.js');
if (!existsSync('/usr/bin/time')) {
  process.stderr.write('bench/compare.js needs GNU time (/usr/bin/time): apt-get install time\n');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// The data: a reference and OFFICES diverging copies.
const random = seededRandom(7);

/** One office's version of a powers file: its items (split at each `  - code:`) changed here and there. */
function diverge(text) {
  const [head, ...items] = text.split(/\n(?= {2}- code: )/);
  const out = [head];
  for (const item of items) {
    const roll = random();
    if (roll < 0.01) continue; // dropped: standard/missing
    let changed = item;
    if (roll < 0.03) changed = changed.replace(/\n {4}name: (.*)/, '\n    name: $1（试行）');
    else if (roll < 0.06) changed = changed.replace(/statutory: (\d+), promised: (\d+)/, (_, s, p) => `statutory: ${Number(s) + 5}, promised: ${Number(p) + 5}`);
    else if (roll < 0.075) changed = changed.replace(/\n {6}- name: ([^\n]+)/, '\n      - name: $1（复印件）');
    else if (roll < 0.09) changed = changed.replace(/\n {6}- name: ([^\n]+)/, '\n      - name: $1及其他证明');
    out.push(changed);
  }
  return out.join('\n');
}

function prepare() {
  const reference = path.join(DATA, 'reference');
  if (!existsSync(path.join(reference, 'qingdan.yaml'))) {
    process.stderr.write(`generating the reference (${ITEMS} items) in ${path.relative(process.cwd(), reference)}\n`);
    const generated = spawnSync(process.execPath, [path.join(ROOT, 'bench/generate.js'), '--powers', String(ITEMS), '--out', reference], { stdio: 'inherit' });
    if (generated.status !== 0) process.exit(2);
  }
  const locals = [];
  for (let n = 1; n <= OFFICES; n++) {
    const local = path.join(DATA, `local-${String(n).padStart(2, '0')}`);
    locals.push(local);
    if (existsSync(path.join(local, 'qingdan.yaml'))) continue;
    rmSync(local, { recursive: true, force: true });
    cpSync(reference, local, { recursive: true });
    const config = path.join(local, 'qingdan.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^region: .*$/m, `region: 第${n}县`));
    for (const file of readdirSync(path.join(local, 'powers'))) {
      const target = path.join(local, 'powers', file);
      writeFileSync(target, diverge(readFileSync(target, 'utf8')));
    }
  }
  return [reference, ...locals];
}

// ---------------------------------------------------------------------------------------------------------------
/** One run of qingdan in the data folder (bench/measure.js times it: wall, CPU of the whole tree, peak RSS). */
async function run(argv) {
  const r = await measure([process.execPath, BIN, ...argv], { cwd: DATA, env: { NO_COLOR: '1' } });
  return { ...r, rssMb: r.rssKb / 1024 };
}

mkdirSync(DATA, { recursive: true });
const roots = prepare().map((root) => path.relative(DATA, root));
const jobs = [
  { id: 'validate', label: `qingdan validate (${roots.length} catalogues)`, argv: ['validate', ...roots, '--format', 'json', '--output', '.validate.json'], ok: [0, 1] },
  { id: 'compare', label: `qingdan compare (1 reference + ${OFFICES} local)`, argv: ['compare', ...roots, '--format', 'json', '--out', '.compare.json'], ok: [0, 1] },
];
const results = new Map(jobs.map((job) => [job.id, []]));
process.stderr.write(`${RUNS} interleaved runs; ${cpus().length} cores; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
for (let round = 0; round < RUNS; round++) {
  for (const job of jobs) {
    const r = await run(job.argv);
    if (!job.ok.includes(r.exit)) {
      process.stderr.write(`${job.label} exited ${r.exit}:\n${r.stderr}\n`);
      process.exit(1);
    }
    results.get(job.id).push(r);
    process.stderr.write(`  ${job.id} run ${round + 1}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.rssMb.toFixed(0)} MiB\n`);
  }
}
const summary = jobs.map((job) => {
  const rs = results.get(job.id);
  return { ...job, wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), rssMb: Math.max(...rs.map((r) => r.rssMb)) };
});
const base = summary[0];
const report = JSON.parse(readFileSync(path.join(DATA, '.compare.json'), 'utf8'));
process.stdout.write(`\n| run | wall (median of ${RUNS}) | CPU | peak RSS | ratio (wall) |\n|---|---:|---:|---:|---:|\n`);
for (const s of summary) process.stdout.write(`| ${s.label} | ${s.wall.toFixed(2)} s | ${s.cpu.toFixed(2)} s | ${s.rssMb.toFixed(0)} MiB | ${(s.wall / base.wall).toFixed(2)} |\n`);
process.stdout.write(`\ncompare found ${report.summary.divergences} divergences on ${report.summary.items} rows (${report.summary.breaking} breaking); load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
