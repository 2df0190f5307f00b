// Reads every file of a catalogue (through the cache and worker threads when asked), then builds the model.
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { decode } from './parse.js';
import { misnamedFile, processFile, unlistedFolder, type ProcessedFile, type Projection, type Read } from './process.js';
import { contentHash, type FileCache } from './cache.js';
import { buildCatalogue, emptySections, isSection, KEY_FIELD, type Catalogue, type Entry, type Keys, type Sections, type SourceFile, type UnreadFile } from './model.js';
import { CONFIG_FILE, SourceError, displayPath, type CatalogueSource } from './source.js';
import type { WorkerJob, WorkerResults } from './worker.js';
import { runWorker, shares, workerCount } from '../workers.js';
import type { Config } from '../schema/definitions.js';
import { codeFormatOf } from '../profiles/index.js';
import type { DocPath, RawFinding } from '../findings.js';

export { MAX_FILE_BYTES } from './process.js';

export interface LoadResult {
  catalogue: Catalogue;
  findings: RawFinding[];
  /** False when qingdan.yaml itself is broken: that is a usage problem (exit 2), not a finding about the lists. */
  configOk: boolean;
  /** With --cache, when no file changed since the stored result: every raw finding and the summary, no data loaded. */
  cached?: { findings: RawFinding[]; summary: unknown };
  /** With --cache, after a miss: stores the complete result for the next run. */
  store?: ((findings: RawFinding[], summary: unknown) => void) | undefined;
}

export interface LoadOptions {
  cache?: FileCache;
  /** Worker threads for parsing; undefined picks by catalogue size and cores, 0 never uses them. */
  workers?: number;
  /** `rules` keeps only what validate's rules read; other commands need `full` (the default). */
  projection?: Projection;
  /**
   * With a cache: the entries are needed even when the stored result holds (build publishes them). They come from
   * the store; only the rules are skipped.
   */
  entries?: boolean;
  /**
   * Parse results to share with other loads of the same store (diff's two sides), by content id, path and display
   * path: a file whose content did not change between two commits is parsed once. Only for sources with contentId;
   * the results are shared objects, so no reader may change them.
   */
  shared?: Map<string, ProcessedFile>;
  /** With `shared`: forget the results this load did not use (a resident process keeps only its current catalogue). */
  prune?: boolean;
}

