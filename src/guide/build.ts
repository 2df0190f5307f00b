// Writing the site: everything goes into a temporary folder beside the target, which replaces the old site only
// once complete; pages whose key has not changed since the last build are copied instead of rendered.
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../catalogue/model.js';
import type { Locale } from '../findings.js';
import { UsageError } from '../errors.js';
import { planSite } from './site.js';
import type { KnownContents } from '../catalogue/source.js';
import { drawFlow, SharedDrawings } from './drawing.js';
import type { FlowModel } from '../flow/model.js';
import { readTemplateSources, SiteTemplates } from './templates.js';
import { codeHash } from './code-hash.js';
import { Trash, Writes } from './writes.js';
import { EntryMemo } from '../rules/entry-memo.js';
import { makeFolder, uniqueSibling, writeFileAtomically } from '../files.js';
import { SiteMemo } from './memo.js';
import { hasGuide, paths } from './model.js';
import { catalogueJson } from './opendata.js';
import type { SitePlan } from './site.js';
import type { ProcessedFile } from '../catalogue/process.js';

/** Marks a folder as a qingdan site (so a rebuild may replace it) and remembers each reusable file's key. */
export const MANIFEST = '.qingdan-site.json';
const MANIFEST_VERSION = 1;

interface Manifest {
  version: number;
  tool: string;
  files: Record<string, string>;
}

export interface BuildOptions {
  /** The site folder (absolute). */
  out: string;
  locale: Locale;
  /** Folders of templates, partials and assets laid over ours. */
  templates?: readonly string[];
  /** false: render every page even when the previous build has it unchanged. */
  incremental?: boolean;
  toolVersion?: string;
  /** Called as guide pages are done. */
  progress?: (done: number, total: number) => void;
  /** For tests of interrupted builds: called after each file is written into the temporary folder. */
  afterFile?: (relativePath: string) => void;
  /** The helper thread startEarly started while the catalogue was checked; the build takes it over (or closes it). */
  early?: EarlyHelper | undefined;
  /**
   * `serve`: what the last build of this process made and wrote, so that the next one makes and writes only changes.
   * Only for incremental builds: the caller leaves it out with `incremental: false`.
   */
  session?: SiteSession;
}

/**
 * What a resident build (`qingdan serve`) remembers between builds. After the first build it updates the site it
 * wrote in place — only files whose key changed are written, each atomically (a temporary file renamed over it) —
 * as long as the folder still holds exactly what it wrote: its manifest unchanged, the same templates.
 */
export class SiteSession {
  /** Parse results by content (LoadOptions.shared): unchanged files keep their objects, which the memo relies on. */
  readonly parsed = new Map<string, ProcessedFile>();
  readonly memo = new SiteMemo();
  /** Rules' findings per entry (rules/entry-memo.ts): a flow not edited is not walked again. */
  readonly rules = new EntryMemo();
  /** The catalogue files' bytes and hashes as last read (HashedDirectorySource): unchanged files are not hashed again. */
  readonly contents: KnownContents = new Map();
  /** Where the files an update replaces are kept until it is done (writes.ts): serve empties it after each build. */
  trash: Trash | undefined;
  templates: SiteTemplates | undefined;
  /** The manifest's pairs as last written (manifestText). */
  readonly manifestPairs: ManifestPairs = new Map();
  written: { out: string; manifest: string; tool: string; templates: string; keys: Map<string, string>; files: Set<string> } | undefined;
}

export interface BuildResult {
  out: string;
  /** Top-level entries of the old folder that the build does not make (`.git`, `CNAME`), left where they were. */
  kept: string[];
  files: number;
  guides: number;
  rendered: number;
  reused: number;
}

