#!/usr/bin/env node
// Hashes of every flowchart's SVG, for checking that a change to the drawing code keeps every byte: run it before
// and after, and compare the two files.
//
//   npm run build && node bench/flow-hashes.js lists /work/scratch/bench4000/catalogue > before.txt
//   … change, npm run build …
//   node bench/flow-hashes.js lists /work/scratch/bench4000/catalogue > after.txt && cmp before.txt after.txt
//
// For each catalogue and locale (zh-CN, en): the site's drawing of every guide page's flow (`drawFlow`, inline SVG),
// the same from the model as the drawing worker gets it (through JSON), and the `qingdan flow` drawing of every flow in the catalogue (`renderSvg`). Then the stress and seeded random
// flows of test/flow/synthetic.ts (loops, skipping arrows, many lanes, labels), which the catalogues lack; that
// file is TypeScript, so it is compiled here (into a temporary folder) with the project's tsc. One line per set with its count and a digest over all its SVGs,
// and with --each a line per flow. Run by hand; never part of `npm test`.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, dist, guidePages, loadCatalogue } from './in-process.js';

const { drawFlow } = await dist('guide/drawing.js');
const flowModel = await dist('flow/model.js');
const { describeFlow, flowInput } = flowModel;
// How the drawing worker gets its models: through JSON (and, where it exists, modelFromJson).
const throughJson = (model) => (flowModel.modelFromJson ?? ((parsed) => parsed))(JSON.parse(JSON.stringify(model)));
const { layoutFlow } = await dist('flow/layout.js');
const { renderSvg } = await dist('flow/svg.js');

const { values: args, positionals: folders } = parseArgs({
  allowPositionals: true,
  options: { each: { type: 'boolean', default: false }, random: { type: 'string', default: '2000' } },
});
const LOCALES = ['zh-CN', 'en'];

const sha = (text) => createHash('sha256').update(text).digest('hex');

function report(name, drawings) {
  const all = createHash('sha256');
  for (const [id, svg] of drawings) {
    const hash = sha(svg);
    all.update(`${id}\0${hash}\n`);
    if (args.each) process.stdout.write(`${name} ${id} ${hash}\n`);
  }
  process.stdout.write(`${name}: ${drawings.length} flows ${all.digest('hex')}\n`);
}

for (const folder of folders) {
  const { catalogue, findings } = await loadCatalogue(folder);
  const invalid = new Set(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.file));
  for (const locale of LOCALES) {
    const pages = guidePages(catalogue, locale);
    const models = pages.builder.guidePowers().flatMap((power) => pages.flowModelOf(power) ?? []);
    report(`${folder} ${locale} site`, models.map((model) => [model.id, drawFlow(model)]));
    report(`${folder} ${locale} site, worker`, models.map((model) => [model.id, drawFlow(throughJson(model))]));
    const flows = [...catalogue.flowById.values()].filter((entry) => !invalid.has(entry.file));
    report(`${folder} ${locale} flow`, flows.map((entry) => [entry.value.id, renderSvg(layoutFlow(describeFlow(flowInput(catalogue, entry.value, locale))))]));
  }
}

const compiled = mkdtempSync(path.join(os.tmpdir(), 'qingdan-flow-hashes-'));
// Its imports from src/ are types only, so the compiled module stands alone.
execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['test/flow/synthetic.ts', '--ignoreConfig', '--noCheck', '--outDir', compiled, '--rootDir', '.', '--module', 'esnext', '--target', 'es2022', '--moduleResolution', 'bundler'], { cwd: ROOT });
const synthetic = await import(path.join(compiled, 'test/flow/synthetic.js'));
rmSync(compiled, { recursive: true });
const flows = [...Object.values(synthetic.STRESS)];
for (let seed = 1; seed <= Number(args.random); seed++) flows.push(synthetic.randomFlow(seed));
for (const locale of LOCALES) {
  report(`synthetic ${locale}`, flows.map((flow) => [flow.id, renderSvg(layoutFlow(describeFlow(synthetic.input(flow, locale))))]));
}
