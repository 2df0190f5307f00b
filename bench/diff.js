#!/usr/bin/env node
// Times `qingdan diff` between two revisions of a generated catalogue against ajv-cli validating the same catalogue,
// in one run (issue 3: diff of two 100k-item revisions with 1 % of items changed, ≤ 1.5 × ajv-cli's wall time).
//
//   node bench/generate.js --powers 100000 --out bench/data/100k
//   node bench/diff.js --data bench/data/100k [--runs 1] [--items 1000] [--files 200] [--seed 1]
//                      [--qingdan-ref REV] [--markdown FILE] [--rebuild]     (--runs 0: make and check the repository only)
//
// It builds a git repository (bench/.tools/diff-repo-…, reused while its recipe is the same; --rebuild makes it
// again) whose first commit is the catalogue as generated and whose second commit changes --items powers, spread over
// --files powers files (default: a fifth of them; --files all picks items uniformly from the whole catalogue):
// shortened promised time limits, removed materials, renamed items, a few cancelled items and a few added ones.
// Before timing, one untimed diff must report exactly those changes, so the timed runs do the work they claim to.
// Then ajv-cli (as bench/run.js runs it) and `qingdan diff HEAD~1..HEAD` alternate in --runs rounds.
//
// Run by hand (minutes at 100k); never part of `npm test`. Build qingdan first (`npm run build`).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeAjvSchemas } from './schemas.js';
import { prepareQingdan } from './checkout.js';
import { NODE, ROOT, TOOLS, ajvArgv, benchRounds, log } from './measure.js';
import { seededRandom } from './random.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    runs: { type: 'string', default: '1' },
    items: { type: 'string' },
    files: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'qingdan-ref': { type: 'string' },
    markdown: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help || !args.data) {
  process.stdout.write('usage: node bench/diff.js --data DIR [--runs 1] [--items N (1 % of powers)] [--files N|all] [--seed 1] [--qingdan-ref REV] [--markdown FILE] [--rebuild]\n');
  process.exit(args.help ? 0 : 2);
}
const DATA = path.resolve(args.data);
if (!existsSync(path.join(DATA, 'qingdan.yaml'))) {
  log(`${args.data} has no qingdan.yaml: generate it first, e.g. node bench/generate.js --powers 10000 --out ${args.data}`);
  process.exit(2);
}
const rel = (p) => path.relative(process.cwd(), p) || '.';

