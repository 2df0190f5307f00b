// A catalogue as spreadsheet tables with the national column names: one table per kind, rows of cell values, and the
// row ranges that belong together (one power's duties), which XLSX shows as merged cells.
import type { Catalogue } from '../catalogue/model.js';
import type { Citation, Department, DepartmentResponsibility, Flow, Law, Power, PowerResponsibility } from '../schema/definitions.js';
import { TABLES, type TableKind, type TableSpec } from '../tables/columns.js';
import { formatCitations, formatDuration, joinLines, labelOf, yesNo } from '../tables/values.js';

export type Cell = string | number;

export interface Table {
  spec: TableSpec;
  headers: string[];
  rows: Cell[][];
  /** Inclusive ranges of data rows (0-based) that describe one thing: merged over the spec's group columns. */
  groups: Array<[number, number]>;
}

type Extensible = Record<string, unknown>;

/** `x-…` keys of these objects, in order of first appearance: each becomes a column headed by the key itself. */
function extensionKeys(objects: readonly object[]): string[] {
  const keys = new Set<string>();
  for (const object of objects) for (const key of Object.keys(object)) if (key.startsWith('x-')) keys.add(key);
  return [...keys];
}

function extensionCells(object: object, keys: string[]): Cell[] {
  return keys.map((key) => {
    const value = (object as Extensible)[key];
    if (value === undefined || value === null) return '';
    if (typeof value === 'number' || typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(String).join('\n');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

class Names {
  readonly departments = new Map<string, Department>();
  readonly laws = new Map<string, Law>();
  readonly powers = new Map<string, Power>();

  constructor(catalogue: Catalogue) {
    for (const entry of catalogue.sections.departments) if (!this.departments.has(entry.value.id)) this.departments.set(entry.value.id, entry.value);
    for (const entry of catalogue.sections.laws) if (!this.laws.has(entry.value.id)) this.laws.set(entry.value.id, entry.value);
    for (const entry of catalogue.sections.powers) if (!this.powers.has(entry.value.code)) this.powers.set(entry.value.code, entry.value);
  }

  department = (id: string | undefined): string => (id === undefined ? '' : (this.departments.get(id)?.name ?? id));
  lawTitle = (id: string): string => this.laws.get(id)?.title ?? id;
  citations = (list: readonly Citation[] | undefined): string => formatCitations(list, this.lawTitle);

  /** 事项名称 and 子项名称: a sub-item is listed under its main item's name. */
  itemNames(power: Power | undefined): [string, string] {
    if (!power) return ['', ''];
    const parent = power.parent ? this.powers.get(power.parent) : undefined;
    return parent ? [parent.name, power.name] : [power.name, ''];
  }

  itemKey(code: string): Cell[] {
    const [name, sub] = this.itemNames(this.powers.get(code));
    return [code, name, sub];
  }
}

function table(kind: TableKind, extraHeaders: string[] = []): Table {
  const spec = TABLES[kind];
  return { spec, headers: [...spec.columns.map((c) => c.header), ...extraHeaders], rows: [], groups: [] };
}

const RESPONSIBILITY_FIELDS = new Set(['duties', 'duties.basis', 'accountability.cases', 'accountability.basis', 'accountability.subjects']);

function powersTable(powers: Power[], names: Names): Table {
  const extensions = extensionKeys(powers);
  const out = table('powers', extensions);
  // The responsibility columns of the powers table are for reading 2015-era lists; export writes them in 责任清单.
  out.headers = [...out.spec.columns.filter((c) => !RESPONSIBILITY_FIELDS.has(c.field)).map((c) => c.header), ...extensions];
  for (const power of powers) {
    const [name, sub] = names.itemNames(power);
    const department = names.departments.get(power.department);
    const fees = power.fees === undefined ? '' : power.fees.length ? '是' : '否';
    out.rows.push([
      power.code, name, sub,
      /^[0-9A-Z]{18}[1-5]\d{12}$/.test(power.code) ? power.code.slice(19) : '',
      power.parent ?? '',
      labelOf('category', power.category),
      names.department(power.department),
      department?.credit_code ?? '',
      (power.co_departments ?? []).map(names.department).join('、'),
      names.department(power.delegated_by),
      power.level ? labelOf('level', power.level) : '',
      power.status ? labelOf('status', power.status) : '',
      power.status_since ?? '',
      power.status_note ?? '',
      names.citations(power.basis),
      formatDuration(power.time_limit.statutory, power.time_limit.unit),
      formatDuration(power.time_limit.promised, power.time_limit.unit),
      power.time_limit.note ?? '',
      joinLines((power.special_procedures ?? []).map((p) => `${p.name}：${formatDuration(p.duration, p.unit)}（${p.counted ? '计入' : '不计入'}办结时限）`)),
      joinLines(power.conditions),
      (power.applicants ?? []).map((a) => labelOf('applicants', a)).join('、'),
      joinLines((power.materials ?? []).map((m) => m.name)),
      power.visits ?? '',
      power.visit_reason ?? '',
      power.online ? power.online.depth.map((s) => labelOf('online', s)).join('、') || '无' : '',
      power.online?.url ?? '',
      fees,
      joinLines((power.fees ?? []).map((f) => `${f.name}：${f.standard}`)),
      power.location ?? '',
      power.hours ?? '',
      power.contact?.consult ?? '',
      power.contact?.complaint ?? '',
      power.remedies?.review ?? '',
      power.remedies?.litigation ?? '',
      power.flow ?? '',
      power.justification ?? '',
      power.reviewed ?? '',
      ...extensionCells(power, extensions),
    ]);
  }
  return out;
}

/** A detail table: one row per material (fee, procedure, risk point) of each power, keyed by the power's code. */
function detailTable<T extends object>(kind: TableKind, powers: Power[], names: Names, list: (power: Power) => T[] | undefined, cells: (item: T) => Cell[]): Table {
  const items = powers.flatMap((power) => list(power) ?? []);
  const extensions = extensionKeys(items);
  const out = table(kind, extensions);
  for (const power of powers) {
    const entries = list(power) ?? [];
    if (!entries.length) continue;
    const start = out.rows.length;
    for (const item of entries) out.rows.push([...names.itemKey(power.code), ...cells(item), ...extensionCells(item, extensions)]);
    out.groups.push([start, out.rows.length - 1]);
  }
  return out;
}

function responsibilitiesTable(entries: PowerResponsibility[], names: Names): Table {
  const extensions = extensionKeys(entries);
  const out = table('responsibilities', extensions);
  for (const entry of entries) {
    const power = names.powers.get(entry.power);
    const start = out.rows.length;
    const accountability = entry.accountability;
    const shared = [
      joinLines(accountability?.cases),
      names.citations(accountability?.basis),
      joinLines(accountability?.subjects),
    ];
    const duties = entry.duties.length ? entry.duties : [undefined];
    for (const duty of duties) {
      out.rows.push([
        ...names.itemKey(entry.power),
        names.department(power?.department),
        duty ? labelOf('stage', duty.stage) : '',
        duty?.text ?? '',
        names.citations(duty?.basis),
        ...shared,
        ...extensionCells(entry, extensions),
      ]);
    }
    out.groups.push([start, out.rows.length - 1]);
  }
  return out;
}

function departmentDutiesTable(entries: DepartmentResponsibility[], names: Names): Table {
  const extensions = extensionKeys(entries);
  const out = table('department-duties', extensions);
  for (const entry of entries) {
    const start = out.rows.length;
    const boundaries = entry.boundaries?.length ? entry.boundaries : [undefined];
    for (const boundary of boundaries) {
      out.rows.push([
        names.department(entry.department),
        entry.duty,
        joinLines(entry.tasks),
        boundary ? names.department(boundary.with) : '',
        boundary?.division ?? '',
        names.citations(boundary?.basis),
        ...extensionCells(entry, extensions),
      ]);
    }
    out.groups.push([start, out.rows.length - 1]);
  }
  return out;
}

function departmentsTable(departments: Department[], names: Names): Table {
  const extensions = extensionKeys(departments);
  const out = table('departments', extensions);
  for (const d of departments) {
    out.rows.push([d.id, d.name, d.credit_code ?? '', names.department(d.parent), labelOf('level', d.level), d.address ?? '', d.hours ?? '', d.phone ?? '', d.url ?? '', ...extensionCells(d, extensions)]);
  }
  return out;
}

function lawsTable(laws: Law[]): Table {
  const extensions = extensionKeys(laws);
  const out = table('laws', extensions);
  for (const law of laws) {
    out.rows.push([law.id, law.title, labelOf('lawKind', law.kind), law.issuer ?? '', law.effective ?? '', law.articles === undefined ? '' : law.articles.length ? joinLines(law.articles) : '无', law.url ?? '', ...extensionCells(law, extensions)]);
  }
  return out;
}

function flowsTable(flows: Flow[], names: Names): Table {
  const extensions = extensionKeys(flows.flatMap((f) => f.steps));
  const out = table('flows', extensions);
  for (const flow of flows) {
    const start = out.rows.length;
    // One code reads back as `power`, several (one a line) as `powers`.
    const powers = flow.power ?? joinLines(flow.powers);
    for (const step of flow.steps) {
      const next = step.next === undefined ? '' : Array.isArray(step.next) ? step.next.join('\n') : step.next;
      out.rows.push([
        flow.id, flow.name, powers,
        step.id, step.name, labelOf('stepType', step.type),
        names.department(step.department), step.role ?? '',
        step.duration === undefined ? '' : formatDuration(step.duration, step.unit),
        yesNo(step.counted),
        next,
        joinLines((step.branches ?? []).map((b) => (b.when === undefined ? b.to : `${b.to}：${b.when}`))),
        joinLines(step.outputs),
        ...extensionCells(step, extensions),
      ]);
    }
    out.groups.push([start, out.rows.length - 1]);
  }
  return out;
}

/** Every table of the catalogue, in the order sheets appear in a workbook; tables without rows are left out. */
export function catalogueTables(catalogue: Catalogue): Table[] {
  const names = new Names(catalogue);
  const powers = catalogue.sections.powers.map((e) => e.value);
  const responsibilities = catalogue.sections.responsibilities.map((e) => e.value);
  const perPower = responsibilities.filter((r): r is PowerResponsibility => 'power' in r);
  const perDepartment = responsibilities.filter((r): r is DepartmentResponsibility => !('power' in r));
  const tables = [
    powersTable(powers, names),
    detailTable('materials', powers, names, (p) => p.materials, (m) => [
      m.name, labelOf('required', String(m.required)), m.condition ?? '', labelOf('source', m.source), labelOf('medium', m.medium),
      m.originals ?? '', m.copies ?? '', m.blank_form ?? '', m.sample ?? '', names.citations(m.basis), m.note ?? '',
    ]),
    detailTable('fees', powers, names, (p) => p.fees, (f) => [f.name, f.standard, names.citations(f.basis), yesNo(f.waivable), names.citations(f.waiver_basis)]),
    detailTable('special-procedures', powers, names, (p) => p.special_procedures, (s) => [s.name, formatDuration(s.duration, s.unit), yesNo(s.counted), names.citations(s.basis)]),
    detailTable('risk-points', powers, names, (p) => p.risk_points, (r) => [r.step, r.description, labelOf('riskLevel', r.level), joinLines(r.controls), r.owner]),
    responsibilitiesTable(perPower, names),
    departmentDutiesTable(perDepartment, names),
    departmentsTable(catalogue.sections.departments.map((e) => e.value), names),
    lawsTable(catalogue.sections.laws.map((e) => e.value)),
    flowsTable(catalogue.sections.flows.map((e) => e.value), names),
  ];
  return tables.filter((t) => t.rows.length > 0 || t.spec.kind === 'powers');
}

export function tableOf(catalogue: Catalogue, kind: TableKind): Table {
  const found = catalogueTables(catalogue).find((t) => t.spec.kind === kind);
  return found ?? table(kind);
}
