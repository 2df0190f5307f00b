// validate → build: what `qingdan build` and `qingdan serve` do, with findings and progress written to the CLI's streams.
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { DirectorySource, HashedDirectorySource } from '../catalogue/source.js';
import { FileCache } from '../catalogue/cache.js';
import { getValidators } from '../schema/validator.js';
import { validateCatalogueAsync } from '../validate.js';
import stylish from '../report/stylish.js';
import { countBySeverity } from '../report/types.js';
import { ui } from '../i18n/index.js';
import { isWriteRefusal, UsageError, writeFailed } from '../errors.js';
import type { Locale } from '../findings.js';
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { Power } from '../schema/definitions.js';
import type { CliIo } from '../cli/io.js';
import { buildSite, siteFolder, startEarly, type BuildResult, type EarlyHelper, type SiteSession } from './build.js';
import { progressReporter } from './progress.js';
import { hasGuide } from './model.js';
import { Positions } from '../catalogue/positions.js';
import { visible } from '../report/visible.js';
import { shownPath } from './template-check.js';

/** How many entries a build stopped for them names (the findings above list them all). */
const SHOWN = 5;

export interface SiteJob {
  /** Catalogue root (absolute). */
  root: string;
  out: string;
  templates: string[];
  explicitLocale?: Locale | undefined;
  incremental: boolean;
  /** --cache: the cache folder (absolute); the site's parse results live in its `site` folder, apart from validate's. */
  cache?: string | undefined;
  toolVersion: string;
  color: boolean;
}

export type SiteOutcome =
  | { ok: true; result: BuildResult; locale: Locale; seconds: number }
  /** reported: the build stopped for entries it cannot publish (left out by the schema, sharing a code), and said why. */
  | { ok: false; errors: number; locale: Locale; reported?: true };

export function checkTemplateFolders(folders: readonly string[], cwd: string): string[] {
  return folders.map((folder) => {
    const absolute = path.resolve(cwd, folder);
    if (!existsSync(absolute)) throw new UsageError('bad-templates', { path: folder });
    if (!statSync(absolute).isDirectory()) throw new UsageError('bad-templates-file', { path: folder });
    return absolute;
  });
}