// ---------------------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32, as bench/generate.js), so the same options give the same revision.
const random = seededRandom(args.seed);
function shuffled(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// The revision: edits on the YAML text of bench/generate.js's layout (an item starts with `  - code: "…"`, its
// fields are indented four spaces, a material starts with `      - name:`).
const powersDir = path.join(DATA, 'powers');
const powerFiles = readdirSync(powersDir).filter((f) => f.endsWith('.yaml')).sort();
const texts = new Map(powerFiles.map((f) => [f, readFileSync(path.join(powersDir, f), 'utf8')]));

/** A file's text as its header and one block of lines per item. */
function itemsOf(text) {
  const lines = text.split('\n');
  const header = [];
  const items = [];
  for (const line of lines) {
    if (line.startsWith('  - code: ')) items.push([line]);
    else if (items.length) items.at(-1).push(line);
    else header.push(line);
  }
  return { header, items };
}
const fieldAt = (item, name) => item.findIndex((line) => line.startsWith(`    ${name}:`));
const isActive = (item) => fieldAt(item, 'status') < 0 || item[fieldAt(item, 'status')] === '    status: active';
const codeOf = (item) => JSON.parse(item[0].slice('  - code: '.length));
const allCodes = new Set();
let totalPowers = 0;
for (const text of texts.values()) {
  for (const item of itemsOf(text).items) {
    allCodes.add(codeOf(item));
    totalPowers++;
  }
}
const ITEMS = args.items ? Number(args.items) : Math.round(totalPowers / 100);
const FILES = args.files === 'all' ? 'all' : args.files ? Number(args.files) : Math.max(1, Math.round(powerFiles.length / 5));

function rename(line, suffix) {
  const value = line.slice('    name: '.length);
  const name = value.startsWith('"') ? JSON.parse(value) : value;
  return `    name: ${JSON.stringify(name + suffix)}`;
}

/** Edit kinds and their shares of the changed items; each returns the change class it should produce, or undefined. */
const EDITS = [
  [
    'time/promised-shortened',
    0.45,
    (item) => {
      const at = fieldAt(item, 'time_limit');
      const m = at >= 0 ? /promised: (\d+)/.exec(item[at]) : null;
      if (!m || Number(m[1]) < 1) return false;
      item[at] = item[at].replace(/promised: \d+/, `promised: ${Math.floor(Number(m[1]) * 0.6)}`);
      return true;
    },
  ],
  [
    'material/removed',
    0.3,
    (item) => {
      // Only the materials block: special procedures and fees are lists of `- name:` entries too.
      const from = fieldAt(item, 'materials');
      if (from < 0) return false;
      let to = from + 1;
      while (to < item.length && item[to].startsWith('      ')) to++;
      const starts = item.slice(from + 1, to).flatMap((line, i) => (line.startsWith('      - name: ') ? [from + 1 + i] : []));
      if (starts.length < 2) return false;
      const which = 1 + Math.floor(random() * (starts.length - 1));
      let end = starts[which] + 1;
      while (end < item.length && item[end].startsWith('        ')) end++;
      item.splice(starts[which], end - starts[which]);
      return true;
    },
  ],
  [
    'power/renamed',
    0.15,
    (item) => {
      const at = fieldAt(item, 'name');
      item[at] = rename(item[at], '（调整）');
      return true;
    },
  ],
  [
    'power/cancelled',
    0.05,
    (item) => {
      const status = fieldAt(item, 'status');
      const lines = ['    status: cancelled', '    status_since: "2026-11-01"', '    status_note: 根据示例省人民政府关于取消一批行政权力事项的决定取消'];
      if (status >= 0) item.splice(status, 1, ...lines);
      else item.splice(fieldAt(item, 'basis'), 0, ...lines);
      return true;
    },
  ],
  [
    'power/added',
    0.05,
    (item, added) => {
      // A new item beside this one: a fresh code, another name, the same shape.
      const code = codeOf(item);
      let serial = Number(code.slice(-4));
      let fresh;
      do fresh = `${code.slice(0, -4)}${String(++serial % 10000).padStart(4, '0')}`;
      while (allCodes.has(fresh));
      allCodes.add(fresh);
      const copy = item.map((line) => (line.includes(code) ? line.split(code).join(fresh) : line));
      const at = fieldAt(copy, 'name');
      copy[at] = rename(copy[at], '（新设）');
      added.push(copy);
      return true;
    },
  ],
];

const RENAME = EDITS.find(([id]) => id === 'power/renamed');

function pickEdit() {
  let r = random();
  for (const edit of EDITS) {
    if ((r -= edit[1]) < 0) return edit;
  }
  return EDITS[0];
}

/** The changed files' new text, and how many changes of each class the diff must report. */
function makeRevision() {
  // Which items: `per file` items in each of FILES files, or ITEMS items drawn from the whole catalogue.
  const slots = [];
  if (FILES === 'all') {
    for (const file of powerFiles) itemsOf(texts.get(file)).items.forEach((_, index) => slots.push([file, index]));
  } else {
    const files = shuffled(powerFiles).slice(0, FILES);
    const perFile = Math.ceil(ITEMS / files.length);
    for (const file of files) {
      const count = itemsOf(texts.get(file)).items.length;
      shuffled([...Array(count).keys()]).slice(0, perFile * 3).forEach((index) => slots.push([file, index]));
    }
  }
  const byFile = new Map();
  const expected = {};
  let changed = 0;
  const perFileLimit = FILES === 'all' ? Infinity : Math.ceil(ITEMS / FILES);
  const taken = new Map();
  for (const [file, index] of FILES === 'all' ? shuffled(slots) : slots) {
    if (changed >= ITEMS) break;
    if ((taken.get(file) ?? 0) >= perFileLimit) continue;
    if (!byFile.has(file)) byFile.set(file, { ...itemsOf(texts.get(file)), added: [] });
    const parsed = byFile.get(file);
    const item = parsed.items[index];
    // Only items in force, and not sub-items: their time limits follow the parent's, which would blur the count.
    if (!isActive(item) || fieldAt(item, 'parent') >= 0) continue;
    let [classId, , edit] = pickEdit();
    // An item the edit does not fit (no second material, nothing left to shorten) is renamed instead.
    if (!edit(item, parsed.added)) {
      [classId, , edit] = RENAME;
      edit(item);
    }
    expected[classId] = (expected[classId] ?? 0) + 1;
    taken.set(file, (taken.get(file) ?? 0) + 1);
    changed++;
  }
  const out = new Map();
  for (const [file, parsed] of byFile) {
    // The file's trailing newline stays the last line, after any added items.
    const last = parsed.items.at(-1);
    const tail = last && last.at(-1) === '' ? last.pop() : undefined;
    const lines = [...parsed.header, ...parsed.items.flat(), ...parsed.added.flat()];
    if (tail !== undefined) lines.push(tail);
    if (taken.get(file)) out.set(file, lines.join('\n'));
  }
  return { files: out, expected, changed };
}

// ---------------------------------------------------------------------------------------------------------------
// The repository.
const git = (cwd, ...gitArgs) =>
  execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...gitArgs], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: cwd },
  });

