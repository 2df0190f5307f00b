// `qingdan import FILE… --out DIR`: options, the import report, validation of what was written, and the exit code.
import path from 'node:path';
import type { Command } from 'commander';
import { DirectorySource, toPosix } from '../catalogue/source.js';
import { validateCatalogue } from '../validate.js';
import stylish from '../report/stylish.js';
import { importTables, type ImportResult } from '../import/index.js';
import { loadMapping } from '../import/mapping.js';
import { TABLES, TABLE_KINDS, type TableKind } from '../tables/columns.js';
import { ToolError, toolMessage, type ToolKey } from '../i18n/tools.js';
import type { Locale } from '../findings.js';
import type { Issue } from '../import/rows.js';
import type { CommandContext } from './index.js';
import { visible } from '../report/visible.js';

interface ImportFlags {
  kind?: string;
  out: string;
  map?: string;
  force?: boolean;
  append?: boolean;
  name?: string;
  lang?: string;
}

export function registerImport(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('从 Excel/CSV 导入权责清单 / import power and responsibility lists from XLSX or CSV')
    .argument('<files...>', 'XLSX 或 CSV 文件 / XLSX or CSV files')
    .option('-k, --kind <table>', `表格种类（表名无法判断时）/ which table, when its name does not say: ${TABLE_KINDS.join(', ')}`)
    .option('-o, --out <dir>', '清单目录（不存在则新建）/ catalogue folder (created when missing)', 'lists')
    .option('-m, --map <file>', '映射文件：列名、取值的对应 / mapping file for other column names and values')
    .option('--append', '追加到已有的部门文件（已在清单中的条目不重复写入）/ add to the department files that exist (entries already in the catalogue are not written again)')
    .option('--force', '覆盖已有的同名文件 / replace the department files that exist')
    .option('--name <name>', '新建清单的名称 / name of a new catalogue')
    .option('--lang <locale>', '消息语言 / message language: zh-CN, en')
    .action(async (files: string[], flags: ImportFlags) => {
      const locale = context.messageLocale(flags.lang);
      context.exitCode = await importCommand(files, flags, context, locale);
    });
}

function source(file: string, sheet: string | undefined): string {
  return sheet ? `${file}［${sheet}］` : file;
}

function issueLine(issue: Issue, locale: Locale): string {
  const at = source(issue.file, issue.sheet);
  const where = issue.row === undefined
    ? at
    : issue.column
      ? toolMessage(locale, 'import-at-column', { source: at, row: issue.row, column: issue.column, letter: issue.letter ?? '' })
      : issue.letter
        ? toolMessage(locale, 'import-at-letter', { source: at, row: issue.row, letter: issue.letter })
        : toolMessage(locale, 'import-at', { source: at, row: issue.row });
  return `  ${where}: ${toolMessage(locale, `issue-${issue.messageId}` as ToolKey, issue.data)}`;
}

