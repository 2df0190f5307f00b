// Errors that reach the user as one sentence and exit code 2: usage and environment problems, never stack traces.
import type { MessageData, Finding } from './findings.js';
import type { UiKey } from './i18n/types.js';

export class UsageError extends Error {
  constructor(
    readonly key: UiKey,
    readonly data: MessageData = {},
    /** Findings that explain the problem, e.g. the errors in qingdan.yaml. */
    readonly findings: Finding[] = [],
  ) {
    super(key);
  }
}

// What the file system's refusals mean for someone who asked qingdan to write a file: a sentence each, with the code.
const WRITE_REFUSALS: Record<string, UiKey> = {
  EACCES: 'write-denied', EPERM: 'write-denied', EROFS: 'write-denied',
  EISDIR: 'write-is-folder',
  // EEXIST comes from making a folder where a file is (qingdan never opens a file with "must not exist").
  ENOTDIR: 'write-not-folder', EEXIST: 'write-not-folder',
  ENOSPC: 'write-disk-full', EDQUOT: 'write-disk-full',
  ENOENT: 'write-no-folder',
  ENAMETOOLONG: 'write-name-too-long',
};

/** Whether the file system refused a write for one of the reasons WRITE_REFUSALS puts in words. */
export function isWriteRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && Object.hasOwn(WRITE_REFUSALS, code);
}

/** A file qingdan was asked to write (`shown` as the user named it) that could not be written: exit 2, in words. */
export function writeFailed(shown: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const key = code !== undefined ? WRITE_REFUSALS[code] : undefined;
  if (key) return new UsageError(key, { path: shown, code: code! });
  return new UsageError('write-failed', { path: shown, detail: error instanceof Error ? error.message : String(error) });
}
