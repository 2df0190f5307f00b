// `qingdan import` without the command line: spreadsheets → sheets → tables by kind → entries → files of a catalogue,
// with a report of what each sheet's columns meant and of every value the editor must complete.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { DirectorySource, CONFIG_FILE, toPosix } from '../catalogue/source.js';
import { loadCatalogueSync } from '../catalogue/load.js';
import type { Catalogue } from '../catalogue/model.js';
import { getProfile, PROFILES } from '../profiles/index.js';
import { CATEGORIES } from '../schema/values.js';
import type { Category, SectionName } from '../schema/definitions.js';
import { ToolError } from '../i18n/tools.js';
import { TABLES, TABLE_KINDS, type TableKind } from '../tables/columns.js';
import { slugOf } from '../tables/values.js';
import { Builder, type BuiltCatalogue } from './build.js';
import { differences, heldKey, HeldEntries, type Held } from './existing.js';
import { findHeader, type MappedColumn } from './header.js';
import { EMPTY_MAPPING, type Mapping } from './mapping.js';
import { readSheets, type Encoding, type Sheet } from './read.js';
import { Directory, type NewDepartment } from './resolve.js';
import { rowText } from './footer.js';
import { dataRows, Issues, notImported, type Issue } from './rows.js';
import { writePlanned, type PlannedFile } from './write.js';
import type { Law } from '../schema/definitions.js';

export interface ImportOptions {
  files: string[];
  out: string;
  cwd: string;
  kind?: TableKind;
  mapping?: Mapping;
  force?: boolean;
  /** Add to the department files that exist instead of refusing to touch them. */
  append?: boolean;
  /** qingdan.yaml `name` when the import creates the catalogue. */
  name?: string;
}

export interface SheetReport {
  file: string;
  sheet?: string;
  kind: TableKind;
  encoding?: Encoding;
  /** 1-based row of the (last) header row. */
  headerRow: number;
  columns: MappedColumn[];
  rows: number;
  /** Columns hidden in the workbook that were imported all the same (a field or an x- key): named in the report. */
  hiddenColumns?: MappedColumn[];
}

export interface SkippedSheet {
  file: string;
  sheet?: string;
  /** header-row-beyond: the mapping file's header_row is below the sheet's last row. */
  reason: 'kind-unknown' | 'no-header' | 'empty' | 'header-row-beyond';
  /** For no-header: the cells of the first non-empty row (of header_row, when given), none of which is a known column. */
  cells?: string[];
  /** The mapping file's header_row (from 1), when it was given. */
  headerRow?: number;
  /** For header-row-beyond: the sheet's last row that holds anything (from 1). */
  lastRow?: number;
}

export interface WrittenFile {
  relativePath: string;
  entries: number;
  appended: boolean;
}

export interface ImportResult {
  root: string;
  sheets: SheetReport[];
  skipped: SkippedSheet[];
  written: WrittenFile[];
  issues: Issue[];
  newDepartments: NewDepartment[];
  newLaws: Law[];
  createdConfig: boolean;
  /** Where new departments go (relative to the root): the file that holds the catalogue's departments, else departments.yaml. */
  departmentsFile: string;
  /** Entries the catalogue already held, not written again; `differ` of them say something else in the sheet. */
  held: { count: number; differ: number };
}

const ORDER: TableKind[] = ['departments', 'laws', 'powers', 'materials', 'fees', 'special-procedures', 'risk-points', 'responsibilities', 'department-duties', 'flows'];

/** A sheet's kind from its name: 申请材料, 权力清单, materials; a CSV file named 某局责任清单 too. Longest title first. */
function kindFromName(name: string): TableKind | undefined {
  const candidates = TABLE_KINDS.flatMap((kind) => [kind, TABLES[kind].title, ...(TABLES[kind].titles ?? [])].map((title) => ({ kind, title })));
  candidates.sort((a, b) => b.title.length - a.title.length);
  return candidates.find(({ title }) => name === title || name.includes(title))?.kind;
}

