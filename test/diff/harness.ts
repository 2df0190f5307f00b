// Diff test harness: fixture pairs test/fixtures/diff/<case>_base/ and <case>_revision/, and positions found in their text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DirectorySource, MemorySource } from '../../src/catalogue/source.js';
import { diffCatalogues, type DiffOptions, type DiffResult } from '../../src/diff/diff.js';
import type { Change } from '../../src/diff/types.js';
import { FIXTURES } from '../harness.js';

export const DIFF_FIXTURES = path.join(FIXTURES, 'diff');
export const TODAY = '2026-11-22';

export type Side = 'base' | 'revision';

/** Every case that has both folders. */
export function diffCases(): string[] {
  const names = readdirSync(DIFF_FIXTURES);
  return names
    .filter((name) => name.endsWith('_base') && names.includes(name.replace(/_base$/, '_revision')))
    .map((name) => name.replace(/_base$/, ''))
    .sort();
}

export function caseFolder(name: string, side: Side): string {
  return path.join(DIFF_FIXTURES, `${name}_${side}`);
}

/** Diffs a fixture pair; files are named relative to test/fixtures/diff, e.g. `power-renamed_revision/powers.yaml`. */
export function diffCase(name: string, options: Partial<DiffOptions> = {}): Promise<DiffResult> {
  const side = (which: Side) => {
    const source = new DirectorySource(caseFolder(name, which), DIFF_FIXTURES);
    return { source, label: source.displayRoot };
  };
  return diffCatalogues(side('base'), side('revision'), { today: TODAY, locale: 'en', ...options });
}

/** A fixture folder's files by path relative to it. */
export function caseFiles(name: string, side: Side): Record<string, string> {
  const root = caseFolder(name, side);
  const out: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const file = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(file);
      else out[file] = readFileSync(path.join(root, file), 'utf8');
    }
  };
  walk('');
  return out;
}

export interface Overlay {
  base?: Record<string, string | null>;
  revision?: Record<string, string | null>;
}

/** Diffs a fixture pair with some files replaced (`null` removes one), in memory; file names stay as in `diffCase`. */
export function diffCaseWith(name: string, overlay: Overlay, options: Partial<DiffOptions> = {}): Promise<DiffResult> {
  const side = (which: Side) => {
    const files: Record<string, string> = caseFiles(name, which);
    for (const [file, content] of Object.entries(overlay[which] ?? {})) {
      if (content === null) delete files[file];
      else files[file] = content;
    }
    const label = `${name}_${which}`;
    return { source: new MemorySource(files, label), label };
  };
  return diffCatalogues(side('base'), side('revision'), { today: TODAY, locale: 'en', ...options });
}

/**
 * Where a needle is in a fixture file: `«` inside the needle marks the exact point (the needle is searched without it),
 * else its first character. `after` narrows the search to text after the first occurrence of another string.
 */
export function at(name: string, side: Side, file: string, needle: string, after = ''): { file: string; line: number; column: number } {
  const relative = `${name}_${side}/${file}`;
  const text = readFileSync(path.join(DIFF_FIXTURES, relative), 'utf8');
  const marker = needle.indexOf('«');
  const plain = needle.replace('«', '');
  const from = after ? text.indexOf(after) : 0;
  if (from < 0) throw new Error(`${relative} does not contain ${JSON.stringify(after)}`);
  const found = text.indexOf(plain, from);
  if (found < 0) throw new Error(`${relative} does not contain ${JSON.stringify(plain)} after ${JSON.stringify(after)}`);
  if (text.indexOf(plain, found + 1) >= 0 && !after) throw new Error(`${relative}: ${JSON.stringify(plain)} is not unique; say where with \`after\``);
  const offset = found + Math.max(marker, 0);
  const lines = text.slice(0, offset).split('\n');
  return { file: relative, line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** `class level code`, the fact most assertions start from. */
export function brief(change: Change): string {
  return `${change.classId} ${change.level} ${change.code}`;
}
