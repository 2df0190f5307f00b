// Turns the paths a user typed into catalogues to check and, when files were named, which of their findings to show.
import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, enclosingCatalogue, toPosix } from '../catalogue/source.js';
import { UsageError } from '../errors.js';

export interface Target {
  /** Absolute catalogue root (the folder holding qingdan.yaml). */
  root: string;
  /** Display paths (relative to cwd) of the files or folders to report on; undefined means the whole catalogue. */
  only: string[] | undefined;
}

/**
 * With no path: the current folder's catalogue, or `lists/` beside it. A folder or file inside a catalogue checks
 * the whole catalogue (cross-file rules need it) but reports only on what was named — what pre-commit wants for
 * staged files. Files outside any catalogue are skipped when other paths are in one.
 */
export function resolveTargets(paths: string[], cwd: string): Target[] {
  if (paths.length === 0) {
    const here = enclosingCatalogue(cwd);
    if (here) return [{ root: here, only: undefined }];
    if (existsSync(path.join(cwd, 'lists', CONFIG_FILE))) return [{ root: path.join(cwd, 'lists'), only: undefined }];
    throw misnamedConfig(cwd, '.') ?? misnamedConfig(path.join(cwd, 'lists'), 'lists') ?? new UsageError('no-config', { root: '.' });
  }
  const byRoot = new Map<string, Target>();
  let outside: string | undefined;
  let misnamed: UsageError | undefined;
  for (const given of paths) {
    const { absolute, stats } = statGiven(given, cwd);
    const root = enclosingCatalogue(stats.isDirectory() ? absolute : path.dirname(absolute));
    if (!root) {
      outside ??= given;
      // A named file says to look in its folder: lists/powers.yaml beside a Qingdan.yml.
      misnamed ??= stats.isDirectory() ? misnamedConfig(absolute, given) : misnamedConfig(path.dirname(absolute), toPosix(path.dirname(given)));
      continue;
    }
    const whole = (stats.isDirectory() && absolute === root) || (!stats.isDirectory() && absolute === path.join(root, CONFIG_FILE));
    const target = byRoot.get(root) ?? { root, only: [] };
    if (whole) target.only = undefined;
    else target.only?.push(toPosix(path.relative(cwd, absolute)) || '.');
    byRoot.set(root, target);
  }
  if (byRoot.size === 0) throw misnamed ?? new UsageError('no-config', { root: outside ?? '.' });
  return [...byRoot.values()];
}

/**
 * The error for a folder that has no qingdan.yaml (`shown` as the user typed it): the one that says to rename a
 * settings file named almost right (qingdan.yml, Qingdan.yaml) when there is one, else no-config. For every command
 * that takes a catalogue folder.
 */
export function noConfigError(folder: string, shown: string): UsageError {
  return misnamedConfig(folder, shown) ?? new UsageError('no-config', { root: shown });
}

/** A settings file named almost right (qingdan.yml, Qingdan.yaml) in `folder`: the error that says to rename it. */
function misnamedConfig(folder: string, shown: string): UsageError | undefined {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  const found = names.find((name) => name !== CONFIG_FILE && /^qingdan\.ya?ml$/i.test(name));
  return found ? new UsageError('config-misnamed', { root: shown, found }) : undefined;
}

/** A path the user typed, resolved and looked at; one that does not exist is a usage error naming it as typed. */
export function statGiven(given: string, cwd: string): { absolute: string; stats: Stats } {
  const absolute = path.resolve(cwd, given);
  let stats: Stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new UsageError('not-found', { path: given });
  }
  // A pipe or a device: reading it would wait forever or never end (fmt hung on one; validate checked nothing).
  if (!stats.isFile() && !stats.isDirectory()) throw new UsageError('not-a-file', { path: given });
  return { absolute, stats };
}

/** Whether a display path is one of the named files, or inside one of the named folders. */
export function isSelected(file: string, only: string[] | undefined): boolean {
  if (!only) return true;
  return only.some((selected) => selected === '.' || file === selected || file.startsWith(`${selected}/`));
}
