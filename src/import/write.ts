// Imported entries → YAML files of the catalogue, one file per department and section, in the canonical layout of
// `qingdan fmt`; departments and laws are appended to the catalogue's existing lists rather than replacing them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { formatText, PRINT_OPTIONS } from '../fmt/format.js';
import type { SectionName } from '../schema/definitions.js';
import { ToolError } from '../i18n/tools.js';
import { CONFIG_FILE, toPosix } from '../catalogue/source.js';
import { UsageError, writeFailed } from '../errors.js';
import { decode } from '../catalogue/parse.js';
import { makeFolder } from '../files.js';

export interface PlannedFile {
  /** Relative to the catalogue root, posix. */
  relativePath: string;
  section: SectionName;
  entries: unknown[];
  /** Append to the file's section instead of writing the file. */
  append: boolean;
  comment: string;
}

/** Canonical text of a new file holding one section, a blank line between entries as in lists/. */
export function sectionText(section: SectionName, entries: unknown[], comment: string): string {
  const document = new Document({ [section]: entries });
  document.commentBefore = comment;
  const list = document.get(section) as YAMLSeq;
  list.items.forEach((item, index) => {
    if (index > 0 && item && typeof item === 'object') (item as { spaceBefore?: boolean }).spaceBefore = true;
  });
  const outcome = formatText(document.toString(PRINT_OPTIONS), section, 'file');
  if (outcome.status !== 'formatted') throw new Error(`import produced a file fmt cannot format: ${outcome.status}`);
  return outcome.text;
}

/**
 * Adds entries at the end of a file's section (the section is created when the file has none); the rest is kept.
 * `shown` names the file in messages. A file that cannot be printed back whole — YAML errors, or a top level that is a
 * list or a scalar — is refused rather than replaced by the new section: that would lose what the editor wrote.
 */
export function appendText(existing: string, section: SectionName, entries: unknown[], shown: string): string {
  const document = parseDocument(existing);
  if (document.errors.length) throw new ToolError('import-append-broken', { path: shown, section });
  const formatted = parseDocument(sectionText(section, entries, ''));
  const additions = (formatted.get(section) as YAMLSeq).items;
  const root = document.contents;
  if (root === null) {
    // Empty, or only comments: the new section becomes the contents and the comments stay.
    document.contents = formatted.contents;
    return document.toString(PRINT_OPTIONS);
  }
  if (!isMap(root)) throw new ToolError('import-append-not-mapping', { path: shown, section });
  const list = root.get(section, true);
  if (isSeq(list)) {
    additions.forEach((item) => {
      (item as { spaceBefore?: boolean }).spaceBefore = true;
      (list.items as unknown[]).push(item);
    });
  } else (root as { set(key: unknown, value: unknown): void }).set(section, formatted.get(section, true));
  const outcome = formatText(document.toString(PRINT_OPTIONS), section, 'file');
  return outcome.status === 'formatted' ? outcome.text : document.toString(PRINT_OPTIONS);
}

/** The bytes of a file that exists, undefined for one that does not; anything else (a folder) stops the import. */
function present(target: string, shown: string): Buffer | undefined {
  try {
    return readFileSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeFailed(shown, error);
  }
}

/**
 * Writes the planned files, then `config` (the text of a new qingdan.yaml) if given. `out` is the --out folder as
 * typed, to name files in messages. Every text is made before the first write, so a file that cannot take the new
 * entries stops the import with nothing written; a write that fails (permissions, a full disk) puts back every file
 * written before it, so the catalogue is as it was rather than half imported.
 */
export function writePlanned(root: string, planned: PlannedFile[], out: string, config?: string): void {
  const writes: Array<{ target: string; shown: string; original: Buffer | undefined; text: string }> = [];
  const byTarget = new Map<string, (typeof writes)[number]>();
  for (const file of planned) {
    const target = path.join(root, file.relativePath);
    const shown = toPosix(path.join(out, file.relativePath));
    // Two sections bound for one file (a catalogue that keeps departments and laws together): the second is added to
    // the text the first made, not to the file as it was, which would drop the first's entries.
    const earlier = byTarget.get(target);
    if (earlier) {
      earlier.text = appendText(earlier.text, file.section, file.entries, shown);
      continue;
    }
    const original = present(target, shown);
    let text: string;
    if (!(file.append && original)) text = sectionText(file.section, file.entries, file.comment);
    else {
      // Read as UTF-8 regardless, a GB18030 file would be written back with every Chinese character replaced by U+FFFD.
      const decoded = decode(original, shown);
      if (!decoded.ok) throw new ToolError('import-append-encoding', { path: shown, section: file.section });
      text = appendText(decoded.text, file.section, file.entries, shown);
    }
    const write = { target, shown, original, text };
    writes.push(write);
    byTarget.set(target, write);
  }
  if (config !== undefined) {
    const target = path.join(root, CONFIG_FILE);
    const shown = toPosix(path.join(out, CONFIG_FILE));
    writes.push({ target, shown, original: present(target, shown), text: config });
  }
  const done: typeof writes = [];
  for (const write of writes) {
    try {
      makeFolder(path.dirname(write.target));
      writeFileSync(write.target, write.text);
      done.push(write);
    } catch (error) {
      for (const earlier of done.reverse()) {
        if (earlier.original) writeFileSync(earlier.target, earlier.original);
        else rmSync(earlier.target, { force: true });
      }
      throw writeFailed(write.shown, error);
    }
  }
}
