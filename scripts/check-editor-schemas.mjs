#!/usr/bin/env node
// Checks what docs/editors.md promises: that the published JSON Schemas (schemas/*.schema.json)
// work in the YAML language server — the engine of the Red Hat YAML extension for VS Code, of
// coc-yaml and of Neovim's yamlls — and that the VS Code task's problem matcher reads
// `qingdan validate --format stylish` output. Not part of `npm test`: run it by hand after
// changing src/schema/definitions.ts (and `npm run build && npm run schemas`), the stylish
// formatter, or docs/editors.md.
//
//   npm install --no-save yaml-language-server      # once; this script installs nothing
//   node scripts/check-editor-schemas.mjs
//
// or point it at a server installed elsewhere (its package folder or its bin/ file):
//
//   QINGDAN_YAML_LANGUAGE_SERVER=/tmp/yls/node_modules/yaml-language-server \
//     node scripts/check-editor-schemas.mjs
//
// Options:
//   --schemas <dir>   test another copy of the schemas (default: schemas/ of this repo)
//   --lists <dir>     test another catalogue (default: lists/ of this repo)
//   --no-task         skip part 3 (it needs the built CLI: npm run build)
//   --keep            keep the temporary folders and print where they are
//   --verbose         print the server's log, its requests and whole completion items
//
// 1. Modelines, as the files in lists/ carry them: copies lists/ and schemas/ side by side into
//    a temporary workspace folder, starts `yaml-language-server --stdio` with that folder as the
//    workspace and speaks LSP to it (Content-Length framed JSON-RPC; yaml.validate, completion
//    and hover on, the SchemaStore off). Every catalogue file must get its one schema and no
//    diagnostic; a broken copy of lists/powers/scjgj.yaml (`category: licencing`, an unknown
//    key) must get exactly those two diagnostics, on their lines; completion in a power must
//    offer time_limit, materials… with bilingual documentation, and the category values;
//    hovers must show the bilingual descriptions; responsibility entries are checked too.
// 2. The `yaml.schemas` setting: the same with the modelines removed and the settings.json
//    block of docs/editors.md (the schemas are laid out where its keys point, e.g.
//    node_modules/qingdan/schemas/), with the server's messages in Chinese (locale zh-cn).
//    Both parts run the server with a preloaded guard that refuses and records every socket
//    connect and DNS lookup: none may happen.
// 3. The tasks.json block of docs/editors.md: runs its command (with `npx qingdan` replaced by
//    this repo's bin/qingdan.js) on a broken copy of the catalogue, applies its problem
//    matchers line by line as VS Code does, and compares the problems with `--format json`.
//
// Exit code 0 when every check passes, 1 otherwise, 2 when the server or docs/editors.md is missing.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docsFile = join(repo, 'docs', 'editors.md');

// ---------------------------------------------------------------- arguments

const opt = { schemas: join(repo, 'schemas'), lists: join(repo, 'lists'), task: true, keep: false, verbose: false };

