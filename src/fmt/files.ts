// Which files `qingdan fmt` looks at: the catalogue around the working directory, or the files and folders named.
import path from 'node:path';
import { CONFIG_FILE, DirectorySource, toPosix, type MisnamedEntry } from '../catalogue/source.js';
import { resolveTargets, statGiven } from '../cli/targets.js';
import type { FileKind } from './format.js';

export interface FmtFile {
  absolute: string;
  /** Relative to the working directory, posix: how the file is named in output. */
  display: string;
  kind: FileKind;
  /** A folder that could not be listed: not a file to format, but said as one that could not be read. */
  unlisted?: NodeJS.ErrnoException;
  /** A file or folder whose name is not UTF-8: not formatted (it could not be written back by its name), but said. */
  misnamed?: MisnamedEntry;
}

function entry(absolute: string, cwd: string): FmtFile {
  return { absolute, display: toPosix(path.relative(cwd, absolute)) || path.basename(absolute), kind: path.basename(absolute) === CONFIG_FILE ? 'config' : 'file' };
}

/** Every YAML file below a folder (dot folders and node_modules skipped, as for validate), qingdan.yaml files included. */
function filesBelow(folder: string, cwd: string): FmtFile[] {
  const source = new DirectorySource(folder, cwd);
  const unlisted: FmtFile[] = [];
  const relative = source.listFiles(
    (below, error) => unlisted.push({ ...entry(path.join(folder, below), cwd), kind: 'file', unlisted: error }),
    (misnamed) => unlisted.push({ ...entry(path.join(folder, misnamed.relativePath), cwd), kind: 'file', misnamed }),
  );
  if (source.hasConfig()) relative.unshift(CONFIG_FILE);
  return [...relative.map((file) => entry(path.join(folder, file), cwd)), ...unlisted];
}

export function fmtFiles(paths: string[], cwd: string): FmtFile[] {
  const roots = paths.length ? paths : [resolveTargets([], cwd)[0]!.root];
  const seen = new Set<string>();
  const out: FmtFile[] = [];
  for (const given of roots) {
    const { absolute, stats } = statGiven(given, cwd);
    for (const file of stats.isDirectory() ? filesBelow(absolute, cwd) : [entry(absolute, cwd)]) {
      if (seen.has(file.absolute)) continue;
      seen.add(file.absolute);
      out.push(file);
    }
  }
  return out;
}
