#!/usr/bin/env node
// Time of making the site's search index (buildSearchIndex, as a one-off build makes it) from a catalogue's guides.
//
//   npm run build && node bench/search-index.js CATALOGUE [--rounds 5]
//
// The guides' models are made first (not timed); each round makes the whole index again. Prints each round's time
// (and the process's CPU time meanwhile, V8's compiler and collector threads included) and a digest of the index's JSON, which must not change between commits that only make it faster.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { dist, guidePages, loadCatalogue } from './in-process.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '5' } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/search-index.js CATALOGUE [--rounds 5]\n');
  process.exit(2);
}
const { buildSearchIndex, searchEntry } = await dist('guide/search.js');
const { catalogue } = await loadCatalogue(positionals[0]);
const pages = guidePages(catalogue, catalogue.config.locale ?? 'zh-CN', () => '');
const entries = pages.builder.guidePowers().map((power) => searchEntry(pages.page(power).guide));
for (let round = 1; round <= Number(args.rounds); round++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const index = buildSearchIndex(entries);
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const digest = createHash('sha256').update(JSON.stringify(index)).digest('hex').slice(0, 16);
  console.log(`round ${round}: ${entries.length} items, ${Object.keys(index.grams).length} grams, ${ms.toFixed(0)} ms (CPU ${((user + system) / 1000).toFixed(0)} ms, all threads), index ${digest}`);
}
