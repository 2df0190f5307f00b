// Reading a catalogue as it was at a git revision, from blobs, without a checkout; refs are validated so nothing a user
// types can become a git option.
import { execFileSync, spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, compareCodePoints, skipFolder, toPosix, withoutNestedCatalogues, type CatalogueSource } from '../catalogue/source.js';
import { UsageError } from '../errors.js';

const YAML_FILE = /\.ya?ml$/i;
// The most `git cat-file --batch` may answer in one call (all of a catalogue's YAML blobs not read before).
const MAX_BUFFER = 1024 * 1024 * 1024;

export class Git {
  /** Blobs read so far, by id: the two sides of a diff share most of them, and each is read once. */
  private readonly blobs = new Map<string, Uint8Array>();

  constructor(readonly cwd: string) {}

  /**
   * The blobs with these ids, in one `git cat-file --batch` for those not read before: far faster than a process per
   * file. Throws when git cannot give one of them.
   */
  readBlobs(ids: string[]): Map<string, Uint8Array> {
    const missing = [...new Set(ids)].filter((id) => !this.blobs.has(id));
    if (missing.length) {
      const out = execFileSync('git', ['cat-file', '--batch'], { cwd: this.cwd, input: missing.join('\n') + '\n', maxBuffer: MAX_BUFFER });
      let offset = 0;
      for (const id of missing) {
        const newline = out.indexOf(10, offset);
        const header = newline < 0 ? '' : out.subarray(offset, newline).toString('latin1');
        // `<id> blob <size>`; a missing object answers `<id> missing`.
        const [named, type, sizeText] = header.split(' ');
        const size = Number(sizeText);
        if (named !== id || type !== 'blob' || !Number.isInteger(size) || newline + 1 + size > out.length) {
          throw new Error(`git cat-file could not read blob ${id}: ${header || 'no answer'}`);
        }
        this.blobs.set(id, out.subarray(newline + 1, newline + 1 + size));
        offset = newline + 1 + size + 1;
      }
    }
    return new Map(ids.map((id) => [id, this.blobs.get(id)!]));
  }

  /** Runs git without a shell; throws the git's own message on failure. */
  run(args: string[], input?: string): string {
    const result = spawnSync('git', args, { cwd: this.cwd, input, encoding: 'utf8', maxBuffer: MAX_BUFFER });
    if (result.error) {
      if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('git-missing');
      throw result.error;
    }
    if (result.status !== 0) throw Object.assign(new Error(result.stderr.trim() || `git ${args[0]} failed`), { gitStatus: result.status });
    return result.stdout;
  }

  /** The repository's top folder; `since` (validate --since REV) words the refusal for validate instead of diff. */
  topLevel(since?: string): string {
    try {
      return this.run(['rev-parse', '--show-toplevel']).trim();
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw since === undefined ? new UsageError('not-a-repository', { path: this.cwd }) : new UsageError('not-a-repository-since', { path: this.cwd, ref: since });
    }
  }

  /**
   * The commit a user-typed ref names. Anything that looks like an option, or holds characters no ref may hold, is
   * refused before git sees it; `--end-of-options` makes sure git reads it as a revision all the same.
   */
  resolve(ref: string): string {
    if (!isPlausibleRef(ref)) throw new UsageError('bad-ref', { ref });
    try {
      return this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
    } catch {
      const shallow = this.isShallow();
      throw new UsageError(shallow ? 'ref-missing-shallow' : this.hasCommits() ? 'ref-missing' : 'ref-missing-no-commits', { ref });
    }
  }

  /** Whether HEAD names a commit: a repository just made with git init has none, and no revision can be found. */
  hasCommits(): boolean {
    try {
      this.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
      return true;
    } catch {
      return false;
    }
  }

  isShallow(): boolean {
    try {
      return this.run(['rev-parse', '--is-shallow-repository']).trim() === 'true';
    } catch {
      return false;
    }
  }

  /** `label` is the range as the user named it (main...feature): the resolved commit ids say nothing to them. */
  mergeBase(a: string, b: string, label = `${a}...${b}`): string {
    try {
      return this.run(['merge-base', '--end-of-options', a, b]).trim();
    } catch {
      throw new UsageError(this.isShallow() ? 'ref-missing-shallow' : 'no-merge-base', { ref: label });
    }
  }

