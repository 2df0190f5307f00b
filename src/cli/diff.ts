// `qingdan diff`: which two catalogues to compare (revisions or folders), the report, and the gate.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, DirectorySource, type CatalogueSource } from '../catalogue/source.js';
import { diffCatalogues, failing } from '../diff/diff.js';
import { Git, GitSource, repositoryPrefix } from '../diff/git.js';
import { readWaivers } from '../diff/waivers.js';
import { diffFormatters } from '../report/diff/index.js';
import { UsageError } from '../errors.js';
import { ui } from '../i18n/index.js';
import { visible } from '../report/visible.js';
import { noConfigError, resolveTargets } from './targets.js';
import { gateFlags, wantsColor, writeReport } from './output.js';
import type { CommandContext } from './index.js';

interface DiffFlags {
  base?: string;
  catalogue?: string;
  format: string;
  output?: string;
  failOn: string;
  waivers?: string;
  lang?: string;
  color?: boolean;
}

export function registerDiff(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .description('比较两个版本的清单：增减了什么事项、时限、材料、跑动…… / what a revision changes')
    .argument('[revisions...]', 'BASE..HEAD, BASE...HEAD, BASE HEAD, one revision (against the working tree), or two catalogue folders')
    .option('--base <revision>', '比较基准 / the revision to compare against (default in CI: merge-base with the default branch)')
    .option('-c, --catalogue <folder>', '清单目录 / catalogue folder (default: . or ./lists)')
    .option('-f, --format <format>', `输出格式 / output format: ${Object.keys(diffFormatters).join(', ')}`, 'text')
    .option('-o, --output <file>', '写入文件 / write the report to a file')
    .option('--fail-on <level>', '在此级别及以上失败 / fail on changes at this level or above: breaking, notice, none', 'breaking')
    .option('--waivers <file>', '豁免文件 / a YAML file of waivers (fingerprint, reason, expires)')
    .option('--lang <locale>', '消息语言 / message language: zh-CN, en')
    .option('--color', '强制彩色 / force colour')
    .option('--no-color', '不用彩色 / no colour')
    .action(async (revisions: string[], flags: DiffFlags) => {
      context.exitCode = await diffCommand(revisions, flags, context);
    });
}

interface Side {
  source: CatalogueSource;
  label: string;
}

function isFolder(value: string, cwd: string): boolean {
  try {
    return statSync(path.resolve(cwd, value)).isDirectory();
  } catch {
    return false;
  }
}

function folderSide(folder: string, cwd: string): Side {
  const root = path.resolve(cwd, folder);
  if (!existsSync(path.join(root, CONFIG_FILE))) throw noConfigError(root, folder);
  const source = new DirectorySource(root, cwd);
  return { source, label: source.displayRoot };
}

/** Works out the two sides from what was typed; every revision goes through Git.resolve before git sees it. */
function sides(revisions: string[], flags: DiffFlags, context: CommandContext): { base: Side; head: Side } {
  const { cwd, env } = context.io;
  if (revisions.length === 2) {
    const folders = revisions.map((r) => isFolder(r, cwd));
    if (folders.every(Boolean)) return { base: folderSide(revisions[0]!, cwd), head: folderSide(revisions[1]!, cwd) };
    // One folder and one typo: say which is not a catalogue, rather than that no base was given.
    if (folders.some(Boolean)) throw new UsageError('no-config', { root: revisions[folders.indexOf(false)]! });
  }
  // Two revisions, as `git diff A B` takes them: the same as A..B.
  if (revisions.length === 2 && !revisions.some((r) => r.includes('..'))) revisions = [`${revisions[0]}..${revisions[1]}`];
  if (revisions.length > 1 || (revisions.length === 1 && flags.base)) {
    throw new UsageError('diff-too-many-revisions', { given: [...revisions, ...(flags.base ? [`--base ${flags.base}`] : [])].join(', ') });
  }

  const root = resolveTargets(flags.catalogue ? [flags.catalogue] : [], cwd)[0]!.root;
  // The catalogue's repository, not the working directory's: `--catalogue` may point into another one.
  const git = new Git(root);
  const topLevel = git.topLevel();
  const prefix = repositoryPrefix(topLevel, root);
  // GitHub places an annotation by its path from the repository's root, wherever qingdan ran: from a subfolder, a path
  // relative to the working directory (../powers/rsj.yaml) annotates nothing.
  const working = new DirectorySource(root, cwd, flags.format === 'github' ? prefix || '.' : undefined);
  const atRevision = (ref: string, commit: string): Side => ({ source: new GitSource(git, commit, prefix, working.displayRoot, ref), label: ref });

  let baseRef: string | undefined;
  let headRef: string | undefined;
  let mergeBase = false;
  const range = revisions[0];
  if (range?.includes('...')) {
    [baseRef, headRef] = range.split('...');
    mergeBase = true;
  } else if (range?.includes('..')) {
    [baseRef, headRef] = range.split('..');
  } else if (range) {
    baseRef = range;
  } else if (flags.base) {
    baseRef = flags.base;
  } else if (inCI(env)) {
    baseRef = git.defaultBase(env);
    headRef = 'HEAD';
    mergeBase = true;
  } else {
    baseRef = 'HEAD';
  }
  baseRef ||= 'HEAD';
  if (headRef === '') headRef = 'HEAD';
  const headCommit = headRef !== undefined ? git.resolve(headRef) : undefined;
  let baseCommit = git.resolve(baseRef);
  if (mergeBase) baseCommit = git.mergeBase(baseCommit, headCommit ?? git.resolve('HEAD'), `${baseRef}...${headRef ?? 'HEAD'}`);
  const head = headRef !== undefined ? atRevision(headRef, headCommit!) : { source: working, label: working.displayRoot };
  return { base: atRevision(mergeBase ? `merge-base(${baseRef}, ${headRef ?? 'HEAD'})` : baseRef, baseCommit), head };
}

/** CI=true as CI services set it; CI=false or CI=0 (as some build scripts set it) is not CI. */
function inCI(env: NodeJS.ProcessEnv): boolean {
  return !!env.CI && !/^(false|0)$/i.test(env.CI);
}

async function diffCommand(revisions: string[], flags: DiffFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const { formatter, failOn } = gateFlags(flags, diffFormatters);
  const locale = context.locale(flags.lang);
  const extraWaivers = flags.waivers ? readWaivers(flags.waivers, io.cwd, context.messageLocale(flags.lang)) : [];
  const { base, head } = sides(revisions, flags, context);
  const today = io.env.QINGDAN_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(io.env.QINGDAN_TODAY) ? io.env.QINGDAN_TODAY : new Date().toISOString().slice(0, 10);
  const result = await diffCatalogues(base, head, { ...(locale ? { locale } : {}), extraWaivers, today });
  if (result.absent) {
    const side = result.absent === 'base' ? base : head;
    io.stderr.write(visible(`${ui(result.locale, result.absent === 'base' ? 'diff-absent-base' : 'diff-absent-head', { rev: side.label, path: side.source.displayRoot })}\n`));
  }
  const text = formatter({ ...result, color: wantsColor(flags, io), toolVersion: context.version, failOn });
  writeReport(io, flags.output, text);
  return failing(result, failOn).length ? 1 : 0;
}