function read(source: CatalogueSource, relativePath: string): Read {
  try {
    return { bytes: source.readFile(relativePath) };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
}

export function readProcessed(source: CatalogueSource, relativePath: string, kind: 'file' | 'config', projection: Projection = 'full'): ProcessedFile {
  return processFile(read(source, relativePath), relativePath, displayPath(source, relativePath), kind, projection);
}

/** The text of a file is read again only when a finding needs a position or a code frame, to keep memory flat. */
class LazySourceFile implements SourceFile {
  private cached: string | undefined;

  constructor(
    readonly file: string,
    readonly relativePath: string,
    private readonly source: CatalogueSource,
  ) {}

  get text(): string {
    if (this.cached === undefined) {
      const result = read(this.source, this.relativePath);
      const decoded = 'bytes' in result ? decode(result.bytes, this.file) : undefined;
      this.cached = decoded?.ok ? decoded.text : '';
    }
    return this.cached;
  }
}

// Below this many bytes a worker's start-up costs more than it saves.
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/**
 * A worker reads a folder on disk itself. From any other source (git blobs) its share's bytes go along, copied into
 * one buffer that is transferred, not cloned; files that cannot be read stay with the main thread, which reports them.
 */
function workerJob(source: CatalogueSource, files: string[], projection: Projection): { job: WorkerJob; local: string[] } {
  if (source.root !== undefined) return { job: { root: source.root, displayRoot: source.displayRoot, files, projection }, local: [] };
  const reads = files.map((relativePath) => ({ relativePath, result: read(source, relativePath) }));
  const readable = reads.filter((r): r is { relativePath: string; result: { bytes: Uint8Array } } => 'bytes' in r.result);
  const buffer = new Uint8Array(readable.reduce((sum, r) => sum + r.result.bytes.byteLength, 0));
  const ranges: Array<[string, number, number]> = [];
  let offset = 0;
  for (const { relativePath, result } of readable) {
    buffer.set(result.bytes, offset);
    ranges.push([relativePath, offset, result.bytes.byteLength]);
    offset += result.bytes.byteLength;
  }
  const local = reads.filter((r) => !('bytes' in r.result)).map((r) => r.relativePath);
  return { job: { displayRoot: source.displayRoot, files: ranges.map(([relativePath]) => relativePath), projection, bytes: buffer.buffer, ranges }, local };
}

function runShare(source: CatalogueSource, files: string[], projection: Projection): Promise<ProcessedFile[]> {
  const { job, local } = workerJob(source, files, projection);
  const mine = local.map((relativePath) => readProcessed(source, relativePath, 'file', projection));
  return runWorker<WorkerResults>(WORKER_SCRIPT, job, job.bytes ? [job.bytes] : []).then(({ results }) => [...mine, ...results]);
}

/**
 * Files on disk are taken one at a time, by whichever thread is free: the workers start up while this thread
 * parses, so a fixed share would leave this thread idle at the end, waiting for theirs (or the other way round on a
 * busy host). The results come back in the files' order. A worker that fails leaves its files to this thread.
 */
async function takeAsTheyGo(source: CatalogueSource & { root: string }, files: string[], workers: number, projection: Projection): Promise<ProcessedFile[]> {
  const next = new SharedArrayBuffer(4);
  const ports: MessagePort[] = [];
  const running = Array.from({ length: workers }, () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    const job: WorkerJob = { root: source.root, displayRoot: source.displayRoot, files, projection, next, port: port2 };
    return runWorker<WorkerResults>(WORKER_SCRIPT, job, [port2]).catch(() => undefined);
  });
  const results: Array<ProcessedFile | undefined> = new Array(files.length);
  // The workers' results are taken in as they come, between this thread's files: received at the end, all at once,
  // they held this thread up for their serialising and reading (about 60 ms on 4,000 items).
  const takeIn = () => {
    for (const port of ports) for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      const [index, result] = message.message as [number, ProcessedFile];
      results[index] = result;
    }
  };
  const claims = new Int32Array(next);
  let mine = 0;
  for (let i = Atomics.add(claims, 0, 1); i < files.length; i = Atomics.add(claims, 0, 1), mine++) {
    results[i] = readProcessed(source, files[i]!, 'file', projection);
    takeIn();
  }
  try {
    // A worker that had not started by then takes nothing and ends by itself: no need to wait for it.
    if (mine < files.length) await Promise.all(running);
    takeIn();
  } finally {
    for (const port of ports) port.close();
  }
  return results.map((result, i) => result ?? readProcessed(source, files[i]!, 'file', projection));
}

interface Pending {
  relativePath: string;
  size: number;
  hash?: string;
}

/** Content hashes of every file: from the cache index when size and mtime are unchanged, else by reading the file. */
function hashAll(source: CatalogueSource, relativePaths: string[], cache: FileCache): Map<string, string | undefined> {
  const hashes = new Map<string, string | undefined>();
  for (const relativePath of relativePaths) {
    const stat = source.stat?.(relativePath);
    const id = cacheId(source, relativePath);
    let hash = stat ? cache.hashByStat(id, stat) : undefined;
    if (!hash && stat) {
      const bytes = read(source, relativePath);
      if ('bytes' in bytes) {
        hash = contentHash(bytes.bytes);
        cache.remember(id, stat, hash);
      }
    }
    hashes.set(relativePath, hash);
  }
  return hashes;
}

