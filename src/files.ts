// Writing a file so that a reader, or a run that is stopped half-way, finds the old file or the new one — never half
// of one: the bytes go to a temporary file beside it (same folder, so the rename is atomic), renamed over it.
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';

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
