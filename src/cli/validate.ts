// `qingdan validate [paths…]`: option wiring and exit code; the work is in src/validate.ts and src/report/.
import path from 'node:path';
import type { Command } from 'commander';
import { DirectorySource } from '../catalogue/source.js';
import { validateCatalogue, validateCatalogueAsync, type CatalogueSummary, type ValidateResult } from '../validate.js';
import { newSince } from '../baseline.js';
import { Git, GitSource, repositoryPrefix } from '../diff/git.js';
import { FileCache, contentHash } from '../catalogue/cache.js';
import { getValidators } from '../schema/validator.js';
import { formatters, getFormatter } from '../report/index.js';
import type { Report } from '../report/types.js';
import { countBySeverity } from '../report/types.js';
import { ui } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import type { Finding, Locale } from '../findings.js';
import { isSelected, resolveTargets } from './targets.js';
import { wantsColor, writeReport } from './output.js';
import type { CommandContext } from './index.js';
import { visible } from '../report/visible.js';

interface ValidateFlags {
  format: string;
  output?: string;
  maxWarnings: string;
  quiet?: boolean;
  lang?: string;
  color?: boolean;
  cache?: boolean;
  cacheLocation: string;
  since?: string;
  errorOnUnmatchedPattern: boolean;
}

export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('检查清单：格式、引用、时限、流程…… / check a catalogue: schema, references, time limits, flows…')
    .argument('[paths...]', '清单目录或其中的文件 / catalogue folder, or files in it (default: . or ./lists)')
    .option('-f, --format <format>', `输出格式 / output format: ${Object.keys(formatters).join(', ')}`, 'stylish')
    .option('-o, --output <file>', '写入文件而非标准输出 / write the report to a file')
    .option('--max-warnings <n>', '警告超过此数即失败 / fail when warnings exceed n', '-1')
    .option('-q, --quiet', '只报告错误 / report errors only')
    .option('--lang <locale>', '消息语言 / message language: zh-CN, en')
    .option('--since <revision>', '只报告此版本之后新出现的问题 / report only problems that are new since this git revision')
    .option('--no-error-on-unmatched-pattern', '所给文件都不在清单内时不报错（用于 pre-commit）/ exit 0 when no given path is inside a catalogue (for hooks)')
    .option('--cache', '只重新检查改动过的文件 / re-check only files that changed')
    .option('--cache-location <file>', '缓存文件夹 / cache folder', '.qingdancache')
    .option('--color', '强制彩色 / force colour')
    .option('--no-color', '不用彩色 / no colour')
    .action(async (paths: string[], flags: ValidateFlags) => {
      context.exitCode = await validateCommand(paths, flags, context, context.locale(flags.lang));
    });
}