function parseArguments(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--schemas') opt.schemas = resolve(argv[++i]);
    else if (a === '--lists') opt.lists = resolve(argv[++i]);
    else if (a === '--no-task') opt.task = false;
    else if (a === '--keep') opt.keep = true;
    else if (a === '--verbose') opt.verbose = true;
    else if (a === '-h' || a === '--help') {
      const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
      console.log(head.slice(0, head.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a} (try --help)`);
      process.exit(2);
    }
  }
}

// ---------------------------------------------------------------- find the server

function findServer() {
  const fromEnv = process.env.QINGDAN_YAML_LANGUAGE_SERVER;
  const candidates = [];
  if (fromEnv) candidates.push(resolve(fromEnv));
  else {
    try {
      candidates.push(dirname(createRequire(join(repo, 'package.json')).resolve('yaml-language-server/package.json')));
    } catch {
      /* not installed in the repo */
    }
  }
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    const bin = statSync(c).isDirectory() ? join(c, 'bin', 'yaml-language-server') : c;
    if (existsSync(bin)) {
      const pkg = join(dirname(dirname(bin)), 'package.json');
      const version = existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : '?';
      return { bin, version };
    }
  }
  console.error(
    'yaml-language-server not found.\n' +
      '  npm install --no-save yaml-language-server\n' +
      'or set QINGDAN_YAML_LANGUAGE_SERVER to its package folder or bin/yaml-language-server.' +
      (fromEnv ? `\n(QINGDAN_YAML_LANGUAGE_SERVER=${fromEnv} has no bin/yaml-language-server)` : ''),
  );
  process.exit(2);
}

// ---------------------------------------------------------------- network guard

// Preloaded into the server process: every outgoing socket connect and every DNS lookup is
// refused and reported on stderr as "[net-guard] …". The stdio pipes are not connects.
const GUARD = String.raw`
const net = require('node:net');
const dns = require('node:dns');
const report = (what) => process.stderr.write('[net-guard] blocked ' + what + '\n');
const describe = (a) => {
  const o = Array.isArray(a[0]) ? a[0][0] : a[0];
  if (o && typeof o === 'object') return o.path || ((o.host || 'localhost') + ':' + o.port);
  return a.slice(0, 2).join(':');
};
net.Socket.prototype.connect = function (...a) {
  report('connect ' + describe(a));
  process.nextTick(() => this.destroy(new Error('network access blocked by check-editor-schemas')));
  return this;
};
const refuse = (name) => function (host, ...rest) {
  report(name + ' ' + host);
  const cb = rest[rest.length - 1];
  const err = Object.assign(new Error('DNS blocked by check-editor-schemas'), { code: 'ENOTFOUND' });
  if (typeof cb === 'function') process.nextTick(() => cb(err));
  else return Promise.reject(err);
};
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
`;

// ---------------------------------------------------------------- LSP client

class LspClient {
  /**
   * @param {string} bin        bin/yaml-language-server
   * @param {string} guardFile  the network guard, preloaded with --require
   * @param {object} settings   answers to workspace/configuration, by section ('yaml', 'http', …)
   * @param {string} locale     the client's display language (the server localises its messages)
   */
  constructor(bin, guardFile, settings, locale = 'en') {
    this.settings = settings;
    this.locale = locale;
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map(); // uri -> latest diagnostics
    this.log = [];
    this.netAttempts = [];
    this.waiters = [];
    this.buffer = Buffer.alloc(0);
    this.lastMessageAt = Date.now();
    this.proc = spawn(process.execPath, ['--require', guardFile, bin, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.startsWith('[net-guard]')) this.netAttempts.push(line);
      if (opt.verbose) process.stderr.write(`[server stderr] ${text}`);
    });
    this.exited = new Promise((res) => this.proc.on('exit', (code) => res(code)));
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body));
    }
  }

  onMessage(msg) {
    this.lastMessageAt = Date.now();
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      this.send({ id: msg.id, result: this.answer(msg.method, msg.params) });
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
    else if (msg.method === 'window/logMessage' || msg.method === 'window/showMessage') {
      this.log.push(msg.params.message);
      if (opt.verbose) console.error(`[server log] ${msg.params.message}`);
    } else if (opt.verbose) console.error(`[server notification] ${msg.method} ${JSON.stringify(msg.params)}`);
    for (const w of [...this.waiters]) w(msg);
  }

  // Requests the server makes of the client.
  answer(method, params) {
    if (opt.verbose) console.error(`[server request] ${method} ${JSON.stringify(params)}`);
    if (method === 'workspace/configuration') return params.items.map(({ section }) => this.settings[section] ?? null);
    // client/registerCapability, window/workDoneProgress/create, workspace/codeLens/refresh: null.
    // Schema content asked of the client would mean the server could not read it itself.
    if (method.startsWith('custom/') || method === 'vscode/content') this.log.push(`server asked the client for ${method} ${JSON.stringify(params)}`);
    return null;
  }

  request(method, params, timeoutMs = 30000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, method });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  waitFor(predicate, timeoutMs = 30000, what = 'a message') {
    if (predicate(null)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const waiter = (msg) => {
        if (!predicate(msg)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(msg);
      };
      this.waiters.push(waiter);
    });
  }

  // Resolves once the server has been silent for `quietMs`.
  async settle(quietMs = 500, timeoutMs = 30000) {
    const start = Date.now();
    this.lastMessageAt = Date.now();
    while (Date.now() - this.lastMessageAt < quietMs) {
      if (Date.now() - start > timeoutMs) throw new Error('server never settled');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async start(rootUri) {
    const init = await this.request('initialize', {
      processId: process.pid,
      locale: this.locale,
      clientInfo: { name: 'qingdan check-editor-schemas' },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'catalogue' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    });
    this.notify('initialized', {});
    // With schema-selection support announced, the server says yaml/schema/store/initialized once a
    // configuration has been applied; it also answers yaml/get/jsonSchema (the schemas of a file).
    this.notify('yaml/supportSchemaSelection', {});
    const applied = this.waitFor((m) => m?.method === 'yaml/schema/store/initialized', 30000, 'the configuration to apply');
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
    await applied;
    return init;
  }

  /** Opens a document and waits for its diagnostics (and, unless `settle` is false, for the server to go quiet). */
  async open(uri, text, settle = true) {
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await this.waitFor(() => this.diagnostics.has(uri), 30000, `diagnostics for ${uri}`);
    if (settle) await this.settle(300);
    return this.diagnostics.get(uri);
  }

  async completion(uri, line, character) {
    const r = await this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    return Array.isArray(r) ? r : r?.items ?? [];
  }

  async hover(uri, line, character) {
    const h = await this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    if (!h) return '';
    const c = h.contents;
    if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
    return typeof c === 'string' ? c : c.value;
  }

  async stop() {
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      /* killed below */
    }
    const timer = setTimeout(() => this.proc.kill(), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- helpers

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? `\n        ${detail.replace(/\n/g, '\n        ')}` : ''}`);
  return ok;
}
function note(text) {
  console.log(`note  ${text.replace(/\n/g, '\n        ')}`);
}
const short = (s, n = 220) => {
  const one = String(s).replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > n ? `${one.slice(0, n)}…` : one;
};
const docText = (d) => (typeof d === 'string' ? d : d?.value ?? '');
const HAN = /[\u4e00-\u9fff]/;

function yamlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

const MODELINE = /^# yaml-language-server: \$schema=.*\n/m;

/** 0-based index of the first line matching `re` at or after line `from`. */
function lineOf(text, re, from = 0) {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i;
  throw new Error(`no line matches ${re}: has the example catalogue changed?`);
}

function textAt(text, range) {
  const line = text.split('\n')[range.start.line] ?? '';
  return range.start.line === range.end.line ? line.slice(range.start.character, range.end.character) : `${line.slice(range.start.character)}…`;
}

/** The fenced ```json blocks of docs/editors.md, parsed. */
function docsJsonBlocks() {
  if (!existsSync(docsFile)) {
    console.error(`${docsFile} is missing: it holds the settings.json and tasks.json this script tests.`);
    process.exit(2);
  }
  const blocks = [];
  for (const m of readFileSync(docsFile, 'utf8').matchAll(/```jsonc?\n([\s\S]*?)```/g)) {
    try {
      blocks.push(JSON.parse(m[1]));
    } catch {
      /* an illustrative fragment, not a whole file */
    }
  }
  return blocks;
}

/** VS Code's flat settings ("yaml.schemas", "yaml.schemaStore.enable") as the sections the server pulls. */
function sections(flat) {
  const out = { yaml: {}, http: {}, '[yaml]': {}, editor: {} };
  for (const [key, value] of Object.entries(flat)) {
    const [section, ...rest] = key.split('.');
    if (!(section in out) || !rest.length) continue;
    let node = out[section];
    for (const k of rest.slice(0, -1)) node = node[k] ??= {};
    node[rest.at(-1)] = value;
  }
  return out;
}

// ---------------------------------------------------------------- parts 1 and 2: the language server

async function scenario(label, { server, ws, settings, stripModelines, locale, expect }) {
  console.log(`\n## ${label}\n`);
  const client = new LspClient(server.bin, join(ws, '.net-guard.cjs'), settings, locale);
  const uriOf = (...p) => pathToFileURL(join(ws, ...p)).href;
  const prep = (text) => (stripModelines ? text.replace(MODELINE, '') : text);
  try {
    await client.start(pathToFileURL(ws).href);

    // (a) every file of the catalogue: its one schema, no diagnostics
    const opened = new Map();
    for (const f of yamlFiles(join(ws, 'lists'))) {
      const uri = pathToFileURL(f).href;
      const text = prep(readFileSync(f, 'utf8'));
      opened.set(uri, { rel: relative(ws, f), text });
      await client.open(uri, text, false);
    }
    await client.settle();
    const dirty = [];
    const wrongSchema = [];
    for (const [uri, { rel }] of opened) {
      for (const x of client.diagnostics.get(uri) ?? []) dirty.push(`${rel}:${x.range.start.line + 1}:${x.range.start.character + 1} ${short(x.message, 160)}`);
      const want = /(^|\/)qingdan\.yaml$/.test(rel) ? expect.config : expect.file;
      const got = ((await client.request('yaml/get/jsonSchema', uri)) ?? []).map((s) => s.uri);
      if (got.length !== 1 || got[0] !== want) wrongSchema.push(`${rel}: ${JSON.stringify(got)} (want ${want})`);
    }
    check(`each of the ${opened.size} catalogue files gets its one schema (qingdan.yaml: qingdan-config, the others: qingdan-file)`, wrongSchema.length === 0, wrongSchema.slice(0, 8).join('\n'));
    check('the example catalogue has no diagnostics', dirty.length === 0, dirty.slice(0, 12).join('\n'));

    // (b) a broken copy of lists/powers/scjgj.yaml, beside it (relative modelines still resolve)
    const original = prep(readFileSync(join(ws, 'lists', 'powers', 'scjgj.yaml'), 'utf8'));
    const catLine = lineOf(original, /^ {4}category: licensing$/);
    const levelLine = lineOf(original, /^ {4}level: /, catLine);
    const lines = original.split('\n');
    lines[catLine] = '    category: licencing';
    lines.splice(levelLine + 1, 0, '    handling_days: 5');
    const brokenText = lines.join('\n');
    const bd = await client.open(uriOf('lists', 'powers', 'scjgj-broken.yaml'), brokenText);
    const shown = bd.map((x) => `line ${x.range.start.line + 1} col ${x.range.start.character + 1} [${textAt(brokenText, x.range)}] ${x.source ?? ''}: ${short(x.message, 200)}`).join('\n');
    const enumDiag = bd.find((x) => x.range.start.line === catLine && textAt(brokenText, x.range) === 'licencing');
    const unknownDiag = bd.find((x) => x.range.start.line === levelLine + 1 && textAt(brokenText, x.range) === 'handling_days');
    check(`broken copy: \`category: licencing\` flagged on line ${catLine + 1}, listing the valid values`, !!enumDiag && /licensing/.test(enumDiag.message) && /review-forward/.test(enumDiag.message), shown);
    check(`broken copy: unknown key \`handling_days\` flagged on line ${levelLine + 2}`, !!unknownDiag && /handling_days/.test(unknownDiag.message));
    check('broken copy: no other diagnostics', bd.length === 2);

    // (c) completion in a new power item
    const withNew = `${original.replace(/\n*$/, '\n')}  - code: 11339921MB1C4572XQ4019990000000\n    name: 测试事项\n    \n`;
    const newUri = uriOf('lists', 'powers', 'scjgj-new.yaml');
    await client.open(newUri, withNew);
    const cLine = withNew.split('\n').length - 2;
    const items = await client.completion(newUri, cLine, 4);
    if (opt.verbose) console.error(JSON.stringify(items, null, 1));
    const labels = items.map((i) => i.label);
    check(
      'completion in a new power offers its fields (category, department, basis, level, status, time_limit, materials…) but not code/name, already there',
      ['category', 'department', 'basis', 'level', 'status', 'time_limit', 'materials', 'conditions', 'online'].every((l) => labels.includes(l)) && !labels.includes('code') && !labels.includes('name'),
      `${items.length} items: ${labels.join(', ')}`,
    );
    for (const [label, zh, en] of [['time_limit', '办结时限', 'time limit'], ['materials', '申请材料', 'materials'], ['category', '事项类型', 'category']]) {
      const item = items.find((i) => i.label === label);
      const doc = docText(item?.documentation);
      check(`completion item ${label} is documented in Chinese and English`, doc.includes(zh) && doc.includes(en), `documentation: ${short(doc)}${item?.insertText?.includes('\n') ? `\ninserts: ${short(item.insertText, 160)}` : ''}`);
    }
    const skeleton = items.find((i) => i.kind === 7 || /\(power/.test(i.label));
    if (skeleton) note(`the item "${skeleton.label}" inserts every missing required field: ${short(skeleton.insertText, 160)}`);

    const valueText = withNew.replace(/ {4}\n$/, '    category: \n');
    const valueUri = uriOf('lists', 'powers', 'scjgj-value.yaml');
    await client.open(valueUri, valueText);
    const values = (await client.completion(valueUri, cLine, 14)).map((i) => i.label);
    check('completion after `category: ` offers the twelve categories', values.length === 12 && ['licensing', 'penalty', 'review-forward'].every((l) => values.includes(l)), values.join(', '));
    const unitText = withNew.replace(/ {4}\n$/, '    time_limit:\n      unit: \n');
    const unitUri = uriOf('lists', 'powers', 'scjgj-unit.yaml');
    await client.open(unitUri, unitText);
    const units = (await client.completion(unitUri, cLine + 1, 12)).map((i) => i.label);
    check('completion after `time_limit: unit: ` offers working-days, days, hours', units.join() === 'working-days,days,hours', units.join(', '));

    // (c') responsibility entries: per power (then) or per department (else)
    const respHead = stripModelines ? '' : '# yaml-language-server: $schema=../../schemas/qingdan-file.schema.json\n';
    const respUri = uriOf('lists', 'responsibilities', 'new.yaml');
    await client.open(respUri, `${respHead}responsibilities:\n  - power: 11339921MB1C4572XQ4010010000000\n    \n`);
    const perPower = (await client.completion(respUri, stripModelines ? 2 : 3, 4)).map((i) => i.label);
    check('completion in a per-power responsibility offers duties, accountability', ['duties', 'accountability'].every((l) => perPower.includes(l)), perPower.join(', '));
    const emptyUri = uriOf('lists', 'responsibilities', 'empty.yaml');
    await client.open(emptyUri, `${respHead}responsibilities:\n  - \n`);
    const fresh = (await client.completion(emptyUri, stripModelines ? 1 : 2, 4)).map((i) => i.label);
    check('completion in an empty responsibility entry offers the per-department keys', ['department', 'duty', 'tasks'].every((l) => fresh.includes(l)), fresh.join(', '));
    if (!fresh.includes('power')) note('an empty responsibility entry is not offered `power` (if/then/else: with no `power` key the else branch applies); see docs/editors.md');

    // (d) hover
    const catUri = uriOf('lists', 'powers', 'scjgj.yaml');
    const catText = opened.get(catUri).text;
    const hCategory = await client.hover(catUri, lineOf(catText, /^ {4}category: /), 6);
    check('hover on `category` shows 事项类型 and "category", and the allowed values', /事项类型/.test(hCategory) && /category/.test(hCategory) && /licensing/.test(hCategory), `hover: ${short(hCategory, 420)}`);
    const hUnit = await client.hover(catUri, lineOf(catText, /^ {6}unit: /), 7);
    check('hover on time_limit.unit explains the units in both languages', /工作日/.test(hUnit) && /working-days/.test(hUnit), `hover: ${short(hUnit, 300)}`);
    const cfgUri = uriOf('lists', 'qingdan.yaml');
    const cfgText = opened.get(cfgUri).text;
    const hProfile = await client.hover(cfgUri, lineOf(cfgText, /^profile: /), 2);
    check('hover on qingdan.yaml `profile` shows its description', /profile/.test(hProfile) && HAN.test(hProfile), `hover: ${short(hProfile, 300)}`);

    await client.settle(300);
    check('the server attempted no network access', client.netAttempts.length === 0, client.netAttempts.join('\n'));
    const trouble = client.log.filter((l) => /unable to load|can ?not be resolved|problems loading|custom\/|vscode\/content/i.test(l));
    check('the server logged no schema loading problems', trouble.length === 0, trouble.slice(0, 6).map((l) => short(l, 300)).join('\n'));
  } catch (err) {
    check(`${label}: scenario ran to the end`, false, String(err?.stack ?? err));
  } finally {
    await client.stop();
  }
}

// ---------------------------------------------------------------- part 3: the task's problem matcher

/** Applies VS Code problem matchers (single-line patterns) to output, line by line, as the task system does. */
function matchProblems(matchers, output, workspaceFolder) {
  const problems = [];
  for (const line of output.split(/\r?\n/)) {
    for (const m of matchers) {
      const p = m.pattern;
      const g = new RegExp(p.regexp).exec(line);
      if (!g) continue;
      const [how, base = '${workspaceFolder}'] = Array.isArray(m.fileLocation) ? m.fileLocation : [m.fileLocation ?? 'relative'];
      const file = g[p.file];
      const baseDir = base.replace('${workspaceFolder}', workspaceFolder);
      const path = how === 'absolute' || (how === 'autoDetect' && isAbsolute(file)) ? file : resolve(baseDir, file);
      problems.push({
        file: path,
        line: Number(g[p.line]),
        column: Number(g[p.column]),
        severity: (p.severity && g[p.severity]) || m.severity || 'error',
        message: g[p.message],
        code: p.code ? g[p.code] : undefined,
        owner: m.owner,
      });
    }
  }
  return problems;
}

function breakCatalogue(dir) {
  const edit = (file, fn) => {
    const p = join(dir, file);
    const before = readFileSync(p, 'utf8');
    const after = fn(before);
    if (after === before) throw new Error(`could not break ${file}: has the example catalogue changed?`);
    writeFileSync(p, after);
  };
  edit('powers/scjgj.yaml', (s) => s.replace(/^( {4}category: )licensing$/m, '$1licencing').replace(/^( {4}level: .*\n)/m, '$1    handling_days: 5\n'));
  edit('responsibilities/scjgj.yaml', (s) => s.replace(/^( {2}- power: )/m, '$1X'));
  // A duplicate department id: its finding carries a "related place" line.
  edit('departments.yaml', (s) => {
    const ids = [...s.matchAll(/^ {2}- id: (\S+)$/gm)];
    return ids.length > 1 ? s.replace(ids[1][0], `  - id: ${ids[0][1]}`) : s;
  });
  // One rule as a warning and one as info, so that all three severities show.
  edit('qingdan.yaml', (s) => `${s.replace(/^rules:.*\n(?:[ \t]+.*\n)*/m, '').replace(/\n*$/, '\n')}rules:\n  ref/power: warning\n  responsibility/missing: info\n`);
}

function taskPart() {
  console.log('\n## VS Code task: problem matcher on `qingdan validate --format stylish`\n');
  const cli = join(repo, 'bin', 'qingdan.js');
  if (!existsSync(join(repo, 'dist'))) return check('the CLI is built (npm run build)', false, `${join(repo, 'dist')} is missing`);
  const tasks = docsJsonBlocks().find((b) => Array.isArray(b.tasks));
  if (!check('docs/editors.md has a tasks.json block', !!tasks)) return;
  const task = tasks.tasks.find((t) => t.problemMatcher) ?? {};
  const matchers = [].concat(task.problemMatcher ?? []);
  const command = [task.command, ...(task.args ?? [])].join(' ');
  check(`the task runs \`qingdan validate --format stylish\`: ${command}`, /^npx qingdan validate\b/.test(command) && /--format stylish/.test(command));
  const args = command.replace(/^npx qingdan /, '').split(/\s+/).filter(Boolean);

  const ws = mkdtempSync(join(tmpdir(), 'qingdan-task-'));
  cpSync(opt.lists, join(ws, 'lists'), { recursive: true });
  breakCatalogue(join(ws, 'lists'));
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const run = (extra) => spawnSync(process.execPath, [cli, ...extra], { cwd: ws, encoding: 'utf8', env });

  for (const lang of [[], ['--lang', 'en']]) {
    const stylish = run([...args, ...lang]);
    const json = run([...args.filter((a, i) => a !== '--format' && args[i - 1] !== '--format' && a !== '--no-color'), '--format', 'json', ...lang]);
    const expected = JSON.parse(json.stdout).findings.map((f) => ({ file: resolve(ws, f.file), line: f.line, column: f.column, severity: f.severity, message: f.message, code: f.ruleId }));
    const got = matchProblems(matchers, stylish.stdout, ws);
    const key = (p) => JSON.stringify([p.file, p.line, p.column, p.severity, p.message, p.code]);
    const want = new Set(expected.map(key));
    const have = got.map(key);
    const missing = expected.filter((p) => !have.includes(key(p)));
    const extra = got.filter((p) => !want.has(key(p)));
    const severities = new Set(expected.map((p) => p.severity));
    const label = lang.length ? 'English (--lang en)' : 'Chinese (the catalogue’s locale)';
    check(
      `${label}: the problem matchers find exactly the ${expected.length} findings of --format json (file, line, column, severity, message, rule)`,
      stylish.status === 1 && missing.length === 0 && extra.length === 0 && got.length === expected.length && severities.size === 3 && /↳/.test(stylish.stdout),
      [
        `exit ${stylish.status}; severities ${[...severities].join(', ')}; ${stylish.stdout.split('\n').length} output lines, ${got.length} matched`,
        ...stylish.stdout.split('\n').filter((l) => /^ {2}\S/.test(l)).slice(0, 3).map((l) => `line: ${short(l, 150)}`),
        ...got.slice(0, 2).map((p) => `problem: ${relative(ws, p.file)}:${p.line}:${p.column} ${p.severity} [${p.code}] ${short(p.message, 80)}`),
        ...missing.slice(0, 4).map((p) => `missing: ${key(p)}`),
        ...extra.slice(0, 4).map((p) => `extra: ${key(p)}`),
      ].join('\n'),
    );
  }
  const coloured = run([...args.filter((a) => a !== '--no-color'), '--color']);
  note(`with colour forced on, the same matchers find ${matchProblems(matchers, coloured.stdout, ws).length} problems: keep --no-color in the task`);
  if (opt.keep) console.log(`task workspace kept: ${ws}`);
  else rmSync(ws, { recursive: true, force: true });
}

// ---------------------------------------------------------------- main

export { LspClient, GUARD, matchProblems };

async function main() {
  parseArguments(process.argv.slice(2));
  const server = findServer();
  const flat = docsJsonBlocks().find((b) => b['yaml.schemas']);
  if (!flat) {
    console.error('docs/editors.md has no settings.json block with "yaml.schemas"');
    process.exit(2);
  }
  const ws = mkdtempSync(join(tmpdir(), 'qingdan-editor-'));
  cpSync(opt.lists, join(ws, 'lists'), { recursive: true });
  cpSync(opt.schemas, join(ws, 'schemas'), { recursive: true });
  // Lay the schemas out where the documented yaml.schemas keys point (e.g. node_modules/qingdan/schemas).
  const keyFor = {};
  for (const key of Object.keys(flat['yaml.schemas'])) {
    const dir = join(ws, dirname(key));
    if (!existsSync(dir)) {
      mkdirSync(dirname(dir), { recursive: true });
      cpSync(opt.schemas, dir, { recursive: true });
    }
    keyFor[key.endsWith('qingdan-config.schema.json') ? 'config' : 'file'] = pathToFileURL(join(ws, key)).href;
  }
  writeFileSync(join(ws, '.net-guard.cjs'), GUARD);
  console.log(`yaml-language-server ${server.version} (${server.bin})`);
  console.log(`workspace ${ws}: lists/ from ${opt.lists}, schemas/ from ${opt.schemas}`);

  // Neither the SchemaStore catalogue nor the Kubernetes CRD store: the check is about our schemas.
  const quiet = { 'yaml.validate': true, 'yaml.completion': true, 'yaml.hover': true, 'yaml.schemaStore.enable': false, 'yaml.kubernetesCRDStore.enable': false };
  await scenario('1. modeline (# yaml-language-server: $schema=../../schemas/…), messages in English', {
    server,
    ws,
    stripModelines: false,
    locale: 'en',
    settings: sections(quiet),
    expect: { file: pathToFileURL(join(ws, 'schemas', 'qingdan-file.schema.json')).href, config: pathToFileURL(join(ws, 'schemas', 'qingdan-config.schema.json')).href },
  });
  await scenario(`2. yaml.schemas from docs/editors.md (modelines removed), messages in Chinese\n   ${JSON.stringify(flat['yaml.schemas'])}`, {
    server,
    ws,
    stripModelines: true,
    locale: 'zh-cn',
    settings: sections({ ...quiet, ...flat }),
    expect: keyFor,
  });
  if (opt.task) taskPart();

  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  if (opt.keep) console.log(`workspace kept: ${ws}`);
  else rmSync(ws, { recursive: true, force: true });
  process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
