#!/usr/bin/env node
// The CPU time of `serve`'s incremental rebuilds, in one process: the catalogue is built once with a resident session
// (as `qingdan serve` does), then one item is edited and rebuilt --edits times; each rebuild's CPU time (this
// thread's and any other's, process.cpuUsage) and wall time are printed, then their medians. CPU time is steadier
// than wall time on a busy host, so two builds of qingdan can be compared by it (run them one after the other).
//
//   npm run build && node bench/serve-cpu.js CATALOGUE [--edits 12] [--out DIR]
//
// CATALOGUE is copied (its powers/d0.yaml is edited: bench/site.js's catalogue). Run by hand; never part of `npm test`.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dist, ROOT } from './in-process.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { edits: { type: 'string', default: '12' }, out: { type: 'string' } } });
if (!positionals[0]) {
  process.stderr.write('usage: node bench/serve-cpu.js CATALOGUE [--edits 12] [--out DIR]\n');
  process.exit(2);
}
const { validateAndBuild } = await dist('guide/pipeline.js');
const { SiteSession } = await dist('guide/build.js');
const work = mkdtempSync(path.join(tmpdir(), 'qingdan-serve-cpu-'));
const out = args.out ? path.resolve(args.out) : mkdtempSync('/dev/shm/qingdan-serve-cpu-');
try {
  const catalogue = path.join(work, 'catalogue');
  cpSync(path.resolve(positionals[0]), catalogue, { recursive: true });
  const file = path.join(catalogue, 'powers/d0.yaml');
  const quiet = { write: () => true, isTTY: false };
  const io = { stdout: quiet, stderr: quiet, cwd: ROOT, env: { CI: 'true', NO_COLOR: '1' } };
  const job = { root: catalogue, out, templates: [], incremental: true, toolVersion: 'bench', color: false };
  const session = new SiteSession();
  const first = await validateAndBuild(job, io, session);
  if (!first.ok) throw new Error('the catalogue does not build');
  const edit = (i) => {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, i % 2 === 0 ? text.replace('"管理制度文本"', `"管理制度文本（服务${i}）"`) : text.replace(`"管理制度文本（服务${i - 1}）"`, '"管理制度文本"'));
  };
  const cpu = [];
  const wall = [];
  for (let i = 0; i < Number(args.edits); i++) {
    edit(i);
    const before = process.cpuUsage();
    const started = performance.now();
    const outcome = await validateAndBuild(job, io, session);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    // As serve does once a rebuild is reported: let the replaced files go (not timed).
    await session.trash?.empty();
    if (!outcome.ok || outcome.result.rendered !== 1) throw new Error(`edit ${i + 1}: expected one page rendered`);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  process.stdout.write(`CPU ms: ${cpu.map((t) => t.toFixed(0)).join(' ')}\nwall ms: ${wall.map((t) => t.toFixed(0)).join(' ')}\n`);
  process.stdout.write(`median of ${cpu.length} edits: CPU ${median(cpu).toFixed(0)} ms, wall ${median(wall).toFixed(0)} ms\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
  if (!args.out) rmSync(out, { recursive: true, force: true });
}
