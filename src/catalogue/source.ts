// Where catalogue files come from: a folder on disk, or (for tests and diff) any other store of bytes.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent, type PathLike } from 'node:fs';
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

/**
 * A file or folder whose name is not UTF-8 (GBK names from an old Windows zip tool): named by its lossy reading (U+FFFD
 * for the bytes that are not UTF-8, as Node names it) and its bytes; a file's bytes can still be read.
 */
export interface MisnamedEntry {
  /** Posix path relative to the root, the last part as Node reads it (with U+FFFD). */
  relativePath: string;
  /** The name's own bytes. */
  name: Uint8Array;
  folder: boolean;
  /** A file's bytes, through its name's bytes. */
  read?: () => Uint8Array;
}

export interface CatalogueSource {
  /** How the catalogue root is shown in findings, e.g. `lists` (relative to the working directory). */
  readonly displayRoot: string;
  /**
   * Catalogue files as posix paths relative to the root, sorted; the config file excluded. A folder that cannot be
   * listed (no permission) is told to `unlisted` (its posix path relative to the root, '' for the root) and skipped. A
   * YAML file or a folder whose name is not UTF-8 is told to `misnamed` and skipped: its name as text is a guess that
   * can name no file to open, and two such names can read alike.
   */
  listFiles(unlisted?: (folder: string, error: NodeJS.ErrnoException) => void, misnamed?: (entry: MisnamedEntry) => void): string[];
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

  listFiles(unlisted?: (folder: string, error: NodeJS.ErrnoException) => void, misnamed?: (entry: MisnamedEntry) => void): string[] {
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
      // A folder with its own qingdan.yaml is another catalogue (the one its files are checked in when named): its
      // files are not this one's, and its qingdan.yaml is no catalogue file.
      if (relative && entries.some((entry) => entry.name === CONFIG_FILE && !entry.isDirectory())) return;
      // Node reads a name that is not UTF-8 with U+FFFD for its bad bytes; only then is the folder read again by bytes.
      const names = entries.some((entry) => entry.name.includes('\ufffd')) ? this.namesAsBytes(relative) : undefined;
      for (const entry of entries) {
        const raw = names?.get(entry.name)?.shift();
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        const isYaml = YAML_FILE.test(entry.name) && child !== CONFIG_FILE;
        if (raw && !isUtf8(raw)) {
          // Not walked into (its lossy name opens nothing), and said only when it holds what a catalogue is made of.
          if (entry.isDirectory() ? !skipFolder(entry.name) && holdsYaml(this.byteName(relative, raw)) : isYaml) {
            misnamed?.({ relativePath: child, name: raw, folder: entry.isDirectory(), ...(entry.isDirectory() ? {} : { read: () => this.readByName(relative, raw) }) });
          }
          continue;
        }
        // Symlinked folders are not followed: they can loop, and a catalogue lives in one tree.
        if (entry.isDirectory()) {
          if (!skipFolder(entry.name)) walk(child);
        } else if (isYaml) {
          // Files and links, and a pipe or device named *.yaml too: reading it is refused (readFile), and said.
          out.push(child);
        }
      }
    };
    walk('');
    return out.sort(compareCodePoints);
  }

  /** The names of a folder's entries as bytes, by their lossy reading (several names may read alike). */
  private namesAsBytes(relative: string): Map<string, Buffer[]> {
    const byText = new Map<string, Buffer[]>();
    try {
      for (const name of readdirSync(path.join(this.root, relative), { encoding: 'buffer' })) {
        const text = name.toString('utf8');
        byText.set(text, [...(byText.get(text) ?? []), name]);
      }
    } catch {
      // Gone since it was listed: its entries are taken by their names as text.
    }
    return byText;
  }

  /** The path of an entry of folder `relative` by its name's bytes: Node takes a path as bytes too. */
  private byteName(relative: string, name: Buffer): Buffer {
    return Buffer.concat([Buffer.from(path.join(this.root, relative) + path.sep), name]);
  }

  private readByName(relative: string, name: Buffer): Buffer {
    return readRegularFile(this.byteName(relative, name));
  }

  readFile(relativePath: string): Uint8Array {
    return readRegularFile(path.join(this.root, relativePath));
  }

  /** The entries of a folder (posix path relative to the root). */
  protected readFolder(relative: string): Dirent[] {
    return readdirSync(path.join(this.root, relative), { withFileTypes: true });
  }
}

/** Whether a folder (named by bytes) holds a YAML file at any depth, as listFiles would walk it; yes when it cannot tell. */
function holdsYaml(folder: Buffer): boolean {
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(folder, { encoding: 'buffer', withFileTypes: true });
  } catch {
    return true;
  }
  return entries.some((entry) => {
    const name = entry.name.toString('utf8');
    if (entry.isDirectory()) return !skipFolder(name) && holdsYaml(Buffer.concat([folder, Buffer.from(path.sep), entry.name]));
    return YAML_FILE.test(name);
  });
}

