// `qingdan fmt` without the command line: format each file, write what changed (unless only checking), say what happened.
import { realpathSync, statSync } from 'node:fs';
import { writeFileAtomically } from '../files.js';
import { formatText, type FormatOutcome } from './format.js';
import { misnamedFile, unlistedFolder, unreadableFinding } from '../catalogue/process.js';
import { readRegularFile } from '../catalogue/source.js';
import { withoutBom } from '../catalogue/parse.js';
import type { FmtFile } from './files.js';

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
