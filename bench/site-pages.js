#!/usr/bin/env node
// The guide pages of a catalogue rendered in one process with a stand-in flowchart, timed per round: what the
// templates (Handlebars, our helpers) cost apart from drawing, planning and writing.
//
//   npm run build && node bench/site.js --runs 1 --keep      # prints the catalogue's folder
//   node bench/site-pages.js /tmp/qingdan-site-bench-XXXX/catalogue [--rounds 3] [--locale en] [--handlebars]
//
// --handlebars: Handlebars' runtime makes the pages instead of the direct templates (src/guide/direct.ts).
//
// Run by hand; never part of `npm test`.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { guidePages, loadCatalogue } from './in-process.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '3' }, locale: { type: 'string', default: 'zh-CN' }, handlebars: { type: 'boolean', default: false } } });
if (!positionals[0]) {
  process.stderr.write('usage: node bench/site-pages.js CATALOGUE [--rounds 3] [--locale en] [--handlebars]\n');
  process.exit(2);
}
const validated = await loadCatalogue(positionals[0]);
// One fixed drawing stands in for every flowchart: only the templates are timed.
const pages = guidePages(validated.catalogue, args.locale, () => '<svg></svg>', !args.handlebars);
const planned = pages.builder.guidePowers().map((power) => pages.page(power));
for (let round = 0; round < Number(args.rounds); round++) {
  const hash = createHash('sha256');
  const before = process.cpuUsage();
  const started = performance.now();
  for (const page of planned) hash.update(page.render());
  const used = process.cpuUsage(before);
  process.stdout.write(`round ${round + 1}: ${planned.length} pages in ${(performance.now() - started).toFixed(0)} ms wall, ${((used.user + used.system) / 1e3).toFixed(0)} ms CPU (all threads); pages hash ${hash.digest('hex').slice(0, 16)}\n`);
}
