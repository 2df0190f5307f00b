#!/usr/bin/env node
// Where qingdan's time goes: runs `qingdan validate` under `node --cpu-prof` and sums self time by function and by
// area (YAML parsing, schema validation, rules, positions, GC …), over the main thread and any worker threads.
//
//   node bench/profile.js --data bench/data/10k [--top 25] [--keep DIR] [--qingdan-ref HEAD] [-- extra qingdan flags]
//
// Run by hand; never part of `npm test`. Build first (`npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { prepareQingdan } from './checkout.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    top: { type: 'string', default: '25' },
    keep: { type: 'string' },
    from: { type: 'string' },
    'qingdan-ref': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help || (!args.data && !args.from)) {
  process.stdout.write('usage: node bench/profile.js --data DIR [--top 25] [--keep DIR] [-- extra qingdan flags]\n       node bench/profile.js --from DIR   (summarise profiles kept earlier)\n');
  process.exit(args.help ? 0 : 2);
}

const dir = args.from ? path.resolve(args.from) : args.keep ? path.resolve(args.keep) : mkdtempSync(path.join(os.tmpdir(), 'qingdan-prof-'));
mkdirSync(dir, { recursive: true });
if (args.keep && !args.from) for (const f of readdirSync(dir)) if (f.endsWith('.cpuprofile')) rmSync(path.join(dir, f));
const checkout = args['qingdan-ref'] && !args.from ? prepareQingdan(args['qingdan-ref']) : undefined;
const argv = ['--cpu-prof', '--cpu-prof-dir', dir, checkout ? checkout.bin : path.join(ROOT, 'bin/qingdan.js'), 'validate', args.data, '--format', 'json', '-o', '/dev/null', ...positionals];
let wall = NaN;
let status = 'not run (--from)';
if (!args.from) {
  const started = process.hrtime.bigint();
// --cpu-prof covers worker threads too (each writes its own profile); Node refuses it in NODE_OPTIONS, so worker
// *processes*, if qingdan ever forks any, would not be profiled.
  const run = spawnSync(process.execPath, argv, { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] });
  wall = Number(process.hrtime.bigint() - started) / 1e9;
  status = `exit ${run.status}`;
}

/** The area a function belongs to, from its script URL and name. */
function area(url, name) {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return 'idle (waiting: I/O, workers)';
  if (name === '(program)' || name === '(root)') return 'V8/native (program)';
  if (name.startsWith('RegExp: ')) return 'regular expressions (native; mostly js-yaml\'s non-printable check)';
  if (/node_modules\/js-yaml\//.test(url)) return 'YAML parse (js-yaml fast path)';
  if (/node_modules\/yaml\//.test(url)) return 'YAML parse (yaml full parser / CST)';
  if (/node_modules\/ajv(-formats)?\//.test(url)) return 'ajv runtime and library (formats, ucs2length, compile)';
  if (/\/dist\/schema\/validators\.compiled/.test(url) || (url === '' && /^validate\d*$/.test(name))) return 'schema validation (ajv-generated code)';
  if (/\/dist\/schema\//.test(url)) return 'schema glue (validateData, error translation)';
  if (/\/dist\/rules\//.test(url) || /\/dist\/flow\//.test(url) || /\/dist\/catalogue\/walk/.test(url) || /\/dist\/validate\.js/.test(url)) return 'rules (rules/, flow/, walk, runRules)';
  if (/\/dist\/catalogue\/source-map/.test(url)) return 'positions (source map)';
  if (/\/dist\/catalogue\/cache/.test(url)) return 'cache (hashing, (de)serialising)';
  if (/\/dist\/catalogue\//.test(url)) return 'catalogue glue (list, read, decode, model, workers)';
  if (/\/dist\/report\//.test(url)) return 'report formatting';
  if (/\/dist\//.test(url)) return `qingdan other (${url.replace(/^.*\/dist\//, '')})`;
  if (/node_modules\//.test(url)) return `other dependency (${url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')})`;
  if (url === 'node:buffer' || /^(slice|toString|utf8Slice|decode)$/.test(name)) return 'Buffer → string (UTF-8 decode)';
  if (/^(read|open|openFileHandle|readFileUtf8|readFileSync|fstat|close|readdir|stat|lstat|tryReadSync|tryStatSync)$/.test(name) || url === 'node:fs') return 'file system calls';
  if (/^node:internal\/(modules|bootstrap|main)/.test(url) || /^(wrapSafe|compileSourceTextModule|compileForInternalLoader|compileFunction)$/.test(name)) return 'module loading and start-up';
  if (url.startsWith('node:') || url === '') return 'other Node internals / natives';
  return 'other';
}

const byFunction = new Map();
const byRuleFile = new Map();
const byArea = new Map();
let total = 0;
const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
for (const file of profiles) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const name = functionName || '(anonymous)';
    const where = url ? `${url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '')}:${lineNumber + 1}` : '';
    const key = `${name}\t${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const a = area(url, name);
    byArea.set(a, (byArea.get(a) ?? 0) + micros);
    const ruleFile = /\/dist\/(rules|flow)\/([^/]+)\.js$/.exec(url) ?? /\/dist\/(catalogue)\/(walk)\.js$/.exec(url) ?? /\/dist\/(validate)\.js$/.exec(url);
    if (ruleFile) {
      const k = ruleFile[2] ? `${ruleFile[1]}/${ruleFile[2]}` : ruleFile[1];
      byRuleFile.set(k, (byRuleFile.get(k) ?? 0) + micros);
    }
    total += micros;
  }
}
if (!args.keep && !args.from) rmSync(dir, { recursive: true, force: true });

const ms = (micros) => `${(micros / 1000).toFixed(0)} ms`;
const pct = (micros) => `${((100 * micros) / total).toFixed(1)} %`;
const lines = [];
lines.push(`qingdan validate ${args.data ?? `(profiles in ${args.from})`} ${positionals.join(' ')}: ${status}, ${wall.toFixed(2)} s wall (with profiling), ${profiles.length} profile(s) (main thread + workers), ${ms(total)} sampled`);
lines.push('');
lines.push('| area | self time | share |');
lines.push('|---|---:|---:|');
for (const [name, micros] of [...byArea].sort((a, b) => b[1] - a[1])) lines.push(`| ${name} | ${ms(micros)} | ${pct(micros)} |`);
lines.push('');
lines.push(`| top ${args.top} functions by self time | where | self time | share |`);
lines.push('|---|---|---:|---:|');
for (const [key, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top))) {
  const [name, where] = key.split('\t');
  lines.push(`| \`${name}\` | ${where ? `\`${where}\`` : ''} | ${ms(micros)} | ${pct(micros)} |`);
}
lines.push('');
lines.push('| rules: self time by file | self time | share |');
lines.push('|---|---:|---:|');
for (const [name, micros] of [...byRuleFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`| \`${name}\` | ${ms(micros)} | ${pct(micros)} |`);
process.stdout.write(`${lines.join('\n')}\n`);
if (args.keep || args.from) process.stderr.write(`profiles kept in ${dir} (open them in Chrome DevTools → Performance, or speedscope)\n`);