/** Processes files, in parallel when it pays: the main thread takes a share too (on two cores, one worker plus this thread). */
async function processFiles(source: CatalogueSource, pending: Pending[], requestedWorkers: number | undefined, projection: Projection): Promise<ProcessedFile[]> {
  const totalBytes = pending.reduce((sum, p) => sum + p.size, 0);
  const workers = workerCount(WORKER_SCRIPT, requestedWorkers, totalBytes, WORKER_THRESHOLD_BYTES);
  if (workers === 0 || pending.length < 2) return pending.map((p) => readProcessed(source, p.relativePath, 'file', projection));
  if (source.root !== undefined) return takeAsTheyGo(source as CatalogueSource & { root: string }, pending.map((p) => p.relativePath), workers, projection);
  const [own, ...others] = shares(pending, (p) => p.size, workers + 1).map((share) => share.map((p) => p.relativePath));
  const running = others.filter((files) => files.length).map((files) => runShare(source, files, projection));
  const mine = own!.map((relativePath) => readProcessed(source, relativePath, 'file', projection));
  return [...mine, ...(await Promise.all(running)).flat()];
}

/** Files whose content, path and display path another load has processed are taken from `shared`; the rest are processed and added. */
async function processShared(source: CatalogueSource, relativePaths: string[], shared: Map<string, ProcessedFile>, options: LoadOptions): Promise<ProcessedFile[]> {
  const projection = options.projection ?? 'full';
  const keyOf = (relativePath: string) => {
    const id = source.contentId!(relativePath);
    return id === undefined ? undefined : `${projection}\u0000${id}\u0000${relativePath}\u0000${displayPath(source, relativePath)}`;
  };
  const keys = new Map(relativePaths.map((relativePath) => [relativePath, keyOf(relativePath)]));
  const fresh = new Map<string, ProcessedFile>();
  const cache = options.cache;
  const hashes = new Map<string, string>();
  const pending: Pending[] = [];
  for (const relativePath of relativePaths) {
    if (shared.has(keys.get(relativePath) ?? '')) continue;
    // Sizes only decide whether and how to share the work out between threads; the bytes are in memory already.
    const result = read(source, relativePath);
    const bytes = 'bytes' in result ? result.bytes : undefined;
    if (cache && bytes) {
      // The on-disk store serves the first load of a resident process; what is parsed now is stored for the next.
      const hash = contentHash(bytes);
      hashes.set(relativePath, hash);
      const stored = cache.processed(hash, relativePath, displayPath(source, relativePath));
      if (stored) {
        fresh.set(relativePath, stored);
        continue;
      }
    }
    pending.push({ relativePath, size: bytes?.byteLength ?? 0 });
  }
  for (const result of await processFiles(source, pending, options.workers, projection)) {
    fresh.set(result.relativePath, result);
    cache?.storeProcessed(hashes.get(result.relativePath), result);
  }
  if (options.prune) {
    const used = new Set(keys.values());
    for (const key of shared.keys()) if (!used.has(key)) shared.delete(key);
  }
  return relativePaths.map((relativePath) => {
    const key = keys.get(relativePath);
    const result = fresh.get(relativePath) ?? shared.get(key!)!;
    if (key !== undefined && fresh.has(relativePath)) shared.set(key, result);
    return result;
  });
}

function cacheId(source: CatalogueSource, relativePath: string): string {
  return `${source.root ?? source.displayRoot}\u0000${relativePath}`;
}

function configOf(source: CatalogueSource): { processed: ProcessedFile; ok: boolean; config: Config } {
  const read = readProcessed(source, CONFIG_FILE, 'config');
  // profile and code_pattern are text to the schema; whether they name a profile and compile is checked here, so that
  // their problems are qingdan.yaml's findings at the value, like the schema's.
  const settings = read.data !== null && typeof read.data === 'object' && !Array.isArray(read.data) ? (read.data as Config) : undefined;
  const processed = settings ? { ...read, findings: [...read.findings, ...codeFormatOf(settings, read.file).problems] } : read;
  const ok = processed.readable && processed.findings.every((f) => f.ruleId === 'yaml/duplicate-key') && processed.data !== undefined;
  return { processed, ok, config: ok ? (processed.data as Config) : { name: '' } };
}

