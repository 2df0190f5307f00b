// `--cache`: a folder that remembers, by content hash, each file's parse and schema results and each catalogue's
// whole result. A re-run reads only what changed; when nothing did (a file merely touched) it reads no data at all.
//
//   <location>/index.json          path → size, mtime, content hash, result digest (small: read on every run)
//   <location>/data/<hash>.json    one file's ProcessedFile, path-independent (written once per content)
//   <location>/results/<id>.json   one catalogue's raw findings and summary, with the digest they belong to
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { makeFolder, writeFileAtomically } from '../files.js';
import path from 'node:path';
import type { ProcessedFile } from './process.js';
import type { RawFinding } from '../findings.js';

export interface FileStat {
  mtimeMs: number;
  size: number;
}

interface IndexEntry extends FileStat {
  hash: string;
  /** Hash of the file's parse and schema result for that content: a comment-only edit changes `hash`, not this. */
  result?: string;
}

interface IndexFile {
  key: string;
  files: Record<string, IndexEntry>;
}

export interface CachedResult<Summary> {
  digest: string;
  findings: RawFinding[];
  summary: Summary;
}

export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Findings are stored without their file, so one stored result serves every file with the same bytes. */
function withFile(findings: RawFinding[], file: string): RawFinding[] {
  return findings.map((f) => ({
    ...f,
    place: { ...f.place, file },
    ...(f.related ? { related: f.related.map((r) => ({ ...r, place: { ...r.place, file } })) } : {}),
  }));
}

/** The cache only ever saves time: a write that fails (full disk, read-only folder) leaves the run's result alone. */
function writeAtomically(file: string, text: string): void {
  try {
    makeFolder(path.dirname(file));
    writeFileAtomically(file, text);
  } catch {
    // Not stored: the next run parses the file again.
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** What a stored result holds (ProcessedFile's fields): a store of another layout is not used. */
const FORMAT = 2;

export class FileCache {
  private index: Record<string, IndexEntry> = {};
  private indexDirty = false;
  private readonly key: string;

  /** `key` names everything results depend on besides the files: the tool's version and its schemas. */
  constructor(
    readonly location: string,
    key: string,
  ) {
    this.key = `${FORMAT}:${key}`;
    // The location, or the nearest part of it that exists, must be a folder: a file there (cache/ under a file named
    // build, say) would make every write fail.
    let at = location;
    while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
    if (existsSync(at) && !statSync(at).isDirectory()) throw new UsageError('bad-cache-location', { path: at });
    const stored = readJson<IndexFile>(path.join(location, 'index.json'));
    // A cache from another version, or one that does not parse, is simply not used.
    if (stored && stored.key === this.key && stored.files && typeof stored.files === 'object') this.index = stored.files;
  }

  /** The content hash of a file whose size and mtime are unchanged, without reading it. */
  hashByStat(id: string, stat: FileStat): string | undefined {
    const entry = this.index[id];
    return entry && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size ? entry.hash : undefined;
  }

  remember(id: string, stat: FileStat, hash: string): void {
    const entry = this.index[id];
    if (entry && entry.hash === hash && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size) return;
    // Same content under a new mtime keeps its result digest; new content has none until it is processed.
    this.index[id] = { ...stat, hash, ...(entry?.hash === hash && entry.result ? { result: entry.result } : {}) };
    this.indexDirty = true;
  }

  /** The result digest recorded for this file's current content, if it was processed before. */
  resultDigest(id: string, hash: string): string | undefined {
    const entry = this.index[id];
    return entry?.hash === hash ? entry.result : undefined;
  }

  rememberResult(id: string, digest: string): void {
    const entry = this.index[id];
    if (!entry || entry.result === digest) return;
    entry.result = digest;
    this.indexDirty = true;
  }

  /** A file's parse and schema results for these bytes, if any run has seen them. */
  processed(hash: string, relativePath: string, file: string): ProcessedFile | undefined {
    const stored = readJson<Omit<ProcessedFile, 'relativePath' | 'file'>>(path.join(this.location, 'data', `${hash}.json`));
    if (!stored || !Array.isArray(stored.findings)) return undefined;
    return { ...stored, relativePath, file, findings: withFile(stored.findings, file) };
  }

  /** Stores a file's result under its content hash (when it has one) and returns the digest of the result itself. */
  storeProcessed(hash: string | undefined, result: ProcessedFile): string {
    const { relativePath: _relativePath, file: _file, ...rest } = result;
    const text = JSON.stringify({ ...rest, findings: withFile(rest.findings, '') });
    if (hash && result.readable) {
      const file = path.join(this.location, 'data', `${hash}.json`);
      if (!existsSync(file)) writeAtomically(file, text);
    }
    return contentHash(text);
  }

  result<Summary>(catalogueId: string, digest: string): CachedResult<Summary> | undefined {
    const stored = readJson<CachedResult<Summary>>(path.join(this.location, 'results', `${contentHash(catalogueId)}.json`));
    return stored && stored.digest === digest && Array.isArray(stored.findings) ? stored : undefined;
  }

  storeResult<Summary>(catalogueId: string, result: CachedResult<Summary>): void {
    writeAtomically(path.join(this.location, 'results', `${contentHash(catalogueId)}.json`), JSON.stringify(result));
  }

  /** Forgets files of this catalogue that are gone, writes the index, and drops stored data no file uses any more. */
  save(prefix: string, keep: Set<string>): void {
    for (const id of Object.keys(this.index)) {
      if (id.startsWith(prefix) && !keep.has(id)) {
        delete this.index[id];
        this.indexDirty = true;
      }
    }
    if (!this.indexDirty) return;
    writeAtomically(path.join(this.location, 'index.json'), JSON.stringify({ key: this.key, files: this.index } satisfies IndexFile));
    this.indexDirty = false;
    const used = new Set(Object.values(this.index).map((entry) => `${entry.hash}.json`));
    const dataDir = path.join(this.location, 'data');
    let stored: string[] = [];
    try {
      stored = readdirSync(dataDir);
    } catch {
      return;
    }
    for (const name of stored) if (!used.has(name) && name.endsWith('.json')) rmSync(path.join(dataDir, name), { force: true });
  }
}
