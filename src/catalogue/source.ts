// Where catalogue files come from: a folder on disk, or (for tests and diff) any other store of bytes.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { contentHash } from './cache.js';

export const CONFIG_FILE = 'qingdan.yaml';

/** The catalogue `dir` is in: itself or the nearest folder above it that holds qingdan.yaml. */
export function enclosingCatalogue(dir: string): string | undefined {
  for (let folder = dir; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, CONFIG_FILE))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export interface CatalogueSource {
  /** How the catalogue root is shown in findings, e.g. `lists` (relative to the working directory). */
  readonly displayRoot: string;
  /**
   * Catalogue files as posix paths relative to the root, sorted; the config file excluded. A folder that cannot be
   * listed (no permission) is told to `unlisted` (its posix path relative to the root, '' for the root) and skipped.
   */
  listFiles(unlisted?: (folder: string, error: NodeJS.ErrnoException) => void): string[];
  readFile(relativePath: string): Uint8Array;
  hasConfig(): boolean;
  /** qingdan.yaml is there but is a folder: a mistake worth its own sentence. */
  configIsFolder?(): boolean;
  /** Size and modification time, for the cache; sources without them are never cached. */
  stat?(relativePath: string): { mtimeMs: number; size: number } | undefined;
  /**
   * What names a file's content without reading it (a git blob id), when the source knows: two loads that find the
   * same content at the same path can share one parse (see LoadOptions.shared).
   */
  contentId?(relativePath: string): string | undefined;
  /** The folder on disk, when there is one: workers read from it themselves. */
  readonly root?: string;
}

export class SourceError extends Error {
  constructor(
    readonly messageId: string,
    readonly data: Record<string, string>,
  ) {
    super(messageId);
  }
}

const YAML_FILE = /\.ya?ml$/i;

/** Folders that are never part of a catalogue: tool state and dependencies. */
export function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export class DirectorySource implements CatalogueSource {
  readonly displayRoot: string;

  constructor(
    readonly root: string,
    cwd = process.cwd(),
    displayRoot?: string,
  ) {
    this.displayRoot = displayRoot ?? (toPosix(path.relative(cwd, root)) || '.');
  }

  stat(relativePath: string): { mtimeMs: number; size: number } | undefined {
    try {
      const stats = statSync(path.join(this.root, relativePath));
      return { mtimeMs: stats.mtimeMs, size: stats.size };
    } catch {
      return undefined;
    }
  }

  configIsFolder(): boolean {
    try {
      return statSync(path.join(this.root, CONFIG_FILE)).isDirectory();
    } catch {
      return false;
    }
  }

  hasConfig(): boolean {
    try {
      return statSync(path.join(this.root, CONFIG_FILE)).isFile();
    } catch {
      return false;
    }
  }

  listFiles(unlisted?: (folder: string, error: NodeJS.ErrnoException) => void): string[] {
    const out: string[] = [];
    const walk = (relative: string) => {
      let entries: Dirent[];
      try {
        entries = this.readFolder(relative);
      } catch (error) {
        if (!unlisted) throw error;
        unlisted(relative, error as NodeJS.ErrnoException);
        return;
      }
      for (const entry of entries) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        // Symlinked folders are not followed: they can loop, and a catalogue lives in one tree.
        if (entry.isDirectory()) {
          if (!skipFolder(entry.name)) walk(child);
        } else if (YAML_FILE.test(entry.name) && child !== CONFIG_FILE) {
          // Files and links, and a pipe or device named *.yaml too: reading it is refused (readFile), and said.
          out.push(child);
        }
      }
    };
    walk('');
    return out.sort(compareCodePoints);
  }

  readFile(relativePath: string): Uint8Array {
    return readRegularFile(path.join(this.root, relativePath));
  }

  /** The entries of a folder (posix path relative to the root). */
  protected readFolder(relative: string): Dirent[] {
    return readdirSync(path.join(this.root, relative), { withFileTypes: true });
  }
}

/** The code of the error for a path that is no regular file (a pipe, a socket, a device): file/unreadable's not-a-file. */
export const NOT_A_FILE = 'not-a-file';

/**
 * A file's bytes; a pipe or a device is refused instead of read, since reading a pipe waits for a writer forever and a
 * device may never end. Opened without blocking and looked at through the open file, so nothing can change between
 * the look and the read; one fstat more than readFileSync(path) makes (it stats the descriptor again for the size),
 * within noise on 4,000 files (docs/performance.md, eighth session).
 */
export function readRegularFile(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR' });
    if (!stats.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: NOT_A_FILE });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** In-memory catalogue, for tests and for revisions read from git. */
export class MemorySource implements CatalogueSource {
  constructor(
    private readonly files: Record<string, string | Uint8Array>,
    readonly displayRoot = '.',
  ) {}

  hasConfig(): boolean {
    return CONFIG_FILE in this.files;
  }

  listFiles(): string[] {
    return Object.keys(this.files)
      .filter((name) => name !== CONFIG_FILE && YAML_FILE.test(name))
      .sort(compareCodePoints);
  }

  readFile(relativePath: string): Uint8Array {
    const content = this.files[relativePath];
    if (content === undefined) throw Object.assign(new Error(`ENOENT: ${relativePath}`), { code: 'ENOENT' });
    return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Byte-order comparison, independent of the machine's locale, so every run lists files in the same order. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function displayPath(source: CatalogueSource, relativePath: string): string {
  return source.displayRoot === '.' ? relativePath : `${source.displayRoot}/${relativePath}`;
}

/**
 * A folder whose files are named by a hash of their bytes (read each time: a size and a time could miss an edit). A
 * process that loads the same folder again (`qingdan serve`) parses only files whose bytes changed.
 */
export class HashedDirectorySource extends DirectorySource {
  contentId(relativePath: string): string | undefined {
    try {
      return contentHash(this.readFile(relativePath));
    } catch {
      return undefined;
    }
  }
}
