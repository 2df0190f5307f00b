#!/usr/bin/env node
// `qingdan fmt --check` on a whole catalogue written as block YAML (as offices keep theirs), for one or more builds of
// qingdan alternately: wall time and CPU time (user + system, all threads) of each run.
//
//   node bench/fmt.js CATALOGUE [--rounds 3] BIN [BIN…]
//   node bench/fmt.js /work/scratch/bench4000/catalogue ../before/bin/qingdan.js bin/qingdan.js
//
// CATALOGUE is copied and every file rewritten as block YAML (bench/site.js writes its catalogue as JSON, which is
// YAML too but not what people write), then formatted once by the last BIN so that --check finds nothing to change:
// the common case, a catalogue that passes in CI. Run by hand; never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import jsYaml from 'js-yaml';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '3' } } });
const [source, ...bins] = positionals;
if (!source || bins.length === 0) {
  process.stderr.write('usage: node bench/fmt.js CATALOGUE [--rounds N] BIN [BIN…]\n');
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), 'qingdan-fmt-bench-'));
const catalogue = path.join(work, 'catalogue');
cpSync(source, catalogue, { recursive: true });
let bytes = 0;
let files = 0;
for (const relative of readdirSync(catalogue, { recursive: true })) {
  const file = path.join(catalogue, relative);
  if (!file.endsWith('.yaml') || !statSync(file).isFile()) continue;
  const text = jsYaml.dump(jsYaml.load(readFileSync(file, 'utf8')), { lineWidth: -1 });
  writeFileSync(file, text);
  bytes += Buffer.byteLength(text);
  files++;
}
const run = (bin, check) => {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, 'fmt', ...(check ? ['--check'] : []), catalogue], { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  const [user, system] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { code: result.status, wall, cpu: user + system };
};
run(bins.at(-1), false);
process.stdout.write(`${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB of block YAML\n`);
for (let round = 1; round <= Number(args.rounds); round++) {
  for (const bin of bins) {
    const { code, wall, cpu } = run(bin, true);
    process.stdout.write(`round ${round}  ${bin}  fmt --check: ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, exit ${code}\n`);
  }
}
rmSync(work, { recursive: true, force: true });
