// Writing a file so that a reader, or a run that is stopped half-way, finds the old file or the new one — never half
// of one: the bytes go to a temporary file beside it (same folder, so the rename is atomic), renamed over it.
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A name beside `out` for a folder of this process (`kind`: tmp, old, trash). Builds remove such folders left by
 * processes that are gone (build.ts, removeLeftovers), by the pid in the name.
 */
export function uniqueSibling(out: string, kind: string): string {
  return `${out}.qingdan-${kind}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The temporary file beside `file` that this process writes before renaming it into place. */
export function temporaryBeside(file: string): string {
  return `${file}.qingdan-${process.pid}.tmp`;
}

/** Removes a temporary file if it is there; a folder that is missing or not a folder means nothing was written. */
export function removeTemporary(temporary: string): void {
  try {
    rmSync(temporary, { force: true });
  } catch {
    // ENOTDIR: a file where the folder should be, so the temporary file was never made.
  }
}

/**
 * Writes `data` to `file` atomically. `mode`: the permissions to give it (umask does not apply); `temporary`: another
 * name beside it to write to first. Throws on failure, the temporary file removed.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array, options: { mode?: number; temporary?: string } = {}): void {
  const { mode, temporary = temporaryBeside(file) } = options;
  try {
    writeFileSync(temporary, data);
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, file);
  } catch (error) {
    removeTemporary(temporary);
    throw error;
  }
}

/**
 * Makes a folder and the folders above it that are missing, as `mkdirSync(dir, { recursive: true })` does, which
 * never returns when the file system answers ENOENT to a folder whose parent exists (Node 20 on /proc: `-o
 * /proc/report.txt` hung). Each folder is asked for once here; the file system's refusal is thrown as it came.
 */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    makeFolder(parent);
    mkdirSync(dir);
  }
}
