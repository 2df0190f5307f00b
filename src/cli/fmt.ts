// `qingdan fmt [paths…] [--check]`: option wiring, the list of files and the exit code; formatting is in src/fmt/.
import { Positions } from '../catalogue/positions.js';
import type { Command } from 'commander';
import { fmtFiles } from '../fmt/files.js';
import { formatFilesInParallel } from '../fmt/index.js';
import { ruleMessage } from '../i18n/index.js';
import { toolMessage } from '../i18n/tools.js';
import type { Locale, RawFinding } from '../findings.js';
import type { CommandContext } from './index.js';
import { visible } from '../report/visible.js';

interface FmtFlags {
  check?: boolean;
  lang?: string;
}

export function registerFmt(program: Command, context: CommandContext): void {
  program
    .command('fmt')
    .description('统一格式：键的顺序、引号、缩进；保留注释和空行 / canonical key order and quoting; comments and blank lines kept')
    .argument('[paths...]', '清单目录或文件 / catalogue folders or files (default: . or ./lists)')
    .option('--check', '只检查，不改动；有文件需要格式化时退出码为 1 / change nothing; exit 1 and list the files that need formatting')
    .option('--lang <locale>', '消息语言 / message language: zh-CN, en')
    .action(async (paths: string[], flags: FmtFlags) => {
      context.exitCode = await fmtCommand(paths, flags, context);
    });
}

function problem(finding: RawFinding, text: string, locale: Locale): string {
  const { line, column } = new Positions(() => text).span(finding.place);
  return `${finding.place.file}:${line}:${column}  ${ruleMessage(locale, finding.ruleId, finding.messageId, finding.data)}  ${finding.ruleId}`;
}

async function fmtCommand(paths: string[], flags: FmtFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const locale = context.messageLocale(flags.lang);
  const check = flags.check === true;
  const results = await formatFilesInParallel(fmtFiles(paths, io.cwd), { check });
  let changed = 0;
  let unchanged = 0;
  let failed = false;
  let unwritable = false;
  for (const { file, outcome, text, unwritable: code } of results) {
    if (code) {
      unwritable = true;
      io.stderr.write(visible(`${toolMessage(locale, 'fmt-unwritable', { file: file.display, code })}\n`));
    } else if (outcome.status === 'formatted') {
      if (!outcome.changed) unchanged++;
      else {
        changed++;
        io.stdout.write(visible(`${file.display}\n`));
      }
    } else if (outcome.status === 'broken') {
      failed = true;
      io.stderr.write(visible(`${toolMessage(locale, 'fmt-broken', { file: file.display })}\n`));
      for (const finding of outcome.findings) io.stderr.write(visible(`  ${problem(finding, text ?? '', locale)}\n`));
    } else if (outcome.status === 'unsafe') {
      failed = true;
      io.stderr.write(visible(`${toolMessage(locale, `fmt-unsafe-${outcome.reason}`, { file: file.display })}\n`));
    }
  }
  if (check) {
    if (changed) io.stderr.write(visible(`${toolMessage(locale, 'fmt-changed', { count: changed })}\n`));
    return changed || failed ? 1 : 0;
  }
  io.stderr.write(visible(`${toolMessage(locale, 'fmt-done', { changed, unchanged })}\n`));
  // A file that could not be written is a problem of the environment (permissions, a read-only disk): exit 2.
  return unwritable ? 2 : failed ? 1 : 0;
}