async function validateCommand(paths: string[], flags: ValidateFlags, context: CommandContext, explicitLocale: Locale | undefined): Promise<number> {
  const { io } = context;
  const formatter = getFormatter(flags.format);
  if (!formatter) throw new UsageError('bad-format', { format: flags.format, known: Object.keys(formatters).join(', ') });
  // Digits only: Number() took '' (an unset CI variable) as 0 and 0x10 as 16.
  const maxWarnings = /^(-1|\d+)$/.test(flags.maxWarnings) ? Number(flags.maxWarnings) : NaN;
  if (!Number.isSafeInteger(maxWarnings)) throw new UsageError('bad-option', { option: '--max-warnings', value: flags.maxWarnings, expected: '-1, 0, 1, …' });

  let targets;
  try {
    targets = resolveTargets(paths, io.cwd);
  } catch (error) {
    // A hook passes every staged YAML file; when none is in a catalogue there is simply nothing to check.
    if (!flags.errorOnUnmatchedPattern && paths.length && error instanceof UsageError && error.key === 'no-config') {
      io.stderr.write(visible(`${ui(explicitLocale ?? 'zh-CN', 'nothing-to-check')}\n`));
      return 0;
    }
    throw error;
  }
  const findings: Finding[] = [];
  let warningsBeforeQuiet = 0;
  let hidden = 0;
  let quietHidden = 0;
  const skipped: Array<{ path: string; root: string }> = [];
  const catalogues: CatalogueSummary[] = [];
  const sources = new Map<string, string>();
  const files: string[] = [];
  const internalErrors: string[] = [];
  let locale: Locale | undefined = explicitLocale;
  // Results depend on the file, the tool's version and the schemas; a change of either empties the cache.
  const cache = flags.cache ? new FileCache(path.resolve(io.cwd, flags.cacheLocation), `${context.version}:${getValidators().schemaHash}:rules`) : undefined;
  for (const target of targets) {
    const source = new DirectorySource(target.root, io.cwd);
    const result = await validateCatalogueAsync(source, { explicitLocale: locale, environment: io.env, projection: 'rules', ...(cache ? { cache } : {}) });
    locale ??= result.locale;
    catalogues.push(result.summary);
    const reported = flags.since ? baselined(result, target.root, flags.since, context, locale) : result.findings;
    for (const finding of reported) {
      const selected = isSelected(finding.file, target.only) || finding.related.some((r) => isSelected(r.file, target.only));
      if (!selected) {
        if (finding.severity === 'error') hidden++;
        continue;
      }
      // --max-warnings counts the warnings that --quiet does not print.
      if (finding.severity === 'warning') warningsBeforeQuiet++;
      if (!flags.quiet || finding.severity === 'error') findings.push(finding);
      else quietHidden++;
    }
    for (const [file, text] of result.sources) sources.set(file, text);
    for (const file of result.catalogue.files.keys()) if (isSelected(file, target.only)) files.push(file);
    // A named path the catalogue does not read (README.md, a file in .drafts/ or node_modules/) would otherwise pass
    // under a ✔ that says nothing of it, as ESLint warns of a named file it ignores. A file it tried and could not
    // read (not UTF-8, no permission) is one of its files: its finding says what is wrong.
    const known = [...result.catalogue.files.keys(), ...result.catalogue.unread.map((unread) => unread.file)];
    for (const named of target.only ?? []) {
      if (!known.some((file) => isSelected(file, [named]))) skipped.push({ path: named, root: result.catalogue.displayRoot });
    }
    internalErrors.push(...result.internalErrors);
  }
  const reportLocale = locale ?? 'zh-CN';
  const report: Report = { locale: reportLocale, catalogues, findings, files, sources, color: wantsColor(flags, io), toolVersion: context.version, quietHidden };
  const text = formatter(report);
  writeReport(io, flags.output, text);

  for (const message of internalErrors) io.stderr.write(visible(`${message}\n`));
  for (const named of skipped) io.stderr.write(visible(`${ui(reportLocale, 'not-a-catalogue-file', named)}\n`));
  // Named files are reported alone, but errors they cause elsewhere (a renamed law id) must not pass unseen.
  if (hidden) io.stderr.write(visible(`${ui(reportLocale, 'hidden-elsewhere', { count: hidden })}\n`));
  if (internalErrors.length) return 2;
  const counts = countBySeverity(findings);
  if (counts.errors > 0) return 1;
  if (maxWarnings >= 0 && warningsBeforeQuiet > maxWarnings) {
    io.stderr.write(visible(`${ui(reportLocale, 'max-warnings', { warnings: warningsBeforeQuiet, max: maxWarnings })}\n`));
    return 1;
  }
  return 0;
}

/** The findings that are new since `ref`: the catalogue as it was there is validated from git blobs, without a checkout. */
function baselined(result: ValidateResult, root: string, ref: string, context: CommandContext, locale: Locale): Finding[] {
  // The catalogue's repository, which need not be the working directory's.
  const git = new Git(root);
  // The repository first: outside one, every revision is missing, and that would be the wrong thing to say.
  const prefix = repositoryPrefix(git.topLevel(ref), root);
  const commit = git.resolve(ref);
  const source = new GitSource(git, commit, prefix, result.catalogue.displayRoot, ref);
  if (!source.hasConfig()) return result.findings; // the catalogue did not exist then: everything is new
  const base = validateCatalogue(source, { explicitLocale: locale });
  const fresh = newSince(result, base);
  const hidden = result.findings.length - fresh.length;
  if (hidden) context.io.stderr.write(visible(`${ui(locale, 'baseline-note', { ref, hidden })}\n`));
  return fresh;
}