const recipe = { data: DATA, bytes: statSync(path.join(powersDir, powerFiles[0])).size, powerFiles: powerFiles.length, items: ITEMS, files: FILES, seed: args.seed, version: 2 };
const REPO = path.join(TOOLS, `diff-repo-${path.basename(DATA)}-${ITEMS}-${FILES}-${args.seed}`);
const RECIPE_FILE = path.join(REPO, '.git', 'qingdan-bench.json');

function buildRepository() {
  const started = Date.now();
  const revision = makeRevision();
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  git(REPO, 'init', '-q');
  cpSync(DATA, REPO, { recursive: true, filter: (src) => !path.basename(src).startsWith('.') || src === DATA });
  git(REPO, 'add', '-A');
  git(REPO, 'commit', '-q', '-m', 'base: the catalogue as generated');
  for (const [file, text] of revision.files) writeFileSync(path.join(REPO, 'powers', file), text);
  git(REPO, 'commit', '-q', '-a', '-m', `revision: ${revision.changed} items changed in ${revision.files.size} files`);
  const built = { ...recipe, changedFiles: revision.files.size, expected: revision.expected, changed: revision.changed };
  writeFileSync(RECIPE_FILE, `${JSON.stringify(built, null, 2)}\n`);
  log(`built ${rel(REPO)} in ${((Date.now() - started) / 1000).toFixed(0)} s: ${revision.changed} items changed in ${revision.files.size} powers files`);
  return built;
}

function repository() {
  if (!args.rebuild && existsSync(RECIPE_FILE)) {
    const stored = JSON.parse(readFileSync(RECIPE_FILE, 'utf8'));
    if (Object.entries(recipe).every(([key, value]) => stored[key] === value)) {
      log(`reusing ${rel(REPO)} (${stored.changed} items changed in ${stored.changedFiles} powers files; --rebuild to make it again)`);
      return stored;
    }
  }
  return buildRepository();
}

// ---------------------------------------------------------------------------------------------------------------
const checkout = args['qingdan-ref'] ? prepareQingdan(args['qingdan-ref']) : undefined;
const QINGDAN_BIN = checkout ? checkout.bin : path.join(ROOT, 'bin/qingdan.js');
const ajvSchemas = writeAjvSchemas(path.join(TOOLS, checkout ? `schemas-${checkout.commit}` : 'schemas'), checkout ? path.join(checkout.dir, 'schemas') : undefined);
const diffArgv = (extra) => [NODE, QINGDAN_BIN, 'diff', 'HEAD~1..HEAD', '--fail-on', 'none', ...extra];

