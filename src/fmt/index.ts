// `qingdan fmt` without the command line: format each file, write what changed (unless only checking), say what happened.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { formatText, type FormatOutcome } from './format.js';
import type { FmtFile } from './files.js';

export interface FmtResult {
  file: FmtFile;
  outcome: FormatOutcome;
  /** The file's text as read (for positions of problems). */
  text?: string;
}

export function formatFiles(files: FmtFile[], options: { check: boolean }): FmtResult[] {
  return files.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      const finding = { ruleId: 'file/unreadable', messageId: 'unreadable', data: { code }, place: { file: file.display, path: [], range: [0, 0] as [number, number], text: '' } };
      return { file, outcome: { status: 'broken', findings: [finding] } };
    }
    const outcome = formatText(bytes, file.display, file.kind);
    if (outcome.status === 'formatted' && outcome.changed && !options.check) {
      // Written beside and renamed, so an interrupted run never leaves half a file.
      const temporary = `${file.absolute}.qingdan-fmt`;
      writeFileSync(temporary, outcome.text);
      renameSync(temporary, file.absolute);
    }
    return { file, outcome, text: bytes.toString('utf8') };
  });
}