function sheetKind(sheet: Sheet, options: ImportOptions, mapping: Mapping): { kind?: TableKind; category?: Category } {
  const mapped = mapping.sheets[sheet.name];
  if (mapped) return { kind: mapped };
  const isCsv = sheet.encoding !== undefined;
  if (isCsv && options.kind) return { kind: options.kind };
  const byName = kindFromName(sheet.name);
  if (byName) return { kind: byName };
  // A workbook with one sheet per category (行政许可, 行政处罚, …), as many 2015-era lists are kept.
  const category = slugOf('category', sheet.name) as Category | undefined;
  if (category && (CATEGORIES as readonly string[]).includes(category)) return { kind: 'powers', category };
  return options.kind ? { kind: options.kind } : {};
}

function existingCatalogue(root: string): Catalogue | undefined {
  if (!existsSync(path.join(root, CONFIG_FILE))) return undefined;
  const { catalogue } = loadCatalogueSync(new DirectorySource(root));
  return catalogue;
}

/** Where a section's new entries go: the file that already holds that section, else the usual name. */
function sectionFile(catalogue: Catalogue | undefined, section: 'departments' | 'laws'): string {
  const entry = catalogue?.sections[section][0];
  if (!entry || !catalogue) return `${section}.yaml`;
  const prefix = catalogue.displayRoot === '.' ? '' : `${catalogue.displayRoot}/`;
  return entry.file.startsWith(prefix) ? entry.file.slice(prefix.length) : `${section}.yaml`;
}

