// Writing the site's files. A build writes each file at once (writeFileSync): into a new folder, the page cache takes
// it without waiting for the disk, and the main thread wakes no thread and runs no callback per file. Through libuv's
// threads (open, write and close each a round trip) the 4,216 files of the benchmark cost the main thread 1.65 s
// in a CPU profile, most of it in `open` (woken threads taking its core); at once, builds were 0.26–0.38 s faster
// (median of 4–5 interleaved rounds, on /dev/shm and on the disk; docs/performance.md). Replacing files in place
// (serve: `atomic`) stays in libuv's threads, in flight while rendering goes on: replacing a large file frees its old
// blocks, which takes time on some disks. (fs/promises cost 1.08 s of user CPU for 4,000 pages of 20 KB where the
// callback API cost 0.40 s.)
import { close, closeSync, link, mkdirSync, open, openSync, rename, rm, writeFile, writeFileSync, writev, writevSync } from 'node:fs';
import path from 'node:path';
import { temporaryBeside, uniqueSibling } from '../files.js';

/**
 * A file's content: text, bytes, or bytes in pieces (serve's open data, kept per entry or chunk: written as they are,
 * without first copying 30 MB into one buffer on every edit).
 */
export type FileBytes = string | Buffer | readonly Buffer[];

/** The size of a file's content in bytes. */
export function byteLength(data: FileBytes): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Buffer.isBuffer(data)) return data.length;
  let total = 0;
  for (const piece of data) total += piece.length;
  return total;
}

/** Writes a file from pieces with one writev (libuv writes them all, in IOV_MAX batches, and goes on after a short write). */
function writePieces(file: string, pieces: readonly Buffer[], done: (error: Error | null) => void): void {
  open(file, 'w', (failed, fd) => {
    if (failed) return done(failed);
    writev(fd, pieces as Buffer[], (error) => close(fd, (closing) => done(error ?? closing ?? null)));
  });
}

/** The same at once: serve's first build writes the open data it keeps in pieces. */
function writePiecesSync(file: string, pieces: readonly Buffer[]): void {
  const fd = openSync(file, 'w');
  try {
    writevSync(fd, pieces as Buffer[]);
  } finally {
    closeSync(fd);
  }
}

/** Writes in flight at once: enough to keep the disk busy, few enough to bound the memory held. */
const IN_FLIGHT = 64;

/**
 * Where the files an update replaces are kept until the update is done (serve). Renaming a new file over an old one
 * frees the old one's blocks in the rename, about 2 ms a megabyte on ext4: on the benchmark's catalogue, 26 MB of open
 * data on every edit, about 100 ms of each rebuild on disk against /dev/shm. Hard-linked here first, the old file
 * stays whole until the folder is emptied, after the build has said it is done. The folder sits beside the site
 * (uniqueSibling), where a build removes it if the process died before emptying it.
 */
export class Trash {
  private folder: string | undefined;
  private count = 0;
  /** No folder could be made beside the site: not tried again for this update. */
  private refused = false;
  private emptying: Promise<void> = Promise.resolve();

  constructor(private readonly beside: string) {}

  /**
   * A new name in the trash folder, made on first use; undefined when no folder can be made beside the site (a
   * parent folder this user may not write to): the old files are then freed as they are replaced, as before.
   */
  place(): string | undefined {
    if (!this.folder) {
      if (this.refused) return undefined;
      const folder = uniqueSibling(this.beside, 'trash');
      try {
        mkdirSync(folder);
      } catch {
        this.refused = true;
        return undefined;
      }
      this.folder = folder;
    }
    return path.join(this.folder, String(++this.count));
  }

  /** Removes the folder in libuv's threads; the next place() makes a new one. Resolves when every removal is done. */
  empty(): Promise<void> {
    const folder = this.folder;
    this.folder = undefined;
    this.count = 0;
    this.refused = false;
    if (folder) this.emptying = Promise.all([this.emptying, new Promise<void>((resolve) => rm(folder, { recursive: true, force: true }, () => resolve()))]).then(() => undefined);
    return this.emptying;
  }
}

export class Writes {
  /**
   * `atomic`: each file is written beside its target and renamed over it, so a reader (the preview's browser) sees
   * the old file or the new one, never half of one. Replacing a large file frees its old blocks, which takes time
   * on some disks: that happens here in libuv's threads too, or later when a `trash` keeps the old files.
   */
  constructor(
    private readonly atomic = false,
    private readonly trash?: Trash,
  ) {}

  private pending = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  /**
   * Writes (atomic: starts writing, and waits only when too many writes are in flight). A failed write is thrown by a
   * later call.
   */
  async write(file: string, data: FileBytes): Promise<void> {
    this.check();
    if (!this.atomic) {
      try {
        if (typeof data === 'string' || Buffer.isBuffer(data)) writeFileSync(file, data);
        else writePiecesSync(file, data);
      } catch (error) {
        this.failure ??= error as Error;
      }
      return;
    }
    this.pending++;
    const done = (error: Error | null) => {
      this.pending--;
      if (error) this.failure ??= error;
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    };
    const temporary = temporaryBeside(file);
    const replace = () => rename(temporary, file, (failed) => (failed ? rm(temporary, { force: true }, () => done(failed)) : done(null)));
    const written = (error: Error | null) => {
      if (error) rm(temporary, { force: true }, () => done(error));
      // A new file has nothing to keep; a link that fails otherwise only means the old blocks are freed now.
      else {
        const kept = this.trash?.place();
        if (kept) link(file, kept, replace);
        else replace();
      }
    };
    if (typeof data === 'string' || Buffer.isBuffer(data)) writeFile(temporary, data, written);
    else writePieces(temporary, data, written);
    while (this.pending >= IN_FLIGHT) await new Promise<void>((resolve) => (this.wake = resolve));
    this.check();
  }

  /** Waits for every write; throws the first failure. */
  async finish(): Promise<void> {
    while (this.pending > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.check();
  }

  /** Waits for every write, ignoring failures (the build is being abandoned). */
  async settle(): Promise<void> {
    while (this.pending > 0) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
