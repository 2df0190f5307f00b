#!/usr/bin/env node
// `qingdan serve`'s incremental rebuild, timed from the moment a catalogue file is saved to the moment serve says the
// site is updated, for one or more builds of qingdan alternately (each round starts every binary's serve once and
// makes --edits edits with it), on a copy of CATALOGUE (its powers/d0.yaml is edited: bench/site.js's catalogue).
//
//   node bench/serve-edits.js CATALOGUE [--rounds 2] [--edits 6] [--out DIR] BIN [BIN…]
//   node bench/serve-edits.js /work/scratch/bench4000/catalogue ../before/bin/qingdan.js bin/qingdan.js
//
// --out: where serve writes its site (default: a folder on /dev/shm, so the disk's own noise stays out).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '2' }, edits: { type: 'string', default: '6' }, out: { type: 'string' } },
});
const [source, ...bins] = positionals;
if (!source || bins.length === 0) {
  process.stderr.write('usage: node bench/serve-edits.js CATALOGUE [--rounds N] [--edits N] [--out DIR] BIN [BIN…]\n');
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), 'qingdan-serve-edits-'));
const catalogue = path.join(work, 'catalogue');
cpSync(source, catalogue, { recursive: true });
const file = path.join(catalogue, 'powers/d0.yaml');
const editOne = (from, to) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
const out = args.out ? path.resolve(args.out) : mkdtempSync('/dev/shm/qingdan-serve-edits-');

async function serveEdits(bin, edits) {
  rmSync(out, { recursive: true, force: true });
  const child = spawn(process.execPath, [bin, 'serve', catalogue, '--out', out, '--port', '0'], { env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  let buffer = '';
  let waiting;
  child.stderr.on('data', (chunk) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (waiting?.match.test(line)) {
        const { resolve } = waiting;
        waiting = undefined;
        resolve(line);
      }
    }
  });
  const next = (match) => new Promise((resolve) => (waiting = { match, resolve }));
  await next(/http:\/\/127\.0\.0\.1:\d+/);
  const times = [];
  for (let i = 0; i < edits; i++) {
    const built = next(/已生成网站|^Built /);
    const started = performance.now();
    if (i % 2 === 0) editOne('"管理制度文本"', `"管理制度文本（服务${i}）"`);
    else editOne(`"管理制度文本（服务${i - 1}）"`, '"管理制度文本"');
    await built;
    times.push((performance.now() - started) / 1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill();
  await new Promise((resolve) => child.once('exit', resolve));
  return times;
}

const times = new Map(bins.map((bin) => [bin, []]));
for (let round = 0; round < Number(args.rounds); round++) for (const bin of bins) times.get(bin).push(...(await serveEdits(bin, Number(args.edits))));
for (const [bin, list] of times) {
  list.sort((a, b) => a - b);
  process.stdout.write(`${bin}: median ${list[Math.floor(list.length / 2)].toFixed(2)} s; all ${list.map((t) => t.toFixed(2)).join(' ')}\n`);
}
rmSync(work, { recursive: true, force: true });
if (!args.out) rmSync(out, { recursive: true, force: true });