function assemble(source: CatalogueSource, config: ReturnType<typeof configOf>, processed: ProcessedFile[]): LoadResult {
  const files = new Map<string, SourceFile>();
  const findings: RawFinding[] = [...config.processed.findings];
  const sections = emptySections();
  const keys: Keys = { departments: new Map(), laws: new Map(), powers: new Map(), flows: new Map() };
  const configFile = displayPath(source, CONFIG_FILE);
  if (config.processed.readable) files.set(configFile, new LazySourceFile(configFile, CONFIG_FILE, source));
  const unread: UnreadFile[] = [];
  const leftOut: Entry<unknown>[] = [];
  for (const result of processed) {
    findings.push(...result.findings);
    if (result.unread) unread.push({ file: result.file, sections: result.unread });
    if (!result.readable) continue;
    files.set(result.file, new LazySourceFile(result.file, result.relativePath, source));
    if (result.data !== undefined) collectEntries(result.file, result.data, result.invalid, sections, keys, leftOut);
  }
  return { catalogue: buildCatalogue(source.displayRoot, configFile, config.config, files, sections, keys, unread, leftOut), findings, configOk: config.ok };
}

/**
 * The catalogue's files, and the folders that could not be listed and the files and folders whose names are not
 * UTF-8, each as a file that could not be read.
 */
function listCatalogue(source: CatalogueSource): { relativePaths: string[]; unlisted: ProcessedFile[] } {
  const unlisted: ProcessedFile[] = [];
  const relativePaths = source.listFiles(
    (folder, error) => unlisted.push(unlistedFolder(error, folder, folder ? displayPath(source, folder) : source.displayRoot)),
    (entry) => unlisted.push(misnamedFile(entry, displayPath(source, entry.relativePath))),
  );
  return { relativePaths, unlisted };
}