export function renderReport(result: ImportResult, out: string, locale: Locale): string {
  const lines: string[] = [];
  const t = (key: ToolKey, data: Record<string, string | number> = {}) => toolMessage(locale, key, data);
  for (const sheet of result.sheets) {
    const encoding = sheet.encoding ? t(`import-encoding-${sheet.encoding}` as ToolKey) : '';
    const comma = locale === 'en' ? ', ' : '，';
    const letter = (c: { letter: string }) => (locale === 'en' ? ` (${c.letter})` : `（${c.letter}）`);
    const table = locale === 'en' ? sheet.kind : TABLES[sheet.kind].title;
    lines.push(t('import-sheet', { source: source(sheet.file, sheet.sheet), table, encoding, row: sheet.headerRow, rows: sheet.rows }));
    const understood = sheet.columns.filter((c) => c.target.type === 'field').map((c) => `${c.header}${letter(c)} → ${(c.target as { field: string }).field}`);
    const kept = sheet.columns.filter((c) => c.target.type === 'extension').map((c) => `${c.header}${letter(c)} → ${(c.target as { key: string }).key}`);
    const ignored = sheet.columns.filter((c) => c.target.type === 'ignored').map((c) => `${c.header}${letter(c)}`);
    if (understood.length) lines.push(t('import-understood', { list: understood.join(comma) }));
    if (kept.length) lines.push(t('import-kept', { list: kept.join(comma) }));
    if (ignored.length) lines.push(t('import-ignored', { list: ignored.join(comma) }));
    if (sheet.hiddenColumns?.length) lines.push(t('import-hidden-columns', { list: sheet.hiddenColumns.map((c) => `${c.header || (c.target.type === 'extension' ? c.target.key : c.letter)}${letter(c)}`).join(comma) }));
  }
  for (const skipped of result.skipped) {
    const key: ToolKey =
      skipped.reason === 'kind-unknown' ? 'import-skipped-kind'
        : skipped.reason === 'header-row-beyond' ? 'import-skipped-header-row-beyond'
          : skipped.reason === 'no-header' ? (skipped.headerRow !== undefined ? 'import-skipped-header-row' : 'import-skipped-header')
            : 'import-skipped-empty';
    lines.push(t(key, { source: source(skipped.file, skipped.sheet), cells: (skipped.cells ?? []).join('、'), row: skipped.headerRow ?? '', last: skipped.lastRow ?? '' }));
  }
  lines.push('');
  for (const file of result.written) {
    const shown = toPosix(path.join(out, file.relativePath));
    lines.push(t(file.appended ? 'import-appended' : 'import-wrote', { path: shown, count: file.entries }));
  }
  if (result.held.count) lines.push(t(result.held.differ ? 'import-held-differ' : 'import-held', result.held));
  if (result.createdConfig) lines.push(t('import-config', { path: toPosix(path.join(out, 'qingdan.yaml')) }));
  const comma = locale === 'en' ? ', ' : '，';
  if (result.newDepartments.length) {
    const named = result.newDepartments.map((n) => (locale === 'en' ? `${n.department.id} (${n.department.name})` : `${n.department.id}（${n.department.name}）`));
    lines.push(t('import-new-departments', { count: result.newDepartments.length, list: named.join(comma) }));
  }
  const guessedLaws = result.newLaws.filter(() => !result.sheets.some((s) => s.kind === 'laws'));
  if (guessedLaws.length) lines.push(t('import-new-laws', { count: guessedLaws.length, list: guessedLaws.map((law) => `${law.id} 《${law.title}》`.replace(' ', locale === 'en' ? ' ' : '')).join(comma) }));

  // A new department without a credit code is a thing to complete; a level guessed from its name, one to check.
  const fromTable = result.sheets.some((s) => s.kind === 'departments');
  const departmentsFile = toPosix(path.join(out, result.departmentsFile));
  const departmentIssue = (n: (typeof result.newDepartments)[number], level: Issue['level'], messageId: string): Issue => ({ level, messageId, data: { id: n.department.id, name: n.department.name, level: n.department.level }, file: departmentsFile });
  const fixes = [...result.issues.filter((i) => i.level === 'fix'), ...result.newDepartments.filter((n) => !fromTable && !n.department.credit_code).map((n) => departmentIssue(n, 'fix', 'department-credit-code'))];
  const notes = [...result.issues.filter((i) => i.level === 'note'), ...result.newDepartments.filter((n) => !fromTable && n.levelGuessed).map((n) => departmentIssue(n, 'note', 'department-level'))];
  if (fixes.length) {
    lines.push('', t('import-fix-title', { count: fixes.length }));
    for (const issue of fixes) lines.push(issueLine(issue, locale));
  }
  if (notes.length) {
    lines.push('', t('import-notes-title', { count: notes.length }));
    for (const issue of notes) lines.push(issueLine(issue, locale));
  }
  return `${lines.join('\n')}\n`;
}

async function importCommand(files: string[], flags: ImportFlags, context: CommandContext, locale: Locale): Promise<number> {
  const { io } = context;
  if (flags.kind !== undefined && !(TABLE_KINDS as readonly string[]).includes(flags.kind)) throw new ToolError('import-bad-kind', { value: flags.kind, known: TABLE_KINDS.join(', ') });
  const mapping = flags.map ? loadMapping(flags.map, io.cwd) : undefined;
  const result = await importTables({
    files,
    out: flags.out,
    cwd: io.cwd,
    ...(flags.kind ? { kind: flags.kind as TableKind } : {}),
    ...(mapping ? { mapping } : {}),
    force: flags.force === true,
    append: flags.append === true,
    ...(flags.name ? { name: flags.name } : {}),
  });
  io.stdout.write(visible(renderReport(result, flags.out, locale)));
  // What was written is validated at once: the findings are the editor's to-do list, with positions in the new files.
  const validation = validateCatalogue(new DirectorySource(result.root, io.cwd), { explicitLocale: locale });
  const errors = validation.findings.filter((f) => f.severity === 'error').length;
  const warnings = validation.findings.filter((f) => f.severity === 'warning').length;
  if (!errors && !warnings) {
    io.stdout.write(visible(`\n${toolMessage(locale, 'import-validate-clean')}\n`));
    return 0;
  }
  io.stdout.write(visible(`\n${toolMessage(locale, 'import-validate-findings', { path: flags.out, errors, warnings })}\n`));
  const shown = [...validation.catalogue.files.keys()];
  io.stdout.write(stylish({ locale, catalogues: [validation.summary], findings: validation.findings, files: shown, sources: validation.sources, color: false, toolVersion: context.version }));
  return errors ? 1 : 0;
}
