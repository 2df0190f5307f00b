// `qingdan fmt` without the command line: format each file, write what changed (unless only checking), say what happened.
import { realpathSync, statSync } from 'node:fs';
import { writeFileAtomically } from '../files.js';
import { formatText, type FormatOutcome } from './format.js';
import { misnamedFile, unlistedFolder, unreadableFinding } from '../catalogue/process.js';
import { readRegularFile } from '../catalogue/source.js';
import { withoutBom } from '../catalogue/parse.js';
import type { FmtFile } from './files.js';
import type { FmtJob } from './worker.js';
import { runWorker, shares, workerCount } from '../workers.js';

export interface FmtResult {
  file: FmtFile;
  outcome: FormatOutcome;
  /** The file's text as read (for positions of problems). */
  text?: string;
  /** Formatted but not written: the error code (EACCES, EROFS…). The file is as it was. */
  unwritable?: string;
}


export function formatFiles(files: FmtFile[], options: { check: boolean }): FmtResult[] {
  return files.map((file) => {
    if (file.unlisted) return { file, outcome: { status: 'broken', findings: unlistedFolder(file.unlisted, '', file.display).findings } };
    if (file.misnamed) return { file, outcome: { status: 'broken', findings: misnamedFile(file.misnamed, file.display).findings } };
    let bytes: Buffer;
    try {
      bytes = readRegularFile(file.absolute);
    } catch (error) {
      return { file, outcome: { status: 'broken', findings: [unreadableFinding(error as NodeJS.ErrnoException, file.display)] } };
    }
    const outcome = formatText(bytes, file.display, file.kind);
    if (outcome.status === 'formatted' && outcome.changed && !options.check) {
      // Written beside and renamed, so an interrupted run never leaves half a file. Beside the real file: renamed onto
      // a symbolic link (a laws.yaml shared by several catalogues), the link would become a copy and the shared file
      // stay as it was. The file keeps its permissions.
      const target = realpathSync(file.absolute);
      try {
        writeFileAtomically(target, outcome.text, { mode: statSync(target).mode & 0o7777, temporary: `${target}.qingdan-fmt` });
      } catch (error) {
        return { file, outcome, text: withoutBom(bytes.toString('utf8')), unwritable: (error as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    }
    return { file, outcome, text: withoutBom(bytes.toString('utf8')) };
  });
}

// fmt reads a file with the full YAML parser and prints it again: about a second per megabyte on one core. Below half
// a megabyte a worker's start-up (loading the parser) costs more than it saves.
const WORKER_THRESHOLD_BYTES = 512 * 1024;
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/**
 * A folder that could not be listed, or a file whose name is not UTF-8, is only reported, on this thread: the folder's
 * error would lose its code in a structured clone, and the misnamed file's reader cannot be cloned at all.
 */
function stayHere(file: FmtFile): boolean {
  return file.unlisted !== undefined || file.misnamed !== undefined;
}

function sizeOf(file: FmtFile): number {
  try {
    return stayHere(file) ? 0 : statSync(file.absolute).size;
  } catch {
    return 0;
  }
}

/** formatFiles on several threads when the files are large enough to pay for it, results in the files' order. */
export async function formatFilesInParallel(files: FmtFile[], options: { check: boolean; workers?: number }): Promise<FmtResult[]> {
  const sizes = new Map(files.map((file) => [file, sizeOf(file)]));
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const workers = Math.min(workerCount(WORKER_SCRIPT, options.workers, total, WORKER_THRESHOLD_BYTES), files.length - 1);
  if (workers <= 0) return formatFiles(files, options);
  const [own, ...others] = shares(files.filter((file) => !stayHere(file)), (file) => sizes.get(file)!, workers + 1);
  const running = others.filter((share) => share.length).map((share) => runWorker<FmtResult[]>(WORKER_SCRIPT, { files: share, check: options.check } satisfies FmtJob));
  const mine = formatFiles([...own!, ...files.filter(stayHere)], options);
  const byFile = new Map<string, FmtResult>();
  for (const result of [...mine, ...(await Promise.all(running)).flat()]) byFile.set(result.file.absolute, result);
  return files.map((file) => byFile.get(file.absolute)!);
}