export async function importTables(options: ImportOptions): Promise<ImportResult> {
  const mapping = options.mapping ?? EMPTY_MAPPING;
  const root = path.resolve(options.cwd, options.out);
  const existing = existingCatalogue(root);
  const profile = getProfile(existing?.config.profile) ?? PROFILES.national!;
  const directory = new Directory(
    existing?.sections.departments.map((e) => e.value) ?? [],
    existing?.sections.laws.map((e) => e.value) ?? [],
    mapping,
    existing?.config.region,
  );
  const builder = new Builder(directory, mapping, profile);
  if (existing) for (const entry of existing.sections.powers) builder.knownPower(entry.value);

  const sheets: Array<{ sheet: Sheet; kind: TableKind; category?: Category }> = [];
  const skipped: SkippedSheet[] = [];
  for (const file of options.files) {
    for (const sheet of await readSheets(file, options.cwd)) {
      const label = sheet.encoding === undefined ? { sheet: sheet.name } : {};
      if (!sheet.rows.some((row) => row.some((cell) => cell.trim()))) {
        skipped.push({ file, ...label, reason: 'empty' });
        continue;
      }
      const { kind, category } = sheetKind(sheet, options, mapping);
      if (!kind) skipped.push({ file, ...label, reason: 'kind-unknown' });
      else sheets.push({ sheet, kind, ...(category ? { category } : {}) });
    }
  }
  sheets.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));

  const reports: SheetReport[] = [];
  const allIssues: Issues[] = [];
  for (const { sheet, kind, category } of sheets) {
    const label = sheet.encoding === undefined ? { sheet: sheet.name } : {};
    const fixed = mapping.headerRow;
    // header_row below the last row is a setting meant for another sheet or a typo, not a sheet without a header.
    const lastRow = sheet.rows.findLastIndex((row) => row.some((cell) => cell.trim())) + 1;
    if (fixed !== undefined && fixed > lastRow) {
      skipped.push({ file: sheet.file, ...label, reason: 'header-row-beyond', headerRow: fixed, lastRow });
      continue;
    }
    const header = findHeader(sheet, TABLES[kind], mapping);
    if (!header) {
      const shown = fixed !== undefined ? (sheet.rows[fixed - 1] ?? []) : (sheet.rows.find((row) => row.some((cell) => cell.trim())) ?? []);
      skipped.push({ file: sheet.file, ...label, reason: 'no-header', cells: shown.map((c) => c.trim()).filter(Boolean), ...(fixed !== undefined ? { headerRow: fixed } : {}) });
      continue;
    }
    const rows = dataRows(sheet, header);
    const issues = new Issues(sheet);
    allIssues.push(issues);
    // What is not imported is named, row by row: a hidden row may be a cancelled item or one the office forgot it hid.
    const skippedRows = notImported(sheet, header);
    const naming = header.columns.filter((c) => c.target.type === 'field' && ['code', 'name', 'sub_item', 'title'].includes(c.target.field));
    for (const row of sheet.hiddenRows ?? []) {
      const cells = sheet.rows[row] ?? [];
      const texts = [...new Set(cells.map((cell) => cell.trim()).filter(Boolean))];
      const names = [...new Set(naming.map((c) => (cells[c.index] ?? '').trim()).filter(Boolean))];
      if (row > header.headerRow && texts.length) issues.add('note', 'row-hidden', { text: rowText(names.length ? names : texts) }, { row: row + 1 });
    }
    for (const footer of header.footers) issues.add('note', 'row-footer', { text: footer.text }, { row: footer.row + 1 });
    for (const row of header.nonItems) issues.add('note', `row-${row.kind}`, { text: row.text }, { row: row.row + 1 });
    // A cell whose value Excel did not save (a formula never calculated) or that holds an error reads as empty: say
    // so where it is, or its column would only be reported missing. A code typed as a number lost its last digits
    // in the spreadsheet already: only the editor can type them again.
    for (const cell of sheet.unreadable ?? []) {
      const column = header.columns.find((c) => c.index === cell.column);
      if (cell.row > header.headerRow && column && !skippedRows.has(cell.row)) issues.add('fix', `cell-${cell.kind}`, { value: cell.text }, { row: cell.row + 1, column });
    }
    // Values under a blank header are kept under the column's letter; the editor should name the column.
    for (const column of header.columns) {
      if (!column.header && column.target.type === 'extension') issues.add('fix', 'column-no-header', { key: column.target.key }, { row: header.headerRow + 1, column });
    }
    // A hidden column is read like the others (it is mostly a working column, or a national column the office does
    // not print: dropping it could lose codes), but named, so that a working column does not pass unseen.
    const hiddenColumns = header.columns.filter((c) => c.target.type !== 'ignored' && (sheet.hiddenColumns ?? []).includes(c.index));
    reports.push({ file: sheet.file, ...label, kind, ...(sheet.encoding ? { encoding: sheet.encoding } : {}), headerRow: header.headerRow + 1, columns: header.columns, rows: rows.length, ...(hiddenColumns.length ? { hiddenColumns } : {}) });
    switch (kind) {
      case 'departments': builder.departments(rows, issues); break;
      case 'laws': builder.laws(rows, issues); break;
      case 'powers': builder.powersTable(rows, issues, sheet.file, category); break;
      case 'materials': case 'fees': case 'special-procedures': case 'risk-points': builder.detailTable(kind, rows, issues, sheet.file); break;
      case 'responsibilities': builder.responsibilitiesTable(rows, issues); break;
      case 'department-duties': builder.departmentDutiesTable(rows, issues); break;
      case 'flows': builder.flowsTable(rows, issues); break;
    }
  }
  if (!reports.length) {
    const first = skipped.find((s) => s.reason === 'no-header' || s.reason === 'header-row-beyond') ?? skipped[0];
    const file = first?.sheet ? `${first.file}［${first.sheet}］` : first?.file;
    const known = TABLES[options.kind ?? 'powers'].columns.slice(0, 8).map((c) => c.header).join('、');
    if (first?.reason === 'header-row-beyond') throw new ToolError('import-header-row-beyond', { file: file!, row: first.headerRow!, last: first.lastRow! });
    if (first?.reason === 'no-header' && first.headerRow !== undefined) throw new ToolError('import-no-header-row', { file: file!, row: first.headerRow, cells: (first.cells ?? []).join('、') || '—', known });
    if (first?.reason === 'no-header') throw new ToolError('import-no-header', { file: first.file, cells: (first.cells ?? []).join('、') || '—', known });
    if (first?.reason === 'kind-unknown') throw new ToolError('import-kind-unknown', { file: first.file, kinds: TABLE_KINDS.join(', ') });
    throw new ToolError('import-empty', { files: options.files.join(', ') });
  }

  const built = builder.finish();
  // The department files this import is bound for, held entries included: without --append or --force, one that
  // exists stops the import, even when it holds every entry of the sheet (say --append to add what is new).
  const bound = [
    ...built.powers.map((draft) => targetFile('powers', draft.data.department)),
    ...built.responsibilities.map((entry) => targetFile('responsibilities', entry.department)),
    ...built.flows.map((flow) => targetFile('flows', builder.flowDepartment(flow.data))),
  ];
  const clashes = options.append ? [] : [...new Set(bound)].filter((file) => existsSync(path.join(root, file)));
  const held = existing ? withoutHeld(built, new HeldEntries(existing, options.out), options, root, (flow) => builder.flowDepartment(flow)) : { count: 0, differ: 0 };
  const source = options.files.map((f) => path.basename(f)).join('、');
  const comment = ` 由 qingdan import 自 ${source} 导入：请核对导入报告中列出的各处后删除此行。`;
  const planned: PlannedFile[] = [];
  const byDepartment = (section: SectionName, entries: Array<{ data: unknown; department: string | undefined }>, folder: string) => {
    const groups = new Map<string, unknown[]>();
    for (const entry of entries) {
      const key = entry.department ?? 'unassigned';
      const list = groups.get(key) ?? [];
      list.push(entry.data);
      groups.set(key, list);
    }
    for (const [department, list] of groups) planned.push({ relativePath: `${folder}/${department}.yaml`, section, entries: list, append: options.append === true, comment });
  };
  if (built.departments.length) planned.push({ relativePath: sectionFile(existing, 'departments'), section: 'departments', entries: built.departments, append: true, comment });
  if (built.laws.length) planned.push({ relativePath: sectionFile(existing, 'laws'), section: 'laws', entries: built.laws, append: true, comment });
  byDepartment('powers', built.powers.map((p) => ({ data: p.data, department: p.data.department as string | undefined })), 'powers');
  byDepartment('responsibilities', built.responsibilities, 'responsibilities');
  byDepartment('flows', built.flows.map((flow) => ({ data: flow.data, department: builder.flowDepartment(flow.data) })), 'flows');

  // Headers without rows below them build nothing: say so rather than create a catalogue that holds only qingdan.yaml.
  // (Rows whose entries the catalogue already holds build nothing either; that is reported as a normal import.)
  if (!planned.length && reports.every((report) => report.rows === 0)) throw new ToolError('import-no-rows', { files: options.files.join(', ') });

  if (clashes.length && !options.force) throw new ToolError('import-exists', { path: toPosix(path.join(options.out, clashes[0]!)), count: clashes.length });

  const createdConfig = !existsSync(path.join(root, CONFIG_FILE));
  // One line per file: departments and laws kept in one file are both counted in it.
  const written: WrittenFile[] = [];
  for (const file of planned) {
    const earlier = written.find((w) => w.relativePath === file.relativePath);
    if (earlier) earlier.entries += file.entries.length;
    else written.push({ relativePath: file.relativePath, entries: file.entries.length, appended: file.append && existsSync(path.join(root, file.relativePath)) });
  }
  const name = options.name ?? path.basename(options.files[0]!).replace(/\.[^.]+$/, '');
  const config = createdConfig ? `#${comment}\n${stringify({ name, locale: 'zh-CN', profile: 'national' })}` : undefined;
  writePlanned(root, planned, options.out, config);
  return {
    root,
    sheets: reports,
    skipped,
    written,
    issues: allIssues.flatMap((issues) => issues.list),
    newDepartments: directory.newDepartments,
    newLaws: directory.newLaws,
    createdConfig,
    departmentsFile: sectionFile(existing, 'departments'),
    held,
  };
}

