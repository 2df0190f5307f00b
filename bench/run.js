#!/usr/bin/env node
// Times `qingdan validate` against ajv-cli and Spectral (schema only) on the same generated catalogue, in one run.
//
//   node bench/generate.js --powers 100000 --out bench/data/100k
//   node bench/run.js --data bench/data/100k [--runs 3] [--spectral-runs auto|N] [--only ajv,spectral,qingdan,warm]
//                     [--markdown FILE] [--json FILE] [--spectral-max-old-space MB] [--no-sanity] [--qingdan-ref REV]
//
// --qingdan-ref HEAD (or any commit) measures a clean build of that commit (bench/.tools/qingdan-<sha>/) instead of
// this work tree's bin/ and dist/, which may be stale or rebuilt during the run.
//
// Run by hand (it takes minutes at 100k); it is never part of `npm test`. Build qingdan first (`npm run build`).
//
// For every tool: wall time (median of N runs; min–max shown) and peak resident memory. Peak memory is the larger
// of GNU time's %M (the largest single process) and the peak of the summed RSS of the whole process tree, polled
// from /proc every 20 ms, so a tool that forks worker processes is not under-counted. Files are read once before
// timing so that every tool reads from a warm page cache.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync, rmSync, mkdtempSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeAjvSchemas, writeSpectralRuleset } from './schemas.js';
import { prepareQingdan } from './checkout.js';
import { AJV_BIN, NODE, ROOT, TOOLS, ajvArgv as ajvCommand, benchRounds, log } from './measure.js';

const rel = (p) => path.relative(process.cwd(), p) || '.';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'spectral-runs': { type: 'string', default: 'auto' },
    only: { type: 'string', default: 'ajv,spectral,qingdan,warm' },
    markdown: { type: 'string' },
    json: { type: 'string' },
    'spectral-max-old-space': { type: 'string' },
    'no-sanity': { type: 'boolean', default: false },
    'write-ruleset': { type: 'boolean', default: false },
    'qingdan-ref': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const RULESET = path.join(ROOT, 'bench/spectral-ruleset.yaml');
if (args['write-ruleset']) {
  process.stdout.write(writeSpectralRuleset(RULESET) ? `wrote ${rel(RULESET)}\n` : `${rel(RULESET)} is up to date\n`);
  process.exit(0);
}
if (args.help || !args.data) {
  process.stdout.write(
    'usage: node bench/run.js --data DIR [--runs 3] [--spectral-runs auto|N] [--only ajv,spectral,qingdan,warm]\n' +
      '                         [--qingdan-ref REV] [--spectral-max-old-space MB] [--markdown FILE] [--json FILE] [--no-sanity]\n' +
      '       node bench/run.js --write-ruleset\n',
  );
  process.exit(args.help ? 0 : 2);
}
const DATA = path.resolve(args.data);
if (!existsSync(path.join(DATA, 'qingdan.yaml'))) {
  process.stderr.write(`${args.data} has no qingdan.yaml: generate it first, e.g. node bench/generate.js --powers 10000 --out ${args.data}\n`);
  process.exit(2);
}
const RUNS = Number(args.runs);
const ONLY = new Set(args.only.split(',').map((s) => s.trim()));
const SPECTRAL_RUNS = args['spectral-runs'] === 'auto' ? 'auto' : Number(args['spectral-runs']);
/** With --spectral-runs auto, Spectral stops after one run when that run took longer than this. */
const SLOW_SECONDS = 60;

