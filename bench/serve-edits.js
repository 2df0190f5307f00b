#!/usr/bin/env node
// `qingdan serve`'s incremental rebuild, timed from the moment a catalogue file is saved to the moment serve says the
// site is updated, for one or more builds of qingdan alternately (each round starts every binary's serve once and
// makes --edits edits with it), on a copy of CATALOGUE (its powers/d0.yaml is edited: bench/site.js's catalogue).
//
//   node bench/serve-edits.js CATALOGUE [--rounds 2] [--edits 6] [--out DIR] BIN [BIN…]
//   node bench/serve-edits.js /work/scratch/bench4000/catalogue ../before/bin/qingdan.js bin/qingdan.js
//
// --out: where serve writes its site (default: a folder on /dev/shm, so the disk's own noise stays out).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { timeServeEdits } from './serve-timing.js';

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
const out = args.out ? path.resolve(args.out) : mkdtempSync('/dev/shm/qingdan-serve-edits-');

const times = new Map(bins.map((bin) => [bin, []]));
for (let round = 0; round < Number(args.rounds); round++) {
  for (const bin of bins) {
    const edits = await timeServeEdits({ bin, catalogue, file, out, edits: Number(args.edits) });
    times.get(bin).push(...edits.map((edit) => edit.wall));
  }
}
for (const [bin, list] of times) {
  list.sort((a, b) => a - b);
  process.stdout.write(`${bin}: median ${list[Math.floor(list.length / 2)].toFixed(2)} s; all ${list.map((t) => t.toFixed(2)).join(' ')}\n`);
}
rmSync(work, { recursive: true, force: true });
if (!args.out) rmSync(out, { recursive: true, force: true });