/** The code of the error for a path that is no regular file (a pipe, a socket, a device): file/unreadable's not-a-file. */
export const NOT_A_FILE = 'not-a-file';

/**
 * A file's bytes; a pipe or a device is refused instead of read, since reading a pipe waits for a writer forever and a
 * device may never end. Opened without blocking and looked at through the open file, so nothing can change between
 * the look and the read; one fstat more than readFileSync(path) makes (it stats the descriptor again for the size),
 * within noise on 4,000 files (docs/performance.md, eighth session).
 */
export function readRegularFile(file: PathLike): Buffer {
  return withRegularFile(file, (fd) => readFileSync(fd));
}

/** `read` with the file open, once it is known to be a regular file (see readRegularFile). */
function withRegularFile<T>(file: PathLike, read: (fd: number, size: number) => T): T {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${String(file)}'`), { code: 'EISDIR' });
    if (!stats.isFile()) throw Object.assign(new Error(`${String(file)} is not a regular file`), { code: NOT_A_FILE });
    return read(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a regular file holds exactly `bytes`, read into `scratch` (grown when too small, and returned): a file of
 * another size is not read at all. Comparing without a new buffer per file spares `serve` 17 MB of allocations on
 * every rebuild of the benchmark's catalogue, and the garbage collection they cost.
 */
export function holdsBytes(file: PathLike, bytes: Uint8Array, scratch: Buffer): { same: boolean; scratch: Buffer } {
  return withRegularFile(file, (fd, size) => {
    if (size !== bytes.length) return { same: false, scratch };
    const buffer = scratch.length >= size + 1 ? scratch : Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
    // One byte more than expected: a file that grew since fstat does not read as equal.
    let read = 0;
    for (let n = -1; n !== 0 && read <= size; read += n) n = readSync(fd, buffer, read, size + 1 - read, null);
    return { same: read === size && Buffer.compare(buffer.subarray(0, size), bytes) === 0, scratch: buffer };
  });
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
    return withoutNestedCatalogues(Object.keys(this.files).filter((name) => YAML_FILE.test(name))).sort(compareCodePoints);
  }

  readFile(relativePath: string): Uint8Array {
    const content = this.files[relativePath];
    if (content === undefined) throw Object.assign(new Error(`ENOENT: ${relativePath}`), { code: 'ENOENT' });
    return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  }
}

/**
 * The catalogue files among `paths` (posix, relative to the root): qingdan.yaml at the root and every file under a
 * folder that holds a qingdan.yaml of its own (a nested catalogue, checked on its own) are left out.
 */
export function withoutNestedCatalogues(paths: string[]): string[] {
  const nested = paths.filter((name) => name.endsWith(`/${CONFIG_FILE}`)).map((name) => name.slice(0, -CONFIG_FILE.length));
  return paths.filter((name) => name !== CONFIG_FILE && !nested.some((folder) => name.startsWith(folder)));
}

/** A path as one word of a POSIX shell command (quoted unless it is made of letters, digits and safe punctuation). */
export function shellWord(text: string): string {
  return /^[\p{L}\p{N}_./@%+=:,-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
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

/** What a resident process knows of a folder's files: each one's bytes and their hash, by relative path. */
export type KnownContents = Map<string, { bytes: Uint8Array; id: string }>;

/**
 * A folder whose files are named by a hash of their bytes (read each time: a size and a time could miss an edit). A
 * process that loads the same folder again (`qingdan serve`) parses only files whose bytes changed. Given what an
 * earlier load read (`known`), a file whose bytes are those of last time keeps its hash without hashing again:
 * comparing is a memcmp, hashing 17 MB of catalogue took a third of the load of each of serve's rebuilds.
 */
export class HashedDirectorySource extends DirectorySource {
  private readonly seen = new Set<string>();
  /** Where files are read to be compared with what is known of them (holdsBytes). */
  private scratch: Buffer = Buffer.alloc(0);

  constructor(
    root: string,
    cwd = process.cwd(),
    private readonly known: KnownContents = new Map(),
  ) {
    super(root, cwd);
  }

  contentId(relativePath: string): string | undefined {
    const before = this.known.get(relativePath);
    let bytes: Uint8Array;
    try {
      if (before) {
        const { same, scratch } = holdsBytes(path.join(this.root, relativePath), before.bytes, this.scratch);
        this.scratch = scratch;
        if (same) {
          this.seen.add(relativePath);
          return before.id;
        }
      }
      bytes = this.readFile(relativePath);
    } catch {
      return undefined;
    }
    this.seen.add(relativePath);
    const id = contentHash(bytes);
    this.known.set(relativePath, { bytes, id });
    return id;
  }

  /** Drops what is known of files this source did not read (removed or renamed since), so that it is not kept forever. */
  forgetUnread(): void {
    for (const relativePath of this.known.keys()) if (!this.seen.has(relativePath)) this.known.delete(relativePath);
  }
}
