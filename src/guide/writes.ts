// Writing the site's files. A build writes each file at once (writeFileSync): into a new folder, the page cache takes
// it without waiting for the disk, and the main thread wakes no thread and runs no callback per file. Through libuv's
// threads (open, write and close each a round trip) the 4,216 files of the benchmark cost the main thread 1.65 s
// in a CPU profile, most of it in `open` (woken threads taking its core); at once, builds were 0.26–0.38 s faster
// (median of 4–5 interleaved rounds, on /dev/shm and on the disk; docs/performance.md). Replacing files in place
// (serve: `atomic`) stays in libuv's threads, in flight while rendering goes on: replacing a large file frees its old
// blocks, which takes time on some disks. (fs/promises cost 1.08 s of user CPU for 4,000 pages of 20 KB where the
// callback API cost 0.40 s.)
import { rename, rm, writeFile, writeFileSync } from 'node:fs';
import { temporaryBeside } from '../files.js';

/** Writes in flight at once: enough to keep the disk busy, few enough to bound the memory held. */
const IN_FLIGHT = 64;

export class Writes {
  /**
   * `atomic`: each file is written beside its target and renamed over it, so a reader (the preview's browser) sees
   * the old file or the new one, never half of one. Replacing a large file frees its old blocks, which takes time
   * on some disks: that happens here in libuv's threads too.
   */
  constructor(private readonly atomic = false) {}

  private pending = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  /**
   * Writes (atomic: starts writing, and waits only when too many writes are in flight). A failed write is thrown by a
   * later call.
   */
  async write(file: string, data: string | Buffer): Promise<void> {
    this.check();
    if (!this.atomic) {
      try {
        writeFileSync(file, data);
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
    writeFile(temporary, data, (error) => {
      if (error) rm(temporary, { force: true }, () => done(error));
      else rename(temporary, file, (failed) => (failed ? rm(temporary, { force: true }, () => done(failed)) : done(null)));
    });
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