// What the file system says when the site folder cannot be made or written: a read-only disk, no permission, a full
// disk, a file where a folder should be. They are the environment's problems, not qingdan's: one sentence, exit 2.
function unwritable(error: unknown, out: string, cwd: string): UsageError | undefined {
  const { code, path: where, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  // ENOENT only from mkdir: a folder the file system will not make (below /proc), or whose parent went away
  // meanwhile. From reading (a template, a cached file) it is no write's fault.
  const refused = isWriteRefusal(error) && (code !== 'ENOENT' || syscall === 'mkdir');
  if (!refused || !where) return undefined;
  // The build works in a temporary folder beside --out: name the folder the user asked for, in the detail too.
  const shown = where.startsWith(out) ? out : where;
  // Relative to the working folder when inside it; a place outside it as the user wrote it (not ../../proc/x).
  const relative = path.relative(cwd, shown);
  return writeFailed(relative.startsWith('..') ? shown : relative || '.', error);
}

/** A path with its symbolic links resolved, as far as it exists: two names of one folder compare equal. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
}


/**
 * The site folder is rebuilt whole: a catalogue, templates or cache inside it would go with the old site (or be
 * published with the new one). Refused before anything is read or written.
 */
function checkSiteFolderHoldsNothingOfOurs(job: SiteJob, cwd: string): void {
  const out = realPath(siteFolder(job.out));
  const inside = (folder: string) => {
    const real = realPath(folder);
    return real === out || real.startsWith(out + path.sep);
  };
  const refuse = (key: 'site-out-holds-catalogue' | 'site-out-holds-templates' | 'site-out-holds-cache', folder: string) => {
    throw new UsageError(key, { path: shownPath(folder, cwd), out: shownPath(job.out, cwd) });
  };
  if (inside(job.root)) refuse('site-out-holds-catalogue', job.root);
  for (const folder of job.templates) if (inside(folder)) refuse('site-out-holds-templates', folder);
  if (job.cache && inside(job.cache)) refuse('site-out-holds-cache', job.cache);
}

/**
 * What the site cannot publish, with a list of where (the first few): entries the schema check left out, else codes
 * that several items share.
 */
function unpublishableEntries(catalogue: Catalogue, locale: Locale): { message: 'site-left-out' | 'site-shared-code'; count: number; where: string } | undefined {
  const positions = new Positions(catalogue);
  const placeOf = (entry: Pick<Entry<unknown>, 'file' | 'path'>) => positions.at(entry);
  const zh = locale === 'zh-CN';
  const listed = (items: string[], separator: string) => [...items.slice(0, SHOWN), ...(items.length > SHOWN ? ['…'] : [])].join(separator);
  if (catalogue.leftOut.length) return { message: 'site-left-out', count: catalogue.leftOut.length, where: listed(catalogue.leftOut.map(placeOf), zh ? '、' : ', ') };
  const byCode = new Map<string, Entry<Power>[]>();
  for (const entry of catalogue.sections.powers) if (hasGuide(entry.value)) byCode.set(entry.value.code, [...(byCode.get(entry.value.code) ?? []), entry]);
  const shared = [...byCode].filter(([, entries]) => entries.length > 1);
  if (!shared.length) return undefined;
  const named = shared.map(([code, entries]) => (zh ? `${code}（${entries.map(placeOf).join('、')}）` : `${code} (${entries.map(placeOf).join(', ')})`));
  return { message: 'site-shared-code', count: shared.length, where: listed(named, zh ? '；' : '; ') };
}

/**
 * From here on V8's optimising compiler no longer inlines, nor runs escape analysis or loop peeling (process-wide
 * settings, read by each compilation; the worker threads share them). The site's code (pages' models, the templates
 * compiled to JavaScript, the drawings) runs for a few seconds over many different functions, and TurboFan was the
 * largest user of the CPU: 30 % of a 4,000-item build's (perf). Without inlining that build takes 8–10 % less wall
 * and CPU time (bench/ab.sh, 8–10 interleaved rounds, three runs), without the other two another 2 % (two runs of
 * 8 and 12 rounds); on 16,000 items it is level. Set only once the catalogue is checked: parsing a very large
 * catalogue gains from inlining (validate of 100,000 items was 9 % slower with it off for the whole run).
 */
let optimisingLighter = false;
function lighterOptimising(): void {
  if (optimisingLighter) return;
  optimisingLighter = true;
  setFlagsFromString('--no-turbo-inlining --no-turbo-escape --no-turbo-loop-peeling');
}

/**
 * Validates (errors stop here, warnings are shown), then builds; says what it did on stderr. A session (`serve`)
 * carries parses and models from one call to the next: only what changed is parsed, made and written again.
 */
export async function validateAndBuild(job: SiteJob, io: CliIo, session?: SiteSession): Promise<SiteOutcome> {
  const started = performance.now();
  checkSiteFolderHoldsNothingOfOurs(job, io.cwd);
  // --no-incremental makes everything again, so nothing is carried over.
  const resident = job.incremental ? session : undefined;
  const source = resident ? new HashedDirectorySource(job.root, io.cwd, resident.contents) : new DirectorySource(job.root, io.cwd);
  // Results depend on the files, the tool's version and the schemas. Validate keeps only what rules read, so its
  // cache cannot serve a build: the two live apart.
  const cache = job.cache ? new FileCache(path.join(job.cache, 'site'), `${job.toolVersion}:${getValidators().schemaHash}:full`) : undefined;
  const early = resident ? undefined : new EarlyStart(job);
  try {
    return await checkAndBuild(job, io, { started, source, cache, resident, early });
  } finally {
    await early?.close();
  }
}

/** A one-off build's helper thread, started once the catalogue is read, while it is checked (startEarly). */
class EarlyStart {
  helper: EarlyHelper | undefined;

  constructor(private readonly job: SiteJob) {}

  readonly loaded = (catalogue: Catalogue, locale: Locale): void => {
    this.helper = startEarly(catalogue, locale, this.job.out, this.job.incremental);
  };

  /** On every way out: the build takes the thread over and closes it, but a build that stops before must too. */
  async close(): Promise<void> {
    await this.helper?.drawings.close();
  }
}

/** What one call of validateAndBuild works with. */
interface BuildRun {
  started: number;
  source: DirectorySource;
  cache: FileCache | undefined;
  resident: SiteSession | undefined;
  early: EarlyStart | undefined;
}

async function checkAndBuild(job: SiteJob, io: CliIo, { started, source, cache, resident, early }: BuildRun): Promise<SiteOutcome> {
  const validated = await validateCatalogueAsync(source, {
    explicitLocale: job.explicitLocale,
    environment: io.env,
    ...(early ? { loaded: early.loaded } : {}),
    ...(cache ? { cache, entries: true } : {}),
    ...(resident ? { shared: resident.parsed, prune: true, entryMemo: resident.rules } : {}),
  });
  if (source instanceof HashedDirectorySource) source.forgetUnread();
  const locale = validated.locale;
  const counts = countBySeverity(validated.findings);
  {
    // The summary line when clean, the findings otherwise: warnings do not stop the build, but they are shown.
    const report = stylish({
      locale,
      catalogues: [validated.summary],
      findings: validated.findings,
      files: [...validated.catalogue.files.keys()],
      sources: validated.sources,
      color: job.color,
      toolVersion: job.toolVersion,
    });
    io.stderr.write(report);
    for (const message of validated.internalErrors) io.stderr.write(visible(`${message}\n`));
  }
  if (counts.errors > 0 || validated.internalErrors.length) return { ok: false, errors: counts.errors + validated.internalErrors.length, locale };
  // Entries the site cannot hold would be missing or overwritten without a word, whatever the rules' severities:
  // entries the schema check left out, and items that share a code (one page each). The build stops and names them.
  const unpublishable = unpublishableEntries(validated.catalogue, locale);
  if (unpublishable) {
    io.stderr.write(visible(`${ui(locale, unpublishable.message, { count: unpublishable.count, where: unpublishable.where })}\n`));
    return { ok: false, errors: unpublishable.count, locale, reported: true };
  }

  const label = ui(locale, 'site-rendering', { count: validated.catalogue.sections.powers.filter((entry) => hasGuide(entry.value)).length });
  const progress = progressReporter(io.stderr, label.replace(/[…]+$/, ''));
  if (io.stderr.isTTY !== true) io.stderr.write(visible(`${label}\n`));
  let result: BuildResult;
  lighterOptimising();
  try {
    result = await buildSite(validated.catalogue, {
      out: job.out,
      locale,
      templates: job.templates,
      incremental: job.incremental,
      toolVersion: job.toolVersion,
      progress: (done, total) => progress.update(done, total),
      early: early?.helper,
      ...(resident ? { session: resident } : {}),
    });
  } catch (error) {
    throw unwritable(error, job.out, io.cwd) ?? error;
  } finally {
    progress.end();
  }
  if (result.kept.length) io.stderr.write(visible(`${ui(locale, 'site-kept', { count: result.kept.length, out: shownPath(job.out, io.cwd), names: result.kept.join(', ') })}\n`));
  return { ok: true, result, locale, seconds: Math.round((performance.now() - started) / 10) / 100 };
}