export async function loadCatalogue(source: CatalogueSource, options: LoadOptions = {}): Promise<LoadResult> {
  if (!source.hasConfig()) throw new SourceError(source.configIsFolder?.() ? 'config-folder' : 'no-config', { root: source.displayRoot });
  const config = configOf(source);
  const { relativePaths, unlisted } = listCatalogue(source);
  const cache = options.cache;
  if (options.shared && source.contentId) return assemble(source, config, [...(await processShared(source, relativePaths, options.shared, options)), ...unlisted]);
  if (!cache || !source.stat) {
    const pending = relativePaths.map((relativePath) => ({ relativePath, size: source.stat?.(relativePath)?.size ?? 0 }));
    return assemble(source, config, [...(await processFiles(source, pending, options.workers, options.projection ?? 'full')), ...unlisted]);
  }

  const hashes = hashAll(source, relativePaths, cache);
  const projection = options.projection ?? 'full';
  const catalogueId = source.root ?? source.displayRoot;
  const id = (relativePath: string) => cacheId(source, relativePath);

  // Files whose content has no recorded result are parsed now, whatever happens next: their result digest decides
  // whether the stored catalogue result still holds (a comment-only edit leaves it unchanged).
  const results = new Map<string, ProcessedFile>();
  const digests = new Map<string, string>();
  const pending: Pending[] = [];
  for (const relativePath of relativePaths) {
    const hash = hashes.get(relativePath);
    const known = hash ? cache.resultDigest(id(relativePath), hash) : undefined;
    if (known) digests.set(relativePath, known);
    else pending.push({ relativePath, size: source.stat(relativePath)?.size ?? 0, ...(hash ? { hash } : {}) });
  }
  const hashOf = new Map(pending.map((p) => [p.relativePath, p.hash]));
  for (const result of await processFiles(source, pending, options.workers, projection)) {
    results.set(result.relativePath, result);
    const digest = cache.storeProcessed(hashOf.get(result.relativePath), result);
    digests.set(result.relativePath, digest);
    cache.rememberResult(id(result.relativePath), digest);
  }

  const configHash = contentHash(JSON.stringify(config.processed.data ?? null));
  // Everything a catalogue's result depends on: where it is shown, its settings, every file's parse result, and the
  // folders that could not be listed.
  const folders = unlisted.map((folder) => [folder.relativePath, folder.findings[0]!.data]);
  const digest = contentHash(JSON.stringify([source.displayRoot, configHash, relativePaths.map((p) => [p, digests.get(p) ?? null]), ...(folders.length ? [folders] : [])]));
  const keep = new Set(relativePaths.map(id));
  const prefix = `${catalogueId}\u0000`;
  const hit = cache.result(catalogueId, digest);
  if (hit && !options.entries) {
    cache.save(prefix, keep);
    const thin = assemble(source, config, [
      ...relativePaths.map((relativePath): ProcessedFile => ({ relativePath, file: displayPath(source, relativePath), readable: true, data: undefined, findings: [], invalid: [] })),
      ...unlisted.map((folder) => ({ ...folder, findings: [] })),
    ]);
    return { ...thin, findings: [], cached: { findings: hit.findings, summary: hit.summary }, store: undefined };
  }

  // The catalogue changed: every file's data is needed, from the store where it is there, else parsed again.
  const missing: Pending[] = [];
  for (const relativePath of relativePaths) {
    if (results.has(relativePath)) continue;
    const hash = hashes.get(relativePath);
    const stored = hash ? cache.processed(hash, relativePath, displayPath(source, relativePath)) : undefined;
    if (stored) results.set(relativePath, stored);
    else missing.push({ relativePath, size: source.stat(relativePath)?.size ?? 0, ...(hash ? { hash } : {}) });
  }
  for (const result of await processFiles(source, missing, options.workers, projection)) {
    results.set(result.relativePath, result);
    cache.storeProcessed(hashes.get(result.relativePath), result);
  }
  cache.save(prefix, keep);
  const loaded = assemble(source, config, [...relativePaths.map((p) => results.get(p)!), ...unlisted]);
  if (hit) return { ...loaded, findings: [], cached: { findings: hit.findings, summary: hit.summary }, store: undefined };
  return { ...loaded, store: (findings, summary) => cache.storeResult(catalogueId, { digest, findings, summary }) };
}

/** The same, without cache or workers: for tests and in-memory sources. */
export function loadCatalogueSync(source: CatalogueSource, projection: Projection = 'full'): LoadResult {
  if (!source.hasConfig()) throw new SourceError(source.configIsFolder?.() ? 'config-folder' : 'no-config', { root: source.displayRoot });
  const config = configOf(source);
  const { relativePaths, unlisted } = listCatalogue(source);
  return assemble(source, config, [...relativePaths.map((relativePath) => readProcessed(source, relativePath, 'file', projection)), ...unlisted]);
}

function collectEntries(file: string, data: unknown, invalid: DocPath[], sections: Sections, keys: Keys, leftOut: Entry<unknown>[]): void {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  const wholeFileInvalid = invalid.some((p) => p.length === 0);
  const invalidSections = new Set(invalid.filter((p) => p.length === 1).map((p) => p[0]));
  const invalidEntries = new Set(invalid.filter((p) => p.length >= 2).map((p) => `${p[0]}/${p[1]}`));
  for (const [section, items] of Object.entries(data)) {
    if (!isSection(section) || !Array.isArray(items)) continue;
    items.forEach((value: unknown, index) => {
      const entry: Entry<unknown> = { value, file, path: [section, index] };
      if (section !== 'responsibilities' && value && typeof value === 'object') {
        const key = (value as Record<string, unknown>)[KEY_FIELD[section]];
        if (typeof key === 'string') {
          const list = keys[section].get(key);
          if (list) list.push(entry);
          else keys[section].set(key, [entry]);
        }
      }
      const valid = !wholeFileInvalid && !invalidSections.has(section) && !invalidEntries.has(`${section}/${index}`);
      if (valid) (sections[section] as Entry<unknown>[]).push(entry);
      else leftOut.push(entry);
    });
  }
}
