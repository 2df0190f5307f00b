// `qingdan build [catalogue] --out DIR`: option wiring and exit code; the work is in src/guide/.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { ui } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import { checkTemplateFolders, validateAndBuild } from '../guide/pipeline.js';
import { resolveTargets } from './targets.js';
import { wantsColor } from './output.js';
import type { CommandContext } from './index.js';
import { visible } from '../report/visible.js';

export interface SiteFlags {
  out: string;
  templates: string[];
  lang?: string;
  incremental: boolean;
  cache?: boolean;
  cacheLocation: string;
  color?: boolean;
}

export function siteFlags(command: Command): Command {
  return command
    .option('-o, --out <folder>', '网站输出目录 / site folder', 'site')
    .option('-t, --templates <folder>', '覆盖模板、局部模板和样式的目录（可多次）/ folder of templates, partials and assets that override ours (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--lang <locale>', '网站语言（默认取 qingdan.yaml 的 locale）/ site language: zh-CN, en (default: locale in qingdan.yaml)')
    .option('--no-incremental', '全部重新生成 / render every page, even unchanged ones')
    .option('--cache', '只重新读取改动过的文件 / re-read and re-check only files that changed since the last build')
    .option('--cache-location <folder>', '缓存文件夹 / cache folder', '.qingdancache')
    .option('--color', '强制彩色 / force colour')
    .option('--no-color', '不用彩色 / no colour');
}

/** The catalogue to publish: one folder holding qingdan.yaml (default: the one around the working directory, or ./lists). */
export function siteTarget(catalogue: string | undefined, context: CommandContext): string {
  const targets = resolveTargets(catalogue ? [catalogue] : [], context.io.cwd);
  if (targets.length !== 1) throw new UsageError('no-config', { root: catalogue ?? '.' });
  return targets[0]!.root;
}

/** What build and serve both need from the command line: where from, where to, whose templates, which language. */
export function siteJob(catalogue: string | undefined, flags: SiteFlags, context: CommandContext) {
  const { io } = context;
  return {
    root: siteTarget(catalogue, context),
    out: path.resolve(io.cwd, flags.out),
    templates: checkTemplateFolders(flags.templates, io.cwd),
    explicitLocale: context.locale(flags.lang),
    incremental: flags.incremental,
    cache: flags.cache ? path.resolve(io.cwd, flags.cacheLocation) : undefined,
    toolVersion: context.version,
    color: wantsColor({ color: flags.color }, io, 'stderr'),
  };
}

export function registerBuild(program: Command, context: CommandContext): void {
  siteFlags(
    program
      .command('build')
      .description('生成办事指南网站 / build the public guide site')
      .argument('[catalogue]', '清单目录 / catalogue folder (default: . or ./lists)'),
  ).action(async (catalogue: string | undefined, flags: SiteFlags) => {
    const { io } = context;
    const job = siteJob(catalogue, flags, context);
    const outcome = await validateAndBuild(job, io);
    if (!outcome.ok) {
      if (!outcome.reported) io.stderr.write(visible(`${ui(outcome.locale, 'site-invalid', { errors: outcome.errors })}\n`));
      context.exitCode = 1;
      return;
    }
    const { result } = outcome;
    const shown = path.relative(io.cwd, result.out) || '.';
    io.stdout.write(visible(`${ui(outcome.locale, 'site-built', { out: shown, guides: result.guides, files: result.files, rendered: result.rendered, reused: result.reused, seconds: outcome.seconds })}\n`));
    io.stdout.write(visible(`${ui(outcome.locale, 'site-open', { url: pathToFileURL(path.join(result.out, 'index.html')).href })}\n`));
    context.exitCode = 0;
  });
}