// ---------------------------------------------------------------------------------------------------------------
// The data.
function listCatalogue(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(p);
      } else if (/\.ya?ml$/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
const files = listCatalogue(DATA);
const catalogueFiles = files.filter((f) => f !== path.join(DATA, 'qingdan.yaml'));
// Every file but qingdan.yaml sits one folder below the root (bench/generate.js's layout): one glob names them.
const nested = catalogueFiles.every((f) => path.dirname(path.dirname(f)) === DATA);
if (!nested) {
  log('bench/run.js expects the layout of bench/generate.js (every catalogue file one folder below the root)');
  process.exit(2);
}
// A catalogue made with `generate.js --defects N` says so in qingdan.yaml: qingdan must then report them (exit 1).
const DEFECTS = Number((/^# defects: (\d+)/m.exec(readFileSync(path.join(DATA, 'qingdan.yaml'), 'utf8')) ?? [])[1] ?? 0);
const QINGDAN_EXIT = DEFECTS > 0 ? 1 : 0;
const dataBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
const counts = countEntries(DATA);

function countEntries(dir) {
  const text = (name) => {
    try {
      return readdirSync(path.join(dir, name)).map((f) => readFileSync(path.join(dir, name, f), 'utf8')).join('\n');
    } catch {
      return '';
    }
  };
  const n = (s, re) => (s.match(re) ?? []).length;
  return {
    departments: n(text('departments'), /^ {2}- id: /gm),
    laws: n(text('laws'), /^ {2}- id: /gm),
    powers: n(text('powers'), /^ {2}- code: /gm),
    responsibilities: n(text('responsibilities'), /^ {2}- (power|department): /gm),
    flows: n(text('flows'), /^ {2}- id: /gm),
  };
}


// ---------------------------------------------------------------------------------------------------------------
// The tools and their command lines.
mkdirSync(TOOLS, { recursive: true });

const SPECTRAL_BIN = path.join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const checkout = args['qingdan-ref'] ? prepareQingdan(args['qingdan-ref']) : undefined;
const QINGDAN_BIN = checkout ? checkout.bin : path.join(ROOT, 'bin/qingdan.js');
// ajv-cli and Spectral get the schemas of the qingdan measured: the checkout's with --qingdan-ref (its ruleset then
// goes to bench/.tools/), this repository's otherwise (bench/spectral-ruleset.yaml is rewritten when stale).
const SCHEMAS_DIR = checkout ? path.join(checkout.dir, 'schemas') : undefined;
const ajvSchemas = writeAjvSchemas(path.join(TOOLS, checkout ? `schemas-${checkout.commit}` : 'schemas'), SCHEMAS_DIR);
const RULESET_USED = checkout ? path.join(TOOLS, `spectral-ruleset-${checkout.commit}.yaml`) : RULESET;
if (writeSpectralRuleset(RULESET_USED, SCHEMAS_DIR) && !checkout) log(`note: ${rel(RULESET)} was out of date with schemas/ and has been rewritten (commit it)`);
for (const [bin, what] of [[AJV_BIN, 'ajv-cli'], [SPECTRAL_BIN, '@stoplight/spectral-cli'], [QINGDAN_BIN, 'qingdan']]) {
  if (!existsSync(bin)) {
    log(`${what} not found at ${rel(bin)}: run npm install (and npm run build)`);
    process.exit(2);
  }
}
if (!existsSync(path.join(checkout?.dir ?? ROOT, 'dist/cli/index.js'))) {
  log('dist/ is missing: run npm run build first');
  process.exit(2);
}

// Paths are given relative to the repository root (the tools run with cwd = ROOT), as a user would type them.
const dataRel = path.relative(ROOT, DATA);
const ajvArgv = (dataGlob) => ajvCommand(ajvSchemas.file, dataGlob);
const spectralArgv = (dataGlob) => [NODE, path.relative(ROOT, SPECTRAL_BIN), 'lint', '--ruleset', path.relative(ROOT, RULESET_USED), dataGlob];
const spectralEnv = args['spectral-max-old-space'] ? { NODE_OPTIONS: `--max-old-space-size=${args['spectral-max-old-space']}` } : {};
const qingdanArgv = (dir, extra = []) => [NODE, path.relative(ROOT, QINGDAN_BIN), 'validate', dir, '--format', 'json', '-o', '/dev/null', ...extra];

// Does qingdan have a content-hash cache yet?
const help = spawnSync(NODE, [QINGDAN_BIN, 'validate', '--help'], { encoding: 'utf8', cwd: ROOT });
const helpText = `${help.stdout}${help.stderr}`;
const hasCache = /--cache\b/.test(helpText);
const cacheLocationFlag = (/(--cache-(?:location|dir|file|path))\b/.exec(helpText) ?? [])[1];
const CACHE_DIR = path.join(TOOLS, 'qingdan-cache');
const cacheArgs = hasCache ? ['--cache', ...(cacheLocationFlag ? [cacheLocationFlag, path.relative(ROOT, CACHE_DIR)] : [])] : [];
function clearCache() {
  // Our own location when qingdan takes one; otherwise the places a cache would be put by default.
  for (const p of [CACHE_DIR, ...[ROOT, DATA].flatMap((d) => [path.join(d, '.qingdancache'), path.join(d, '.qingdan-cache')])]) rmSync(p, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Sanity: every tool must fail on a file with schema errors, or its "valid" would mean nothing.
const BAD_FILE = `departments:
  - id: Bad_ID
    name: 测试部门
    level: county
    colour: red
laws:
  - id: law1
    title: 测试法
    kind: law
    effective: "2020-13-45"
powers:
  - code: "x"
    name: 测试事项
    category: licensing
    department: law1
    basis: []
    time_limit: {statutory: 1, promised: 1, unit: weeks}
`;
async function sanity() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qingdan-bench-'));
  try {
    mkdirSync(path.join(dir, 'lists'));
    writeFileSync(path.join(dir, 'qingdan.yaml'), 'name: 测试\n');
    writeFileSync(path.join(dir, 'lists/bad.yaml'), BAD_FILE);
    const checks = [
      ['ajv-cli', ajvArgv(path.join(dir, 'lists/*.yaml'))],
      ['spectral', spectralArgv(path.join(dir, 'lists/*.yaml'))],
      ['qingdan', qingdanArgv(dir)],
    ];
    let ok = true;
    for (const [name, argv] of checks) {
      const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, encoding: 'utf8' });
      const failed = r.status !== 0;
      log(`  sanity: ${name} on a file with schema errors exits ${r.status} ${failed ? '(rejects it, good)' : '(ACCEPTS IT: not validating)'}`);
      ok &&= failed;
    }
    if (!ok) {
      log('a tool accepted invalid data: its timings would be meaningless; fix its set-up first');
      process.exit(2);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
function machine() {
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' }).stdout.trim();
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return '?';
    }
  };
  return {
    cpu: os.cpus()[0]?.model ?? '?',
    nproc: sh('nproc'),
    memory: sh("free -h | awk '/^Mem:/ {print $2}'"),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    qingdan: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    qingdanCommit: checkout ? `${checkout.commit} (clean build of --qingdan-ref ${args['qingdan-ref']})` : sh(`git -C ${JSON.stringify(ROOT)} rev-parse --short HEAD 2>/dev/null`) + (sh(`git -C ${JSON.stringify(ROOT)} status --porcelain -- src 2>/dev/null`) ? ' (+ uncommitted src changes)' : ''),
    distStale: !checkout && newest(path.join(ROOT, 'src')) > newest(path.join(ROOT, 'dist')),
    loadBefore: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    ajvCli: version('ajv-cli'),
    ajv: version('ajv'),
    spectral: version('@stoplight/spectral-cli'),
  };
}

/** The newest modification time of any file below dir (0 when missing). */
function newest(dir) {
  let latest = 0;
  const walk = (d) => {
    let entries = [];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else latest = Math.max(latest, statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return latest;
}

const mib = (kb) => `${(kb / 1024).toFixed(0)} MiB`;
const secs = (s) => (s >= 100 ? `${s.toFixed(0)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`);

function report(env, results) {
  const by = Object.fromEntries(results.map((r) => [r.id, r]));
  const lines = [];
  lines.push(`Data: \`${rel(DATA)}\` — ${files.length} files, ${(dataBytes / 1048576).toFixed(1)} MiB; ${counts.departments} departments, ${counts.laws} laws, ${counts.powers} powers, ${counts.responsibilities} responsibility entries, ${counts.flows} flows${DEFECTS ? `; ${DEFECTS} injected defects that only qingdan's rules see (qingdan exits 1 and reports each with its position)` : ''}.`);
  lines.push(`Machine: ${env.cpu}, ${env.nproc} CPUs, ${env.memory} RAM, ${env.os}; Node ${env.node}. qingdan ${env.qingdan} @ ${env.qingdanCommit}; ajv-cli ${env.ajvCli} (ajv ${env.ajv}); Spectral CLI ${env.spectral}. Load average (1/5/15 min) before: ${env.loadBefore}; after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.${env.distStale ? ' **dist/ was older than src/: run `npm run build` for current numbers.**' : ''}`);
  lines.push('');
  lines.push('| run | runs | wall (median) | wall min–max | CPU user+sys (median) | peak RSS | exit |');
  lines.push('|---|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    const exit = r.ok ? (r.exits[0] === 0 ? '0' : String(r.exits[0])) : `**${r.exits.at(-1)}**`;
    const dash = '—';
    lines.push(`| ${r.label} | ${r.runs} | ${r.runs ? secs(r.wall) : dash} | ${r.runs ? `${secs(r.wallMin)}–${secs(r.wallMax)}` : dash} | ${r.runs && Number.isFinite(r.cpu) ? secs(r.cpu) : dash} | ${r.runs ? mib(r.rssKb) : dash} | ${r.runs ? exit : r.note} |`);
  }
  const notes = results.filter((r) => r.note && r.runs);
  if (notes.length) {
    lines.push('');
    for (const r of notes) lines.push(`- ${r.label}: ${r.note}`);
  }
  lines.push('');
  lines.push(`| goal (stated for 100k powers; this run: ${counts.powers}) | target | measured | met? |`);
  lines.push('|---|---|---|---|');
  const cold = by.qingdan;
  // Goals are stated for the 100k catalogue; at other sizes the same ratios are shown for orientation.
  const goal = (label, target, a, b, limit, unit) => {
    if (!a?.runs || !b?.runs || !a.ok || !b.ok) {
      lines.push(`| ${label} | ${target} | ${!a?.runs && a?.note ? a.note : 'not measured'} | — |`);
      return;
    }
    if (unit === 'rss') {
      const ratio = a.rssKb / b.rssKb;
      lines.push(`| ${label} | ${target} | ${ratio.toFixed(3)}× (${mib(a.rssKb)} vs ${mib(b.rssKb)}) | ${ratio <= limit ? 'yes' : '**no**'} |`);
      return;
    }
    // Medians decide; the ratio of the best runs is shown too, as the estimate least disturbed by other load.
    const ratio = a.wall / b.wall;
    const best = a.wallMin / b.wallMin;
    const shown = `${ratio.toFixed(3)}× median (${secs(a.wall)} vs ${secs(b.wall)}); ${best.toFixed(3)}× best (${secs(a.wallMin)} vs ${secs(b.wallMin)})`;
    const met = ratio <= limit ? 'yes' : '**no**';
    lines.push(`| ${label} | ${target} | ${shown} | ${met}${(best <= limit) !== (ratio <= limit) ? ` (best runs: ${best <= limit ? 'yes' : 'no'})` : ''} |`);
  };
  goal('cold wall time ≤ ajv-cli', '≤ 1×', cold, by.ajv, 1, 'wall');
  goal('cold wall time ≤ 0.1× Spectral', '≤ 0.1×', cold, by.spectral, 0.1, 'wall');
  goal('peak memory ≤ 0.25× Spectral', '≤ 0.25×', cold, by.spectral, 0.25, 'rss');
  goal('warm re-run (one file touched) ≤ 0.25× ajv-cli', '≤ 0.25×', by.warm, by.ajv, 0.25, 'wall');
  lines.push('');
  lines.push('Commands (run from the repository root):');
  lines.push('');
  lines.push('```sh');
  for (const r of results) if (r.command) lines.push(`# ${r.label}\n${r.command.replace(NODE, 'node')}`);
  lines.push('```');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
async function main() {
  const env = machine();
  log(`data: ${rel(DATA)} (${files.length} files, ${(dataBytes / 1048576).toFixed(1)} MiB, ${counts.powers} powers)`);
  log(`qingdan --cache: ${hasCache ? `available${cacheLocationFlag ? ` (${cacheLocationFlag})` : ''}` : 'not yet available'}`);
  if (!args['no-sanity']) await sanity();
  // Warm the page cache so that no tool pays for the first read from disk.
  for (const f of files) readFileSync(f);

  const dataGlob = `${dataRel}/*/*.yaml`;
  const jobs = [];
  if (ONLY.has('ajv')) jobs.push({ id: 'ajv', label: 'ajv-cli (schema only; catalogue files, not qingdan.yaml)', argv: ajvArgv(dataGlob), runs: RUNS });
  if (ONLY.has('qingdan')) {
    jobs.push({ id: 'qingdan', label: 'qingdan validate, cold (all rules, no cache)', argv: qingdanArgv(dataRel), runs: RUNS, prepare: clearCache, expectExit: QINGDAN_EXIT });
    if (hasCache) jobs.push({ id: 'qingdanCacheCold', label: 'qingdan validate --cache, empty cache (writes it)', argv: qingdanArgv(dataRel, cacheArgs), runs: RUNS, prepare: clearCache, expectExit: QINGDAN_EXIT });
  }
  let touched;
  let original;
  if (ONLY.has('warm') && hasCache) {
    // One powers file in the middle; each run appends a different comment, so the file's content hash changes.
    const powersFiles = catalogueFiles.filter((f) => f.includes(`${path.sep}powers${path.sep}`));
    touched = powersFiles[Math.floor(powersFiles.length / 2)];
    original = readFileSync(touched);
    const warmCache = path.join(TOOLS, 'qingdan-cache-warm');
    const warmArgs = ['--cache', ...(cacheLocationFlag ? [cacheLocationFlag, path.relative(ROOT, warmCache)] : [])];
    let primed = false;
    jobs.push({
      id: 'warm',
      label: `qingdan validate --cache, warm (\`${path.relative(DATA, touched)}\` touched)`,
      argv: qingdanArgv(dataRel, warmArgs),
      runs: RUNS,
      expectExit: QINGDAN_EXIT,
      prepare: (round) => {
        if (!cacheLocationFlag) {
          // Without a location flag the cache sits in a default place that the cold runs clear: prime it again.
          clearCache();
          primed = false;
        }
        if (!primed) {
          if (cacheLocationFlag) rmSync(warmCache, { recursive: true, force: true });
          const r = spawnSync(NODE, qingdanArgv(dataRel, warmArgs).slice(1), { cwd: ROOT });
          log(`  warm: primed the cache (exit ${r.status})`);
          primed = true;
        }
        appendFileSync(touched, `# bench: touched (${round + 1})\n`);
      },
    });
  } else if (ONLY.has('warm')) {
    log('qingdan warm re-run: not yet available (`qingdan validate --help` has no --cache)');
  }
  let results = [];
  const restore = () => {
    if (touched) writeFileSync(touched, original);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      restore();
      process.exit(130);
    });
  }
  try {
    if (jobs.length) {
      log(`${jobs.map((j) => j.id).join(', ')}: ${RUNS} interleaved round(s) …`);
      results = await benchRounds(jobs);
    }
  } finally {
    restore();
  }
  if (ONLY.has('warm') && !hasCache) {
    results.push({ id: 'warm', label: 'qingdan validate --cache, warm (one file touched)', runs: 0, note: 'not yet available: `qingdan validate --help` has no --cache', ok: false, exits: [] });
  }
  if (ONLY.has('spectral')) {
    // Spectral last and on its own: at 100k it runs for many minutes.
    const runs = SPECTRAL_RUNS === 'auto' ? RUNS : SPECTRAL_RUNS;
    log(`spectral: up to ${runs} run(s) …`);
    const [r] = await benchRounds([{ id: 'spectral', label: 'Spectral (schema only; catalogue files)', argv: spectralArgv(dataGlob), runs, env: spectralEnv, stopWhenSlowerThan: SPECTRAL_RUNS === 'auto' ? SLOW_SECONDS : undefined }]);
    if (args['spectral-max-old-space']) r.command = `NODE_OPTIONS=--max-old-space-size=${args['spectral-max-old-space']} ${r.command}`;
    results.push(r);
  }

  const md = report(env, results);
  process.stdout.write(`${md}\n`);
  if (args.markdown) writeFileSync(args.markdown, `${md}\n`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ date: new Date().toISOString(), data: rel(DATA), files: files.length, bytes: dataBytes, counts, machine: env, results }, null, 2)}\n`);
}

await main();
