// `qingdan export [catalogue] --format csv|xlsx|json|jsonld`: options, where the bytes go, and the exit code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DirectorySource } from '../catalogue/source.js';
import { validateCatalogueAsync } from '../validate.js';
import { EXPORT_FORMATS, exportCatalogue, exportLosses, isExportFormat, isTableKind } from '../export/index.js';
import { TABLE_KINDS } from '../tables/columns.js';
import { UsageError, writeFailed } from '../errors.js';
import { ToolError, toolMessage } from '../i18n/tools.js';
import type { Finding, Locale } from '../findings.js';
import { resolveTargets } from './targets.js';
import type { CommandContext } from './index.js';
import { makeFolder } from '../files.js';
import { visible } from '../report/visible.js';

interface ExportFlags {
  format: string;
  kind?: string;
  out?: string;
  bom: boolean;
  baseUrl?: string;
  lang?: string;
}

export function registerExport(program: Command, context: CommandContext): void {
  program
    .command('export')
    .description('导出清单：CSV/XLSX（全国通用列名）、JSON、JSON-LD / export a catalogue with the national column names')
    .argument('[catalogue]', '清单目录 / catalogue folder (default: . or ./lists)')
    .option('-f, --format <format>', `格式 / format: ${EXPORT_FORMATS.join(', ')}`, 'csv')
    .option('-k, --kind <table>', `CSV 导出哪张表，all 为全部 / CSV table: ${TABLE_KINDS.join(', ')}, all`, 'powers')
    .option('-o, --out <path>', '输出文件（--kind all 时为文件夹）/ output file (a folder with --kind all); default: standard output')
    .option('--no-bom', 'CSV 不写 BOM（Excel 需要 BOM 才能识别 UTF-8）/ CSV without a byte-order mark')
    .option('--base-url <url>', 'JSON-LD 节点标识的基础网址 / base URL of JSON-LD node ids')
    .option('--lang <locale>', '消息语言 / message language: zh-CN, en')
    .action(async (catalogue: string | undefined, flags: ExportFlags) => {
      const locale = context.messageLocale(flags.lang);
      context.exitCode = await exportCommand(catalogue, flags, context, locale);
    });
}

function write(target: string, bytes: Buffer): void {
  try {
    makeFolder(path.dirname(target));
    writeFileSync(target, bytes);
  } catch (error) {
    throw writeFailed(target, error);
  }
}

async function exportCommand(given: string | undefined, flags: ExportFlags, context: CommandContext, locale: Locale): Promise<number> {
  const { io } = context;
  if (!isExportFormat(flags.format)) throw new UsageError('bad-format', { format: flags.format, known: EXPORT_FORMATS.join(', ') });
  const kind = flags.kind ?? 'powers';
  if (kind !== 'all' && !isTableKind(kind)) throw new ToolError('export-bad-kind', { value: kind, known: [...TABLE_KINDS, 'all'].join(', ') });
  if (flags.format === 'xlsx' && !flags.out && io.stdout.isTTY) throw new ToolError('export-needs-out', { format: 'XLSX' });
  if (flags.format === 'csv' && kind === 'all' && !flags.out) throw new ToolError('export-needs-folder');
  // JSON-LD resolves every node id against @base: anything but an absolute http(s) address makes them all wrong.
  if (flags.baseUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(flags.baseUrl)) throw new UsageError('bad-option', { option: '--base-url', value: flags.baseUrl, expected: 'http(s)://…' });

  const [target] = resolveTargets(given !== undefined ? [given] : [], io.cwd);
  const result = await validateCatalogueAsync(new DirectorySource(target!.root, io.cwd), { explicitLocale: locale, environment: io.env });
  const files = await exportCatalogue(result.catalogue, { format: flags.format, kind, bom: flags.bom, ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}) });
  // Process streams take bytes (an XLSX piped on); the CliIo type says text because every other command writes text.
  if (!flags.out) for (const file of files) (io.stdout as unknown as { write(data: Uint8Array): unknown }).write(file.bytes);
  else {
    const out = path.resolve(io.cwd, flags.out);
    for (const file of files) write(file.name ? path.join(out, file.name) : out, file.bytes);
    io.stderr.write(visible(`${toolMessage(locale, 'export-written', { path: flags.out })}\n`));
  }
  // A spreadsheet holds text in cells: what it cannot give back to import is named, so nobody finds out later.
  const losses = exportLosses(result.catalogue, { format: flags.format, kind });
  if (losses.length) {
    io.stderr.write(visible(`${toolMessage(locale, 'export-losses', { count: losses.length })}\n`));
    for (const loss of losses) io.stderr.write(visible(`  ${toolMessage(locale, `export-loss-${loss.kind}`, { path: loss.path })}\n`));
  }
  // Files and folders that could not be read or parsed gave nothing to export: each is named with its problem, as
  // validate names it (a folder of flows that may not be listed used to be told as an entry failing the format).
  const unread = new Set(result.catalogue.unread.map((place) => place.file));
  const unreadProblems = result.findings.filter((f) => f.severity === 'error' && unread.has(f.file));
  // A heading, then each finding at file:line:col, as validate names it.
  const list = (heading: string, findings: readonly Finding[]) => {
    io.stderr.write(visible(`${heading}\n`));
    for (const f of findings) io.stderr.write(visible(`  ${f.file}:${f.line}:${f.column}  ${f.message}  ${f.ruleId}\n`));
  };
  if (unreadProblems.length) list(toolMessage(locale, 'export-unread', { count: unread.size }), unreadProblems);
  // Entries that fail the schema are not in the catalogue's sections: say how many entries were left out (one entry
  // may have several findings; the count was of findings). They are left out whatever the schema rules' severity.
  const left = result.catalogue.leftOut.filter((entry) => !unread.has(entry.file));
  if (left.length) io.stderr.write(visible(`${toolMessage(locale, 'export-incomplete', { count: left.length })}\n`));
  // A key written twice in one mapping: the file is read, with the later value; the earlier one is what is lost.
  const duplicates = result.findings.filter((f) => f.severity === 'error' && f.ruleId === 'yaml/duplicate-key' && !unread.has(f.file));
  if (duplicates.length) list(toolMessage(locale, 'export-duplicate-keys', { count: duplicates.length }), duplicates);
  // A format error outside any entry (a section that is not a list) leaves out what that section holds: named at its place.
  const inEntry = (f: { file: string; path: readonly (string | number)[] }) => left.some((entry) => entry.file === f.file && entry.path.every((step, i) => f.path[i] === step));
  const elsewhere = result.findings.filter((f) => f.severity === 'error' && /^(schema|yaml|file)\//.test(f.ruleId) && f.ruleId !== 'yaml/duplicate-key' && !unread.has(f.file) && !inEntry(f));
  if (elsewhere.length) list(toolMessage(locale, 'export-invalid-places', { count: elsewhere.length }), elsewhere);
  return left.length || elsewhere.length || duplicates.length || unreadProblems.length ? 1 : 0;
}
