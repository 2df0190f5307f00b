#!/usr/bin/env node
// The guide pages' flowcharts of a catalogue drawn in one process, timed per thousand: shows how much of drawing
// is V8 warming up (compiling, recompiling after deoptimisations) and what a drawing costs once it has.
//
//   npm run build && node bench/site.js --runs 1 --keep      # prints the catalogue's folder
//   node bench/site-drawings.js /tmp/qingdan-site-bench-XXXX/catalogue
//
// Run by hand; never part of `npm test`.
import { dist, guidePages, loadCatalogue } from './in-process.js';

const { drawFlow } = await dist('guide/drawing.js');

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node bench/site-drawings.js CATALOGUE\n');
  process.exit(2);
}
const validated = await loadCatalogue(folder);
const pages = guidePages(validated.catalogue, 'zh-CN');
const models = pages.builder.guidePowers().flatMap((power) => pages.flowModelOf(power) ?? []);
const before = process.cpuUsage();
for (let start = 0; start < models.length; start += 1000) {
  const started = performance.now();
  for (const model of models.slice(start, start + 1000)) drawFlow(model);
  process.stdout.write(`flows ${start}–${Math.min(start + 1000, models.length) - 1}: ${(performance.now() - started).toFixed(0)} ms\n`);
}
const used = process.cpuUsage(before);
process.stdout.write(`${models.length} drawings: ${(used.user / 1e6).toFixed(2)} s user, ${(used.system / 1e6).toFixed(2)} s system CPU (all threads, drawing only)\n`);