/** The file an imported entry goes in, relative to the catalogue root. */
function targetFile(folder: 'powers' | 'responsibilities' | 'flows', department: unknown): string {
  return `${folder}/${typeof department === 'string' ? department : 'unassigned'}.yaml`;
}

/**
 * Takes out of `built` the entries the catalogue already holds, each reported at its row with the place it is at and
 * what the sheet says differently; they are not written again, and the catalogue's entry is left as it is (a sheet
 * holds less than the YAML: replacing the entry from it would lose what only the YAML has). With --force, the files
 * the import replaces do not count as holding anything; a file stops being replaced when every entry bound for it
 * turns out to be held elsewhere, so that is worked out until it settles.
 */
function withoutHeld(built: BuiltCatalogue, catalogue: HeldEntries, options: ImportOptions, root: string, flowDepartment: (flow: Record<string, unknown>) => string | undefined): { count: number; differ: number } {
  const candidates = [
    ...built.powers.map((draft) => ({
      kind: 'power' as const,
      data: draft.data,
      file: targetFile('powers', draft.data.department),
      origin: { row: draft.row, issues: draft.issues },
      // Materials from the 申请材料 summary column have made-up properties: only their names say something.
      compared: !draft.details.materials.length && Array.isArray(draft.data.materials) ? { ...draft.data, materials: (draft.data.materials as Array<{ name: unknown }>).map((m) => ({ name: m.name })) } : draft.data,
    })),
    ...built.responsibilities.map((entry) => ({ kind: 'power' in entry.data ? ('responsibility' as const) : ('duty' as const), data: entry.data, file: targetFile('responsibilities', entry.department), origin: entry.origin, compared: entry.data })),
    ...built.flows.map((flow) => ({ kind: 'flow' as const, data: flow.data, file: targetFile('flows', flowDepartment(flow.data)), origin: flow.origin, compared: flow.data })),
  ];
  const replacing = options.force === true && options.append !== true;
  const exists = new Map<string, boolean>();
  const present = (file: string) => exists.get(file) ?? exists.set(file, existsSync(path.join(root, file))).get(file)!;
  const bound = (entries: typeof candidates) => new Set(replacing ? entries.map((c) => c.file).filter(present) : []);
  let replaced = bound(candidates);
  let found: Array<{ candidate: (typeof candidates)[number]; at: Held }>;
  for (;;) {
    found = candidates.flatMap((candidate) => {
      const at = catalogue.find(candidate.kind, heldKey(candidate.kind, candidate.data), replaced);
      return at ? [{ candidate, at }] : [];
    });
    const heldNow = new Set(found.map((f) => f.candidate));
    const still = bound(candidates.filter((c) => !heldNow.has(c)));
    if (still.size === replaced.size) break;
    replaced = still;
  }
  let differ = 0;
  for (const { candidate, at } of found) {
    const fields = differences(candidate.compared, at.value);
    if (fields.length) differ++;
    const data = candidate.data as Record<string, unknown>;
    const text = (key: string) => String(data[key] ?? '');
    const names =
      candidate.kind === 'power' ? { code: text('code'), name: text('name') }
        : candidate.kind === 'responsibility' ? { code: text('power') }
          : candidate.kind === 'flow' ? { id: text('id'), name: text('name') }
            : { department: text('department'), duty: text('duty') };
    candidate.origin?.issues.add(fields.length ? 'fix' : 'note', `held-${candidate.kind}-${fields.length ? 'differs' : 'same'}`, { ...names, place: at.place, fields: fields.join('; ') }, { row: candidate.origin.row });
  }
  const out = new Set(found.map((f) => f.candidate.data));
  built.powers.splice(0, built.powers.length, ...built.powers.filter((draft) => !out.has(draft.data)));
  built.responsibilities.splice(0, built.responsibilities.length, ...built.responsibilities.filter((entry) => !out.has(entry.data)));
  built.flows.splice(0, built.flows.length, ...built.flows.filter((flow) => !out.has(flow.data)));
  return { count: found.length, differ };
}
