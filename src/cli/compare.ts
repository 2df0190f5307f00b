// `qingdan compare`: several offices' catalogues against a reference (or as peers), the report, and the gate.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CONFIG_FILE } from '../catalogue/source.js';
import { compareCatalogues, failingDivergences } from '../compare/compare.js';
import { compareFormatters } from '../report/compare/index.js';
import { UsageError } from '../errors.js';
import { gateFlags, wantsColor, writeReport } from './output.js';
import { noConfigError, statGiven } from './targets.js';
import type { CommandContext } from './index.js';

interface CompareFlags {
  format: string;
  out?: string;
  output?: string;
  reference: boolean;
  failOn: string;
  lang?: string;
  color?: boolean;
}

const USAGE = 'qingdan compare REFERENCE LOCAL... | qingdan compare --no-reference A B...';

export function registerCompare(program: Command, context: CommandContext): void {
  program
    .command('compare')
    .description('跨地区比对：同一事项在各地清单中的名称、类型、材料、时限、跑动…… / where the same item differs across offices')
    .argument('<catalogues...>', 'the reference catalogue folder, then the local ones (with --no-reference: peers)')
    .option('-f, --format <format>', `输出格式 / output format: ${Object.keys(compareFormatters).join(', ')}`, 'text')
    .option('-o, --out <file>', '写入文件 / write the report to a file')
    .addOption(new Option('--output <file>').hideHelp())
    .option('--no-reference', '不设参照，各清单互相对照 / no reference: compare the catalogues as peers')
    .option('--fail-on <level>', '在此级别及以上失败 / fail on divergences at this level or above: breaking, notice, none', 'breaking')
    .option('--lang <locale>', '消息语言 / message language: zh-CN, en')
    .option('--color', '强制彩色 / force colour')
    .option('--no-color', '不用彩色 / no colour')
    .action(async (catalogues: string[], flags: CompareFlags) => {
      context.exitCode = await compareCommand(catalogues, flags, context);
    });
}

/** Each argument must be a catalogue folder: a typo is a usage error (exit 2), not an office with no items. */
function catalogueRoots(given: string[], cwd: string): string[] {
  const seen = new Map<string, string>();
  return given.map((value) => {
    const { absolute: root, stats } = statGiven(value, cwd);
    if (!stats.isDirectory()) throw new UsageError('no-config', { root: value });
    if (!existsSync(path.join(root, CONFIG_FILE))) throw noConfigError(root, value);
    // The same folder reached through a symbolic link is the same catalogue.
    const real = realpathSync(root);
    if (seen.has(real)) throw new UsageError('compare-same-catalogue', { path: value });
    seen.set(real, value);
    return root;
  });
}


async function compareCommand(given: string[], flags: CompareFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const { formatter, failOn } = gateFlags(flags, compareFormatters);
  const locale = context.locale(flags.lang);
  if (given.length < 2) throw new UsageError('compare-too-few', { usage: USAGE });
  const roots = catalogueRoots(given, io.cwd);
  const output = flags.out ?? flags.output;
  const result = await compareCatalogues(roots, io.cwd, { reference: flags.reference, locale, environment: io.env });
  const text = formatter({ ...result, color: flags.format === 'text' && wantsColor({ ...flags, ...(output ? { output } : {}) }, io), toolVersion: context.version, failOn });
  writeReport(io, output, text);
  return failingDivergences(result, failOn).length ? 1 : 0;
}
