// Files written while rendering goes on: the disk works in libuv's threads while this thread makes the next page.
// The callback API, not fs/promises: writing 4,000 pages of 20 KB took 1.08 s of user CPU through fs/promises
// against 0.40 s here (0.26 s blocking, but then this thread waits for the disk).
import { rename, rm, writeFile } from 'node:fs';
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

  /** Starts writing; waits only when too many writes are in flight. A failed write is thrown by a later call. */
  async write(file: string, data: string | Buffer): Promise<void> {
    this.check();
    this.pending++;
    const done = (error: Error | null) => {
      this.pending--;
      if (error) this.failure ??= error;
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    };
    if (!this.atomic) writeFile(file, data, done);
    else {
      const temporary = temporaryBeside(file);
      writeFile(temporary, data, (error) => {
        if (error) rm(temporary, { force: true }, () => done(error));
        else rename(temporary, file, (failed) => (failed ? rm(temporary, { force: true }, () => done(failed)) : done(null)));
      });
    }
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