/** One untimed diff: it must report exactly the changes made, or the timings would not mean what they say. */
function check(built) {
  const out = path.join(TOOLS, `diff-check-${process.pid}.json`);
  const r = spawnSync(NODE, diffArgv(['-f', 'json', '-o', out]).slice(1), { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) {
    log(`qingdan diff exited ${r.status}: ${r.stderr.trim().split('\n').slice(-5).join(' / ')}`);
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const found = {};
  for (const change of report.changes) found[change.classId] = (found[change.classId] ?? 0) + 1;
  const keys = [...new Set([...Object.keys(found), ...Object.keys(built.expected)])].sort();
  const wrong = keys.filter((key) => found[key] !== built.expected[key]);
  log(`check: ${keys.map((key) => `${key} ${found[key] ?? 0}${found[key] !== built.expected[key] ? ` (expected ${built.expected[key] ?? 0})` : ''}`).join(', ')}`);
  if (wrong.length) {
    log('the diff does not report the changes made: fix the revision or qingdan before timing');
    process.exit(2);
  }
}

const secs = (s) => (s >= 100 ? `${s.toFixed(0)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`);
const mib = (kb) => `${(kb / 1024).toFixed(0)} MiB`;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

async function main() {
  const built = repository();
  const loadBefore = load();
  check(built);
  // Warm the page cache for ajv-cli as for git's pack files (read by the check above).
  for (const dir of readdirSync(DATA, { withFileTypes: true })) {
    if (dir.isDirectory()) for (const f of readdirSync(path.join(DATA, dir.name))) readFileSync(path.join(DATA, dir.name, f));
  }
  const runs = Number(args.runs);
  if (runs === 0) return; // --runs 0: make and check the repository only
  const ajv = { id: 'ajv', label: 'ajv-cli (schema only, the base catalogue)', argv: ajvArgv(ajvSchemas.file, `${path.relative(ROOT, DATA)}/*/*.yaml`), runs };
  const diff = { id: 'diff', label: `qingdan diff HEAD~1..HEAD (${built.changed} items changed in ${built.changedFiles} files)`, argv: diffArgv(['-f', 'json', '-o', '/dev/null']), runs, cwd: REPO };
  log(`ajv, diff: ${runs} interleaved round(s) … (load average before: ${loadBefore})`);
  const results = await benchRounds([ajv, diff]);
  const loadAfter = load();

  const [a, d] = results;
  const lines = [];
  const commit = checkout ? checkout.commit : spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  lines.push(`Data: \`${rel(DATA)}\`, ${totalPowers} powers; revision: ${built.changed} items changed in ${built.changedFiles} of ${powerFiles.length} powers files (${Object.entries(built.expected).map(([k, v]) => `${k} ${v}`).join(', ')}). qingdan @ ${commit}${checkout ? ' (clean build)' : ''}; Node ${process.version}; ${os.cpus().length} CPUs. Load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}.`);
  lines.push('');
  lines.push('| run | runs | wall (median) | wall min–max | CPU user+sys (median) | peak RSS |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const r of results) lines.push(`| ${r.label} | ${r.runs} | ${secs(r.wall)} | ${secs(r.wallMin)}–${secs(r.wallMax)} | ${secs(r.cpu)} | ${mib(r.rssKb)} |`);
  lines.push('');
  if (a.ok && d.ok) {
    const ratio = d.wall / a.wall;
    lines.push(`diff / ajv-cli: ${ratio.toFixed(2)}× wall (median; goal ≤ 1.5×: ${ratio <= 1.5 ? 'met' : '**not met**'}), ${(d.wallMin / a.wallMin).toFixed(2)}× best runs, ${(d.cpu / a.cpu).toFixed(2)}× CPU.`);
  } else {
    for (const r of results) if (r.note) lines.push(`- ${r.label}: ${r.note}`);
  }
  lines.push('');
  lines.push('```sh');
  lines.push(`# ${a.label}\n${a.command.replace(NODE, 'node')}`);
  lines.push(`# ${d.label}\n(cd ${rel(REPO)} && ${d.command.replace(NODE, 'node')})`);
  lines.push('```');
  const md = lines.join('\n');
  process.stdout.write(`${md}\n`);
  if (args.markdown) writeFileSync(args.markdown, `${md}\n`);
}

await main();
