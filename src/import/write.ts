// Imported entries → YAML files of the catalogue, one file per department and section, in the canonical layout of
// `qingdan fmt`; departments and laws are appended to the catalogue's existing lists rather than replacing them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { formatText, PRINT_OPTIONS } from '../fmt/format.js';
import type { SectionName } from '../schema/definitions.js';

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

/** Adds entries at the end of a file's section (the section is created when the file has none); the rest is kept. */
export function appendText(existing: string, section: SectionName, entries: unknown[]): string {
  const document = parseDocument(existing);
  const formatted = parseDocument(sectionText(section, entries, ''));
  const additions = (formatted.get(section) as YAMLSeq).items;
  const root = document.contents;
  if (!isMap(root)) return sectionText(section, entries, '');
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

export function writePlanned(root: string, planned: PlannedFile[]): void {
  for (const file of planned) {
    const target = path.join(root, file.relativePath);
    mkdirSync(path.dirname(target), { recursive: true });
    const text = file.append && existsSync(target) ? appendText(readFileSync(target, 'utf8'), file.section, file.entries) : sectionText(file.section, file.entries, file.comment);
    writeFileSync(target, text);
  }
}
