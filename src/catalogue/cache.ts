// `--cache`: per-file results keyed by content hash, so a re-run only parses and schema-checks what changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProcessedFile } from './process.js';

export interface FileStat {
  mtimeMs: number;
  size: number;
}

interface Entry extends FileStat {
  hash: string;
  result: Omit<ProcessedFile, 'file'>;
}

interface CacheFile {
  key: string;
  entries: Record<string, Entry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

export class FileCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;

  /** `key` names everything the results depend on besides the file: the tool version and the schemas. */
  constructor(
    readonly location: string,
    private readonly key: string,
  ) {
    try {
      const stored = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      // A cache from another version, or one that does not parse, is simply not used.
      if (stored.key === key && stored.entries && typeof stored.entries === 'object') this.entries = stored.entries;
    } catch {
      this.entries = {};
    }
  }

  /** A result whose file has the same size and mtime, without reading it. */
  byStat(id: string, stat: FileStat): Entry | undefined {
    const entry = this.entries[id];
    return entry && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size ? entry : undefined;
  }

  /** A result for the same bytes (a file touched or rewritten identically); refreshes the stored mtime. */
  byHash(id: string, stat: FileStat, hash: string): Entry | undefined {
    const entry = this.entries[id];
    if (!entry || entry.hash !== hash) return undefined;
    if (entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size) {
      this.entries[id] = { ...entry, ...stat };
      this.dirty = true;
    }
    return entry;
  }

  store(id: string, stat: FileStat, hash: string, result: ProcessedFile): void {
    const { file: _file, ...rest } = result;
    this.entries[id] = { ...stat, hash, result: rest };
    this.dirty = true;
  }

  /** Keeps only the given ids (files that were deleted drop out), then writes atomically if anything changed. */
  save(keep: Set<string>): void {
    for (const id of Object.keys(this.entries)) {
      if (!keep.has(id)) {
        delete this.entries[id];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    mkdirSync(path.dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key: this.key, entries: this.entries } satisfies CacheFile));
    renameSync(temporary, this.location);
    this.dirty = false;
  }
}