  /**
   * The branch CI compares against: the pull request's target when CI names one (that one only: comparing with another
   * branch would report the wrong changes), else the remote's default branch, else main/master. When there is none,
   * the sentence says what to fetch — a shallow checkout (CI's default) lacks the target branch.
   */
  defaultBase(env: NodeJS.ProcessEnv): string {
    const target = env.GITHUB_BASE_REF || env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME;
    if (target) {
      this.resolve(`origin/${target}`);
      return `origin/${target}`;
    }
    const candidates: string[] = [];
    try {
      candidates.push(this.run(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).trim());
    } catch {
      // no remote default branch recorded
    }
    candidates.push('origin/main', 'origin/master', 'main', 'master');
    for (const candidate of candidates) {
      if (!isPlausibleRef(candidate)) continue;
      try {
        this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`]);
        return candidate;
      } catch {
        // try the next
      }
    }
    if (this.isShallow()) throw new UsageError('ref-missing-shallow', { ref: 'origin/main' });
    throw new UsageError('no-default-base');
  }
}

/**
 * Characters a revision may use (branch and tag names, `HEAD~2`, `main^`, `@{u}`, a sha), no `..` (ranges are split
 * before), and never a leading dash — so a ref can never be read as an option such as `--upload-pack=…`.
 */
export function isPlausibleRef(ref: string): boolean {
  if (!ref || ref.length > 256 || ref.startsWith('-')) return false;
  return /^[\p{L}\p{N}._/@{}~^+-]+$/u.test(ref) && !ref.includes('..');
}

/**
 * A catalogue folder as it is in one commit. Files are listed once and read in one batch on first use; a file's blob
 * id names its content, so that a diff parses a file both sides share only once.
 */
export class GitSource implements CatalogueSource {
  private blobs: Map<string, Uint8Array> | Error | undefined;
  private readonly entries: Map<string, string>;

  /**
   * @param prefix the catalogue folder relative to the repository root, posix, '' for the root
   * @param displayRoot how the folder is shown in findings (as on disk, relative to the working directory)
   */
  constructor(
    private readonly git: Git,
    readonly commit: string,
    private readonly prefix: string,
    readonly displayRoot: string,
    readonly label: string,
  ) {
    this.entries = this.listTree();
  }

  private listTree(): Map<string, string> {
    const args = ['ls-tree', '-r', '-z', '--full-tree', this.commit];
    if (this.prefix) args.push('--', `${this.prefix}/`);
    const out = this.git.run(args);
    const entries = new Map<string, string>();
    for (const record of out.split('\u0000')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [, type, sha] = record.slice(0, tab).split(' ');
      const full = record.slice(tab + 1);
      if (type !== 'blob' || !sha) continue;
      const relative = this.prefix ? full.slice(this.prefix.length + 1) : full;
      entries.set(relative, sha);
    }
    return entries;
  }

  hasConfig(): boolean {
    return this.entries.has(CONFIG_FILE);
  }

  listFiles(): string[] {
    // As DirectorySource lists a folder: hidden folders and node_modules are skipped, a file is read whatever its name.
    const listed = [...this.entries.keys()].filter((name) => YAML_FILE.test(name) && !name.split('/').slice(0, -1).some(skipFolder));
    return withoutNestedCatalogues(listed).sort(compareCodePoints);
  }

  contentId(relativePath: string): string | undefined {
    return this.entries.get(relativePath);
  }

  readFile(relativePath: string): Uint8Array {
    const sha = this.entries.get(relativePath);
    const bytes = sha === undefined ? undefined : this.readAll().get(sha);
    if (!bytes) throw Object.assign(new Error(`ENOENT: ${relativePath}`), { code: 'ENOENT' });
    return bytes;
  }

  /**
   * Every YAML blob of the catalogue, read together on first use (blobs the other side read already are not read
   * again). A failure is kept, so that a broken repository costs one git call, not one per file.
   */
  private readAll(): Map<string, Uint8Array> {
    if (this.blobs === undefined) {
      try {
        this.blobs = this.git.readBlobs([...this.entries].filter(([name]) => YAML_FILE.test(name)).map(([, sha]) => sha));
      } catch (error) {
        this.blobs = error as Error;
      }
    }
    if (this.blobs instanceof Error) throw this.blobs;
    return this.blobs;
  }
}

/** The catalogue folder's path inside the repository, posix ('' for the root). */
export function repositoryPrefix(topLevel: string, catalogueRoot: string): string {
  // git names the top level by its real path; the catalogue may have been named through a symbolic link.
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const relative = toPosix(path.relative(real(topLevel), real(catalogueRoot)));
  if (relative.startsWith('..')) throw new UsageError('outside-repository', { path: catalogueRoot });
  return relative;
}
