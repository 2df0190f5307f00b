// What serve watches: every folder of the catalogue and the templates, each with its own non-recursive watch.
import { readdirSync, statSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import path from 'node:path';

// Why not `fs.watch(root, { recursive: true })`: on Linux, Node 20 makes that in JavaScript with one watch per file,
// which keeps following the old file after a save by rename (sed -i, vim, JetBrains), so later edits of that file were
// never seen; and it throws an unhandled 'error' when a folder turns unreadable. A folder's own watch sees every file
// made, renamed, written or removed in it, whatever the file's inode.

export interface TreeWatchOptions {
  /** A path whose changes mean nothing to the build (the site being written); never watched, never reported. */
  ignored(absolute: string): boolean;
  /** A folder below a root that is not watched: nothing in it is read (tool state, dependencies). */
  skipFolder(absolute: string): boolean;
  /** Something changed under a root (a file or a folder appeared, was written or went). */
  onChange(): void;
  /** A folder could not be watched, or its watch failed: said once, until the folder is watched again. */
  onError(folder: string, error: NodeJS.ErrnoException): void;
  /** The file system's watch; tests pass their own. */
  watch?: (folder: string, listener: (event: string, name: string | Buffer | null) => void) => FSWatcher;
}

export class TreeWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly failed = new Set<string>();
  private readonly watch: NonNullable<TreeWatchOptions['watch']>;
  private closed = false;

  constructor(
    roots: readonly string[],
    private readonly options: TreeWatchOptions,
  ) {
    this.watch = options.watch ?? ((folder, listener) => watchFolder(folder, listener));
    for (const root of roots) this.add(path.resolve(root));
  }

  /** The folders watched now, for tests. */
  folders(): string[] {
    return [...this.watchers.keys()].sort();
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watches a folder and, when it was not watched yet, every folder below it. */
  private add(folder: string): void {
    if (this.closed || this.options.ignored(folder)) return;
    if (!this.watchers.has(folder)) {
      let watcher: FSWatcher;
      try {
        watcher = this.watch(folder, (_event, name) => this.changed(folder, name));
      } catch (error) {
        this.fail(folder, error);
        return;
      }
      watcher.on('error', (error) => {
        // Keep serving: this folder is watched again when its parent next sees it change (made readable again).
        this.drop(folder);
        this.fail(folder, error);
        this.options.onChange();
      });
      this.watchers.set(folder, watcher);
      this.failed.delete(folder);
    }
    // Folders made while this one could not be watched, or before its watch began, are picked up here.
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // A folder that cannot be listed is named by the catalogue's load as a finding; its watch, if any, stays.
      return;
    }
    for (const entry of entries) {
      const child = path.join(folder, entry.name);
      if (entry.isDirectory() && !this.options.skipFolder(child) && !this.watchers.has(child)) this.add(child);
    }
  }

  private changed(folder: string, name: string | Buffer | null): void {
    if (this.closed) return;
    if (!name) {
      this.add(folder);
      this.options.onChange();
      return;
    }
    const changed = path.join(folder, name.toString());
    if (this.options.ignored(changed)) return;
    let isFolder = false;
    try {
      isFolder = statSync(changed).isDirectory();
    } catch {
      // Gone (removed, or renamed away): its watches go with it.
    }
    if (isFolder) {
      if (this.options.skipFolder(changed)) return;
      this.add(changed);
    } else {
      this.dropTree(changed);
    }
    this.options.onChange();
  }

  private fail(folder: string, error: unknown): void {
    if (this.failed.has(folder)) return;
    this.failed.add(folder);
    this.options.onError(folder, error as NodeJS.ErrnoException);
  }

  private drop(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }

  private dropTree(folder: string): void {
    for (const watched of [...this.watchers.keys()]) {
      if (watched === folder || watched.startsWith(folder + path.sep)) this.drop(watched);
    }
    for (const failed of [...this.failed]) {
      if (failed === folder || failed.startsWith(folder + path.sep)) this.failed.delete(failed);
    }
  }
}
