#!/usr/bin/env node
// What each catalogue rule costs: the main thread's CPU time per rule on a freshly loaded catalogue, in fresh
// processes (cold code, as in one `qingdan validate`), alternating between qingdan revisions.
//
//   node bench/rules.js --data CATALOGUE [--runs 6] [--ref main --ref HEAD …]
//
// Run by hand; never part of `npm test`. Without --ref it measures this checkout's dist/ (build first). The time is
// the main thread's own (/proc/thread-self/schedstat, Linux), so V8's helper threads (concurrent marking, the
// optimising compiler) are left out; a full garbage collection runs before the rules, so the loading's garbage is not
// counted against the first rule. The catalogue is loaded by loadCatalogueSync (no workers, no cache).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareQingdan } from './checkout.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    runs: { type: 'string', default: '6' },
    ref: { type: 'string', multiple: true },
    child: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (args.child) {
  // One measurement, in a process of its own: prints { ruleId: milliseconds } as JSON.
  const load = (file) => import(pathToFileURL(path.join(args.child, 'dist', file)).href);
  const { loadCatalogueSync } = await load('catalogue/load.js');
  const { DirectorySource } = await load('catalogue/source.js');
  const { catalogueRules } = await load('rules/index.js');
  const { createRuleContext } = await load('validate.js');
  const threadNanoseconds = () => BigInt(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  const { catalogue } = loadCatalogueSync(new DirectorySource(path.resolve(args.data)));
  const context = createRuleContext(catalogue);
  globalThis.gc();
  const times = {};
  for (const rule of catalogueRules) {
    const started = threadNanoseconds();
    for (const finding of rule.check(context)) void finding;
    times[rule.id] = Number(threadNanoseconds() - started) / 1e6;
  }
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
}

if (args.help || !args.data) {
  process.stdout.write('usage: node bench/rules.js --data CATALOGUE [--runs 6] [--ref REV …]\n');
  process.exit(args.help ? 0 : 2);
}
const checkouts = (args.ref ?? []).length ? args.ref.map((ref) => ({ name: ref, dir: prepareQingdan(ref).dir })) : [{ name: 'this checkout', dir: ROOT }];
const sums = checkouts.map(() => new Map());
for (let run = 0; run < Number(args.runs); run++) {
  checkouts.forEach((checkout, i) => {
    const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', checkout.dir, '--data', args.data], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`${checkout.name}: ${child.stderr}`);
    for (const [id, ms] of Object.entries(JSON.parse(child.stdout))) sums[i].set(id, (sums[i].get(id) ?? 0) + ms);
  });
}
const mean = (i, id) => sums[i].get(id) / Number(args.runs);
const total = (i) => [...sums[i].values()].reduce((a, b) => a + b, 0) / Number(args.runs);
const ids = [...sums[0].keys()].sort((a, b) => mean(0, b) - mean(0, a));
const lines = [`| rule (main-thread CPU, mean of ${args.runs} processes) | ${checkouts.map((c) => c.name).join(' | ')} |`, `|---|${checkouts.map(() => '---:').join('|')}|`];
for (const id of ids) lines.push(`| ${id} | ${checkouts.map((_, i) => `${mean(i, id).toFixed(1)} ms`).join(' | ')} |`);
lines.push(`| **all rules** | ${checkouts.map((_, i) => `**${total(i).toFixed(0)} ms**`).join(' | ')} |`);
process.stdout.write(`${lines.join('\n')}\n`);
