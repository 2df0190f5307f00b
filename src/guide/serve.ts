// Preview: serve the built site on localhost and rebuild it (incrementally) when the catalogue or templates change.
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ui } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import { stylishFindings } from '../report/stylish.js';
import type { CliIo } from '../cli/io.js';
import { validateAndBuild, type SiteJob, type SiteOutcome } from './pipeline.js';
import { SiteSession } from './build.js';
import { visible } from '../report/visible.js';
import { TreeWatcher } from './watch.js';
import { shownPath } from './template-check.js';
import { skipFolder } from '../catalogue/source.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface Preview {
  url: string;
  /** Resolves after the next rebuild that a change started (for tests). */
  nextBuild(): Promise<SiteOutcome | Error>;
  close(): Promise<void>;
}

/** Serves files under `root` only; paths are resolved and checked, so `..` cannot reach outside. */
function handler(root: string): http.RequestListener {
  return (request, response) => {
    let route: string;
    try {
      route = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (route.endsWith('/')) route += 'index.html';
    const file = path.resolve(root, `.${route}`);
    if ((file !== root && !file.startsWith(root + path.sep)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  };
}

/** How long the watched folders must be quiet before a rebuild starts (was 50 ms; see schedule). */
const QUIET_MS = 20;

export async function startPreview(job: SiteJob, io: CliIo, options: { port: number; host?: string }): Promise<Preview> {
  // One session for the life of the preview: each rebuild parses, makes and writes only what the edit reached.
  const session = new SiteSession();
  const first = await validateAndBuild(job, io, session);
  let locale = first.locale;
  const built = (outcome: SiteOutcome & { ok: true }) =>
    ui(locale, 'site-built', { out: path.relative(io.cwd, outcome.result.out) || '.', guides: outcome.result.guides, files: outcome.result.files, rendered: outcome.result.rendered, reused: outcome.result.reused, seconds: outcome.seconds });
  io.stderr.write(visible(`${first.ok ? built(first) : ui(locale, 'site-invalid', { errors: first.errors })}\n`));

  const server = http.createServer(handler(path.resolve(job.out)));
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError('serve-port-busy', { host, port: options.port, code });
    // A --host that does not resolve, or is not an address of this machine: about the host, not the port.
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') throw new UsageError('serve-bad-host', { host, code });
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}/`;

  let waiting: Array<(outcome: SiteOutcome | Error) => void> = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    io.stderr.write(visible(`${ui(locale, 'serve-rebuilding')}\n`));
    let outcome: SiteOutcome | Error;
    try {
      outcome = await validateAndBuild(job, io, session);
      locale = outcome.locale;
      if (outcome.ok) io.stderr.write(visible(`${built(outcome)}\n`));
      else io.stderr.write(visible(`${ui(locale, 'serve-failed', { detail: ui(locale, 'site-invalid', { errors: outcome.errors }) })}\n`));
    } catch (error) {
      outcome = error instanceof Error ? error : new Error(String(error));
      // A usage error (a broken template, an unwritable folder) carries a message key, not a sentence.
      const detail = error instanceof UsageError ? ui(locale, error.key, error.data) : outcome.message;
      io.stderr.write(visible(`${ui(locale, 'serve-failed', { detail })}\n`));
      // Findings that explain it (qingdan.yaml's errors) follow, as `build` prints them.
      if (error instanceof UsageError && error.findings.length) io.stderr.write(stylishFindings(error.findings, { locale, color: job.color, toolVersion: job.toolVersion }));
    }
    running = false;
    // The files this build replaced are let go now that it has said it is done (writes.ts, Trash).
    void session.trash?.empty();
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve(outcome);
    if (again) {
      again = false;
      void rebuild();
    }
  };
  // One save is a burst of events within about a millisecond (write in place: one; write beside and rename, as vim
  // and "safe write" editors do: four; measured with fs.watch): the build starts once the folder has been quiet
  // for QUIET_MS. A burst spread wider (a checkout of many files) may start a second build, which `again` queues.
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), QUIET_MS);
  };

  // The site folder itself is replaced on every build: changes under it (if it sits inside a watched folder) are ignored.
  const out = path.resolve(job.out);
  const root = path.resolve(job.root);
  const templates = job.templates.map((folder) => path.resolve(folder));
  const within = (folder: string, parent: string) => folder === parent || folder.startsWith(parent + path.sep);
  const watcher = new TreeWatcher([root, ...templates], {
    ignored: (changed) => within(changed, out) || changed.startsWith(`${out}.qingdan-`),
    // The catalogue's load never reads dot folders or node_modules (the cache lives there); templates' assets may.
    skipFolder: (folder) => within(folder, root) && !templates.some((templateRoot) => within(folder, templateRoot)) && skipFolder(path.basename(folder)),
    onChange: schedule,
    onError: (folder, error) => io.stderr.write(visible(`${ui(locale, 'serve-watch-failed', { folder: shownPath(folder, io.cwd), code: error.code ?? 'EIO' })}\n`)),
  });

  io.stderr.write(visible(`${ui(locale, 'serve-listening', { url })}\n`));
  return {
    url,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      clearTimeout(timer);
      watcher.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await session.trash?.empty();
    },
  };
}
