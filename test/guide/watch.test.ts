import { EventEmitter } from 'node:events';
import type { FSWatcher } from 'node:fs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TreeWatcher } from '../../src/guide/watch.js';
import { temporaryFolder } from '../temporary.js';

type Listener = (event: string, name: string | null) => void;

/** Folders on disk, watches in memory: a test says what the file system reports, and when a watch fails. */
function fakeWatches(failing: Set<string> = new Set()) {
  const listeners = new Map<string, Listener>();
  const watchers = new Map<string, EventEmitter & { closed: boolean }>();
  const watch = (folder: string, listener: Listener) => {
    if (failing.has(folder)) throw Object.assign(new Error(`EACCES: permission denied, watch '${folder}'`), { code: 'EACCES' });
    const watcher = Object.assign(new EventEmitter(), { closed: false, close: () => (watcher.closed = true) });
    listeners.set(folder, listener);
    watchers.set(folder, watcher);
    return watcher as unknown as FSWatcher;
  };
  return { watch, listeners, watchers };
}

function tree(): string {
  const root = path.join(temporaryFolder('qingdan-watch-'), 'lists');
  for (const folder of ['powers/more', 'flows', '.qingdancache/site', 'node_modules/x', 'site']) mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, 'qingdan.yaml'), 'name: x\n');
  return root;
}

function record(root: string, watch?: ReturnType<typeof fakeWatches>['watch']) {
  const errors: string[] = [];
  let changes = 0;
  const watcher = new TreeWatcher([root], {
    ignored: (changed) => changed === path.join(root, 'site') || changed.startsWith(path.join(root, 'site') + path.sep),
    skipFolder: (folder) => path.basename(folder).startsWith('.') || path.basename(folder) === 'node_modules',
    onChange: () => changes++,
    onError: (folder, error) => errors.push(`${path.relative(root, folder)} ${error.code}`),
    ...(watch ? { watch } : {}),
  });
  return { watcher, errors, changes: () => changes };
}

describe('TreeWatcher (what serve watches)', () => {
  it('watches every folder of the tree on its own, but not the site, dot folders or node_modules', () => {
    const root = tree();
    const { watcher } = record(root);
    try {
      expect(watcher.folders().map((folder) => path.relative(root, folder))).toEqual(['', 'flows', 'powers', 'powers/more']);
    } finally {
      watcher.close();
    }
  });

  it('adds the folders that appear, with their subfolders, and drops those that go', () => {
    const root = tree();
    const fake = fakeWatches();
    const { watcher, changes } = record(root, fake.watch);
    mkdirSync(path.join(root, 'new/deep'), { recursive: true });
    fake.listeners.get(root)!('rename', 'new');
    expect(watcher.folders()).toContain(path.join(root, 'new/deep'));
    rmSync(path.join(root, 'powers'), { recursive: true });
    fake.listeners.get(root)!('rename', 'powers');
    expect(watcher.folders().map((folder) => path.relative(root, folder))).toEqual(['', 'flows', 'new', 'new/deep']);
    expect(fake.watchers.get(path.join(root, 'powers/more'))!.closed).toBe(true);
    // Changes in the site being written are not changes of the catalogue.
    fake.listeners.get(root)!('rename', 'site');
    expect(changes()).toBe(2);
  });

  it('says once that a folder cannot be watched, goes on watching the rest, and watches it once it can', () => {
    const root = tree();
    const flows = path.join(root, 'flows');
    const failing = new Set([flows]);
    const fake = fakeWatches(failing);
    const { watcher, errors, changes } = record(root, fake.watch);
    expect(errors).toEqual(['flows EACCES']);
    expect(watcher.folders()).not.toContain(flows);
    // The folder's permissions change again, still unreadable: no second line.
    fake.listeners.get(root)!('change', 'flows');
    expect(errors).toEqual(['flows EACCES']);
    fake.listeners.get(path.join(root, 'powers'))!('change', 'a.yaml');
    expect(changes()).toBe(2);
    failing.clear();
    fake.listeners.get(root)!('change', 'flows');
    expect(watcher.folders()).toContain(flows);
    expect(changes()).toBe(3);
  });

  it('survives an error from a folder\'s watch: one line, a rebuild, the other watches kept, the folder watched again when seen', () => {
    const root = tree();
    const flows = path.join(root, 'flows');
    const fake = fakeWatches();
    const { watcher, errors, changes } = record(root, fake.watch);
    // An 'error' with no listener would end the process (the crash serve had on `chmod 000`).
    fake.watchers.get(flows)!.emit('error', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    expect(errors).toEqual(['flows EACCES']);
    expect(changes()).toBe(1);
    expect(fake.watchers.get(flows)!.closed).toBe(true);
    expect(watcher.folders().map((folder) => path.relative(root, folder))).toEqual(['', 'powers', 'powers/more']);
    fake.listeners.get(root)!('change', 'flows');
    expect(watcher.folders()).toContain(flows);
    expect(fake.watchers.get(flows)!.closed).toBe(false);
  });
});