function manifestOnDisk(out: string): string | undefined {
  try {
    return readFileSync(path.join(out, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The manifest a session wrote, as reading its text back would give it: serve finds its own on every edit, and
 * parsing it again (4,000 pairs) cost ~4 ms an edit. Its files are made into an object only if asked for.
 */
function writtenManifest(written: NonNullable<SiteSession['written']>): Manifest {
  let files: Record<string, string> | undefined;
  return {
    version: MANIFEST_VERSION,
    tool: written.tool,
    get files() {
      return (files ??= Object.fromEntries(written.keys));
    },
  };
}

/** A manifest of ours, of any version: { version: number, tool: string, files: { path: key } }. */
function readManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!manifest || typeof manifest !== 'object') return undefined;
  const { version, tool, files } = manifest as Partial<Manifest>;
  const isFiles = files !== null && typeof files === 'object' && !Array.isArray(files) && Object.values(files).every((key) => typeof key === 'string');
  return typeof version === 'number' && typeof tool === 'string' && isFiles ? (manifest as Manifest) : undefined;
}

/** The key of every reusable file of a plan, in the plan's order. */
function keysOf(plan: SitePlan): Map<string, string> {
  return new Map(plan.files.flatMap((file) => (file.key ? [[file.path, file.key] as const] : [])));
}

/** Each file's `"path":"key"` in the manifest, as last written. */
type ManifestPairs = Map<string, { key: string; text: string }>;

/**
 * The JSON of { version, tool, files }, written out: an object of 4,000 file names made only to be stringified cost
 * serve 16 ms an edit. Paths are never integer-like, so the order is the map's, as JSON.stringify of the object gave.
 */
function manifestText(tool: string, keys: ReadonlyMap<string, string>, pairs?: ManifestPairs): string {
  const files: string[] = [];
  for (const [file, key] of keys) {
    // A resident build writes the manifest twice an edit with few keys changed: each pair's JSON is kept.
    let pair = pairs?.get(file);
    if (pair?.key !== key) {
      pair = { key, text: `${JSON.stringify(file)}:${JSON.stringify(key)}` };
      pairs?.set(file, pair);
    }
    files.push(pair.text);
  }
  return `{"version":${JSON.stringify(MANIFEST_VERSION satisfies Manifest['version'])},"tool":${JSON.stringify(tool)},"files":{${files.join(',')}}}\n`;
}

/**
 * A site folder may be replaced only when it is missing, empty, or one we built: never a user's other folder. Any file
 * of that name is not enough (`{}`, or one copied from elsewhere by hand): it must be a manifest qingdan writes.
 */
function checkTarget(out: string, shown: string, written?: SiteSession['written']): { text: string; manifest: Manifest } | undefined {
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) throw new UsageError('site-out-not-folder', { path: shown });
  if (!readdirSync(out).length) return undefined;
  if (!existsSync(path.join(out, MANIFEST))) throw new UsageError('site-out-not-ours', { path: shown, manifest: MANIFEST });
  const text = manifestOnDisk(out);
  const manifest = written?.out === out && text === written.manifest ? writtenManifest(written) : readManifest(text);
  if (text === undefined || !manifest) throw new UsageError('site-out-bad-manifest', { path: shown, manifest: MANIFEST });
  return { text, manifest };
}

/**
 * The folder a build writes: the target of --out when --out is a symbolic link (web roots often are), so that the
 * link stays and the site it points to is the one replaced. A link to nothing is refused: where to build is unclear.
 */
export function siteFolder(out: string): string {
  let link = false;
  try {
    link = lstatSync(out).isSymbolicLink();
  } catch {
    return out;
  }
  if (!link) return out;
  try {
    return realpathSync(out);
  } catch (error) {
    throw new UsageError('site-out-broken-link', { path: out, code: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
}

/**
 * The top-level names of a site folder that are ours: those of every file this build writes, of every kind of page
 * (a catalogue with no guides today writes no items/, but an old items/ is ours all the same) and the manifest.
 * Anything else in the folder (`.git` of a gh-pages worktree, `CNAME`, a README) is the user's and stays.
 */
function ownedNames(plan: SitePlan, templates: SiteTemplates): Set<string> {
  const top = (file: string) => file.split('/')[0]!;
  const kinds = Object.values(paths).map((kind) => (typeof kind === 'function' ? kind('x') : kind));
  const names = new Set([...plan.files.map((file) => file.path), ...kinds].map(top));
  if (templates.assets.size) names.add('assets');
  names.add(MANIFEST);
  return names;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary folders left by builds that were killed (their process is gone). */
function removeLeftovers(out: string): void {
  const parent = path.dirname(out);
  const prefix = `${path.basename(out)}.qingdan-`;
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const match = name.startsWith(prefix) ? /-(\d+)-[a-z0-9]+$/.exec(name) : null;
    if (match && !isRunning(Number(match[1]))) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** A helper thread started before the checks, with the catalogue's JSON it was given (also catalogue.json). */
export interface EarlyHelper {
  drawings: SharedDrawings;
  catalogueText: string;
}

/**
 * Starts the thread that makes a large one-off build's open data and drawings as soon as the catalogue is read, so
 * that its start-up and the open data overlap the checks instead of the planning. Only for a build that will render
 * every page: no session and no earlier site whose pages could be reused (or --no-incremental). Undefined when no
 * thread pays or the target is not plain to see (the build then reports it); the caller must close what it gets,
 * whatever happens next.
 */
export function startEarly(catalogue: Catalogue, locale: Locale, out: string, incremental: boolean): EarlyHelper | undefined {
  // The catalogue is not checked yet: whatever goes wrong here (a target the build will refuse, values JSON cannot
  // hold) is left to the build, which starts its own thread or reports the problem.
  try {
    if (incremental && existsSync(path.join(siteFolder(path.resolve(out)), MANIFEST))) return undefined;
    const guides = catalogue.sections.powers.filter((entry) => hasGuide(entry.value)).length;
    if (!SharedDrawings.allowed(guides)) return undefined;
    const catalogueText = catalogueJson(catalogue);
    const drawings = SharedDrawings.early(guides, { catalogue: catalogueText, locale });
    return drawings && { drawings, catalogueText };
  } catch {
    return undefined;
  }
}

/**
 * A file the new site shares with the old one is hard-linked, not copied: the old site stays whole until the swap,
 * and removing it afterwards frees no data. On disks where writing and freeing data is slow, this is most of an
 * incremental build's time. Where links are impossible (another file system), the file is copied.
 */
function reuse(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export async function buildSite(catalogue: Catalogue, options: BuildOptions): Promise<BuildResult> {
  const asked = path.resolve(options.out);
  const out = siteFolder(asked);
  // The manifest read here, once: it says whether the folder is ours and what its pages' keys are.
  const session = options.session;
  const found = checkTarget(out, asked, session?.written);
  removeLeftovers(out);
  // Compiling the templates takes longer than reading them: a session keeps the compiled ones while no file changed.
  const sources = readTemplateSources(options.locale, options.templates ?? []);
  const templates = session?.templates?.hash === sources.hash ? session.templates : new SiteTemplates(options.locale, options.templates ?? [], sources);
  if (session) session.templates = templates;
  const previousText = options.incremental === false ? undefined : found?.text;
  // Keys are reused only from a manifest of this version.
  const previous = found && previousText !== undefined && found.manifest.version === MANIFEST_VERSION ? found.manifest : undefined;
  let drawings: SharedDrawings | undefined;
  // With no earlier site nothing is reused: every flowchart is drawn, so a worker can start on them now, while the
  // pages are planned on this thread (the second core is otherwise idle until rendering starts).
  const written = session?.written;
  const renderAll = !previous && !written;
  const tool = `${options.toolVersion ?? ''}+${codeHash()}`;
  const inPlace = written !== undefined && written.out === out && written.templates === templates.hash && previousText === written.manifest && previous?.tool === tool;
  const temporary = uniqueSibling(out, 'tmp');
  let plan: SitePlan;
  try {
    // A thread started early is of use only when every page is rendered.
    const early = renderAll ? options.early : undefined;
    if (options.early && !early) await options.early.drawings.close();
    plan = planSite(
      catalogue,
      options.locale,
      templates,
      (model) => (drawings ? drawings.draw(model) : drawFlow(model)),
      session?.memo,
      renderAll ? (guides, openData) => (drawings = early?.drawings ?? SharedDrawings.early(guides, openData)) : undefined,
      early?.catalogueText,
    );
    if (!inPlace) {
      makeFolder(path.dirname(out));
      mkdirSync(temporary);
    }
  } catch (error) {
    // A worker already drawing would keep the process alive.
    await drawings?.close();
    throw error;
  }
  if (inPlace) return updateInPlace(session!, plan, templates, tool, options, asked, (next) => (drawings = next));

  const made = new Set<string>([temporary]);
  const ensureFolder = (file: string) => {
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
  };
  const reusable = previous && previous.tool === tool ? previous.files : {};
  const reusedFrom = plan.files.map((file) => (file.key && reusable[file.path] === file.key && existsSync(path.join(out, file.path)) ? path.join(out, file.path) : undefined));
  // The flowcharts of the pages to render, in the order they are rendered: shared with a worker thread when many.
  const toDraw = new Map<string, FlowModel>();
  plan.files.forEach((file, i) => {
    if (file.flow && !reusedFrom[i] && !toDraw.has(file.flow.id)) toDraw.set(file.flow.id, file.flow);
  });
  if (!renderAll) drawings = SharedDrawings.start([...toDraw.values()]);
  let rendered = 0;
  let reused = 0;
  let guidesDone = 0;
  const writes = new Writes();
  // A file whose making would wait for the worker (the search index it is still making) comes after the others.
  const later: number[] = [];
  const order = function* (): Generator<number> {
    for (let i = 0; i < plan.files.length; i++) {
      if (!reusedFrom[i] && plan.files[i]!.pending?.()) later.push(i);
      else yield i;
    }
    yield* later;
  };
  try {
    for (const i of order()) {
      const file = plan.files[i]!;
      const target = path.join(temporary, file.path);
      ensureFolder(target);
      const old = reusedFrom[i];
      if (old) {
        reuse(old, target);
        if (file.guide) reused++;
      } else {
        await writes.write(target, file.make());
        if (file.guide) rendered++;
      }
      if (file.guide) options.progress?.(++guidesDone, plan.guides);
      options.afterFile?.(file.path);
    }
    await writes.finish();
    for (const [asset, source] of templates.assets) {
      const target = path.join(temporary, 'assets', asset);
      ensureFolder(target);
      copyFileSync(source, target);
    }
    const keys = keysOf(plan);
    const manifest = manifestText(tool, keys);
    writeFileSync(path.join(temporary, MANIFEST), manifest);
    if (session) {
      session.written = { out, manifest, tool, templates: templates.hash, keys, files: new Set(plan.files.map((file) => file.path)) };
    }
  } catch (error) {
    await writes.settle();
    await drawings?.close();
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  await drawings?.close();
  const kept = swapIn(temporary, out, ownedNames(plan, templates), tool);
  return { out: asked, kept, files: plan.files.length + templates.assets.size, guides: plan.guides, rendered, reused };
}

/**
 * A resident build's later builds: only files whose key changed are made, and written over the old ones one by
 * one. The manifest first loses the keys of the files about to change, so a build stopped half-way leaves a site
 * whose manifest claims nothing stale: the next build makes those files again.
 */
async function updateInPlace(session: SiteSession, plan: SitePlan, templates: SiteTemplates, tool: string, options: BuildOptions, asked: string, startDrawings: (drawings: SharedDrawings | undefined) => void): Promise<BuildResult> {
  const written = session.written!;
  const out = written.out;
  // A file someone removed from the folder since is made again, whatever its key. Each folder is listed once (a
  // readdir of items/ instead of 4,000 stats).
  const listed = new Map<string, Set<string>>();
  const present = (file: string): boolean => {
    const folder = path.dirname(file);
    let names = listed.get(folder);
    if (!names) {
      try {
        names = new Set(readdirSync(path.join(out, folder)));
      } catch {
        names = new Set();
      }
      listed.set(folder, names);
    }
    return names.has(path.basename(file));
  };
  const changed = plan.files.filter((file) => !file.key || written.keys.get(file.path) !== file.key || !present(file.path));
  const keys = new Map(written.keys);
  for (const file of changed) keys.delete(file.path);
  session.written = undefined;
  writeFileAtomically(path.join(out, MANIFEST), manifestText(tool, keys, session.manifestPairs));

  const toDraw = new Map<string, FlowModel>();
  for (const file of changed) if (file.flow && !toDraw.has(file.flow.id)) toDraw.set(file.flow.id, file.flow);
  const drawings = SharedDrawings.start([...toDraw.values()]);
  startDrawings(drawings);
  let rendered = 0;
  let guidesDone = 0;
  const total = changed.filter((file) => file.guide).length;
  session.trash ??= new Trash(out);
  const writes = new Writes(true, session.trash);
  try {
    for (const file of changed) {
      const target = path.join(out, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      await writes.write(target, file.make());
      if (file.guide) {
        rendered++;
        options.progress?.(++guidesDone, total);
      }
      options.afterFile?.(file.path);
    }
    await writes.finish();
  } finally {
    await writes.settle();
    await drawings?.close();
  }
  const files = new Set(plan.files.map((file) => file.path));
  for (const gone of written.files) {
    if (files.has(gone)) continue;
    rmSync(path.join(out, gone), { force: true });
    // A long session must not keep a pair for every page it ever wrote.
    session.manifestPairs.delete(gone);
  }
  const final = keysOf(plan);
  const manifest = manifestText(tool, final, session.manifestPairs);
  writeFileAtomically(path.join(out, MANIFEST), manifest);
  session.written = { out, manifest, tool, templates: templates.hash, keys: final, files };
  return { out: asked, kept: [], files: plan.files.length + templates.assets.size, guides: plan.guides, rendered, reused: plan.guides - rendered };
}

/**
 * Moves the finished folder into place; the old site stays whole until the new one is complete. Entries of the old
 * folder that are not ours stay where they are, never moved: the site's own entries are swapped one by one around
 * them. Returns their names.
 */
function swapIn(temporary: string, out: string, owned: ReadonlySet<string>, tool: string): string[] {
  if (!existsSync(out)) {
    renameSync(temporary, out);
    return [];
  }
  const kept = readdirSync(out).filter((name) => !owned.has(name)).sort();
  const old = uniqueSibling(out, 'old');
  if (!kept.length) {
    renameSync(out, old);
    try {
      renameSync(temporary, out);
    } catch (error) {
      renameSync(old, out);
      rmSync(temporary, { recursive: true, force: true });
      throw error;
    }
    rmSync(old, { recursive: true, force: true });
    return [];
  }
  // The manifest first gives up every key: a build stopped half-way leaves a folder that is still ours, with old and
  // new entries mixed but no page marked as current, which the next build makes again.
  writeFileAtomically(path.join(out, MANIFEST), manifestText(tool, new Map()));
  mkdirSync(old);
  for (const name of readdirSync(out)) if (owned.has(name) && name !== MANIFEST) renameSync(path.join(out, name), path.join(old, name));
  for (const name of readdirSync(temporary)) if (name !== MANIFEST) renameSync(path.join(temporary, name), path.join(out, name));
  renameSync(path.join(temporary, MANIFEST), path.join(out, MANIFEST));
  rmSync(temporary, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  return kept;
}
