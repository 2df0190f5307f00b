// Rows → catalogue entries, table by table: departments and laws first (so names resolve), then powers, their detail
// tables, responsibilities and flows. Nothing is dropped: a value that cannot be mapped stays in an `x-` field and is
// reported with its row and column; an entry that cannot be made valid is kept for the editor to complete.
import { createHash } from 'node:crypto';
import type { Category, Citation, Department, Law, Level, Power, TimeUnit } from '../schema/definitions.js';
import { LEVEL_DIGITS, type Profile } from '../profiles/index.js';
import type { TableKind } from '../tables/columns.js';
import { codeText, halfWidth, parseCitations, parseDate, parseDuration, parseYesNo, slugOf, splitLines, splitNames, type LabelTable } from '../tables/values.js';
import type { Mapping } from './mapping.js';
import type { Directory } from './resolve.js';
import { extensionKey, extensions, groupRows, joined, single, type Cell, type Group, type Issues, type Row } from './rows.js';

type Draft = Record<string, unknown>;

export interface PowerDraft {
  data: Draft;
  /** First row of the power, for reports. */
  row: number;
  file: string;
  /** 子项: the main item's name, when the parent is to be found by name. */
  parentName?: string;
  summary: { materials?: Draft[]; materialsCell?: Cell; fees?: Draft[]; procedures?: Draft[]; charged?: boolean };
  details: { materials: Draft[]; fees: Draft[]; procedures: Draft[]; risks: Draft[] };
  issues: Issues;
  codeGiven: boolean;
}

/** Where an entry other than a power came from: its first row, and the issues of its sheet. */
export interface Origin {
  row: number;
  issues: Issues;
}

export interface BuiltCatalogue {
  powers: PowerDraft[];
  responsibilities: Array<{ data: Draft; department: string | undefined; origin?: Origin }>;
  flows: Array<{ data: Draft; origin?: Origin }>;
  departments: Department[];
  laws: Law[];
}

/** Reads cells into values, keeping what it cannot read in `x-` fields of the entry and reporting it. */
class Reader {
  constructor(
    readonly directory: Directory,
    readonly mapping: Mapping,
    readonly issues: Issues,
  ) {}

  keep(entry: Draft, cell: Cell, messageId: string, data: Record<string, string | number> = {}, level: 'fix' | 'note' = 'fix'): void {
    const key = extensionKey(cell.column);
    const existing = entry[key];
    entry[key] = typeof existing === 'string' && existing !== cell.text ? `${existing}\n${cell.text}` : cell.text;
    this.issues.add(level, messageId, { value: cell.text, key, ...data }, cell);
  }

  slug(entry: Draft, table: LabelTable, cell: Cell | undefined, level: 'fix' | 'note' = 'fix'): string | undefined {
    if (!cell) return undefined;
    const extra = (this.mapping.values as Record<string, Record<string, string>>)[table] ?? {};
    const slug = slugOf(table, cell.text, extra);
    if (slug === undefined) this.keep(entry, cell, 'value-unread', { table }, level);
    return slug;
  }

  citations(entry: Draft, cell: Cell | undefined): Citation[] | undefined {
    if (!cell) return undefined;
    const parsed = parseCitations(cell.text);
    const out: Citation[] = [];
    for (const cited of parsed.citations) {
      const law = this.directory.law(cited.title, cited.article);
      out.push({ law: law.id, ...(cited.article ? { article: cited.article } : {}), ...(cited.text ? { text: cited.text } : {}) });
    }
    if (parsed.unread.length) this.keep(entry, { ...cell, text: parsed.unread.join('\n') }, 'basis-unread');
    return out.length ? out : undefined;
  }

  duration(entry: Draft, cell: Cell | undefined): { value: number; unit?: TimeUnit } | undefined {
    if (!cell) return undefined;
    const parsed = parseDuration(cell.text);
    if (!parsed) {
      this.keep(entry, cell, 'time-unread');
      return undefined;
    }
    return parsed.unit ? parsed : { value: parsed.value, ...(cell.column.unit ? { unit: cell.column.unit } : {}) };
  }

  integer(entry: Draft, cell: Cell | undefined, messageId = 'number-unread'): number | undefined {
    if (!cell) return undefined;
    const text = halfWidth(cell.text).replace(/\s+/g, '');
    if (/^(零|零次|0次|零跑动|不跑|无需到现场|不需要)$/.test(text)) return 0;
    if (/^最多跑?一次$/.test(text)) return 1;
    const match = /^(\d+)(次|份)?$/.exec(text);
    if (!match) {
      this.keep(entry, cell, messageId);
      return undefined;
    }
    return Number(match[1]);
  }

  boolean(entry: Draft, cell: Cell | undefined): boolean | undefined {
    if (!cell) return undefined;
    const value = parseYesNo(cell.text);
    if (value === undefined) this.keep(entry, cell, 'value-unread', { table: 'boolean' });
    return value;
  }

  /** A date cell as the catalogue writes dates (2024-05-01); what is not a date is kept and reported. */
  date(entry: Draft, cell: Cell | undefined): string | undefined {
    if (!cell?.text) return undefined;
    const read = parseDate(cell.text);
    if (!read) this.keep(entry, cell, 'date-unread');
    else if (read.serial) this.issues.add('note', 'date-serial', { value: cell.text, date: read.date }, cell);
    return read?.date;
  }

  /** The department of a power's row, created when new (its level from the row when the row says). */
  departmentId(cell: Cell | undefined, creditCode?: string, level?: Level): string | undefined {
    if (!cell && !creditCode) return undefined;
    return this.directory.department(cell?.text ?? '', creditCode, level).id;
  }

  /** A department named elsewhere (联办机构, 承办部门, 相关部门): the one known by that name, else a new one. */
  knownDepartmentId(text: string): string {
    return this.directory.findDepartment(text)?.id ?? this.directory.department(text, undefined, undefined).id;
  }
}

function set(entry: Draft, key: string, value: unknown): void {
  if (value === undefined || value === '') return;
  entry[key] = value;
}

function text(cell: Cell | undefined): string | undefined {
  return cell?.text || undefined;
}

function lines(cell: Cell | undefined): string[] | undefined {
  if (!cell) return undefined;
  const list = splitLines(cell.text);
  return list.length ? list : undefined;
}

const ITEM_KEY = ['code', 'name', 'sub_item'];

/** What a sub-item's row may leave to its main item's row (实施主体 and its code are taken apart, from the row above). */
const INHERITED = ['category', 'level', 'basis'];
/** "Same as above", written where a merged cell would have been. */
const SAME_AS_ABOVE = /^(同上|同上栏|同主项|同前)$/;

interface ResponsibilityDraft {
  data: Draft;
  department: string | undefined;
  row: number;
  issues: Issues;
  /** From a 2015-era powers table: the power of the same row. */
  power?: PowerDraft;
  /** Without a code: the item's name (and sub-item), to be looked up once every power is known. */
  byName?: { name: string; sub?: string };
}

export class Builder {
  readonly powers: PowerDraft[] = [];
  readonly responsibilities: ResponsibilityDraft[] = [];
  /** Powers already in the catalogue imported into: responsibilities and flows may name them. */
  private readonly existing: Power[] = [];
  readonly departmentDuties: Array<{ data: Draft; origin: Origin }> = [];
  readonly flows: Array<{ data: Draft; origin: Origin }> = [];

  constructor(
    readonly directory: Directory,
    readonly mapping: Mapping,
    readonly profile: Profile,
  ) {}

  // ── departments and laws ───────────────────────────────────────────────────────────────────────────────────────

  departments(rows: Row[], issues: Issues): void {
    const reader = new Reader(this.directory, this.mapping, issues);
    const parents: Array<[Department, Cell]> = [];
    for (const row of rows) {
      const group = { rows: [row] };
      const entry: Draft = { ...extensions(group) };
      const name = text(single(group, 'name', issues, entry));
      const level = reader.slug(entry, 'level', single(group, 'level', issues, entry)) as Level | undefined;
      const id = text(single(group, 'id', issues, entry));
      if (!name && !id) continue;
      if (!level) issues.add('fix', 'missing-value', { column: '层级', field: 'level' }, { row: row.number });
      Object.assign(entry, {
        id: id ?? undefined,
        name: name ?? id,
        level,
      });
      set(entry, 'credit_code', text(single(group, 'credit_code', issues, entry)));
      for (const field of ['address', 'hours', 'phone', 'url']) set(entry, field, text(single(group, field, issues, entry)));
      const existing = id ? this.directory.departments.get(id) : this.directory.findDepartment(name ?? '');
      if (existing) continue;
      if (!id) {
        const created = this.directory.department(name!, entry.credit_code as string | undefined, level);
        Object.assign(created, entry, { id: created.id });
        const parent = single(group, 'parent', issues, entry);
        if (parent) parents.push([created, parent]);
        continue;
      }
      this.directory.reserve(id);
      const department = entry as unknown as Department;
      this.directory.addDepartment(department);
      this.directory.newDepartments.push({ department, levelGuessed: false });
      const parent = single(group, 'parent', issues, entry);
      if (parent) parents.push([department, parent]);
    }
    for (const [department, cell] of parents) department.parent = reader.knownDepartmentId(cell.text);
  }

  laws(rows: Row[], issues: Issues): void {
    const reader = new Reader(this.directory, this.mapping, issues);
    for (const row of rows) {
      const group = { rows: [row] };
      const entry: Draft = { ...extensions(group) };
      const title = text(single(group, 'title', issues, entry));
      const id = text(single(group, 'id', issues, entry));
      if (!title && !id) continue;
      if (title && this.directory.findLaw(title)) continue;
      const kindCell = single(group, 'kind', issues, entry);
      const kind = reader.slug(entry, 'lawKind', kindCell);
      const articlesCell = single(group, 'articles', issues, entry);
      Object.assign(entry, { id, title: title ?? id, kind });
      set(entry, 'issuer', text(single(group, 'issuer', issues, entry)));
      set(entry, 'effective', reader.date(entry, single(group, 'effective', issues, entry)));
      if (articlesCell) entry.articles = articlesCell.text.trim() === '无' ? [] : splitLines(articlesCell.text);
      set(entry, 'url', text(single(group, 'url', issues, entry)));
      const law = entry as unknown as Law;
      if (!id) {
        const created = this.directory.law(law.title, undefined);
        Object.assign(created, entry, { id: created.id });
        continue;
      }
      this.directory.reserve(id);
      this.directory.addLaw(law);
      this.directory.newLaws.push(law);
      // Articles given in the table are the law's list: citations do not add to it.
      if (!entry.articles) law.articles = undefined;
    }
  }

  // ── powers ───────────────────────────────────────────────────────────────────────────────────────────────────

  powersTable(rows: Row[], issues: Issues, file: string, sheetCategory?: Category): void {
    // A CSV saved from merged cells leaves the main item's name empty in its sub-items' rows: it is the name above.
    // So it does with 实施主体: a sub-item without its own is done by its main item's body (the row above of the same
    // name), not by nobody — which made a second main item without a department out of it.
    // Category, level and basis left empty in a sub-item's row (a merged cell saved as CSV, or left blank, or 同上, for
    // "same as above") are its main item's: taken from the main item's own row, with a note. A merged cell of a
    // workbook has already given every row its value (read.ts), so nothing is taken twice.
    let name: Cell | undefined;
    let body: { name: string; department?: Cell; creditCode?: Cell } | undefined;
    let main: { name: string; row: number; cells: Map<string, Cell> } | undefined;
    for (const row of rows) {
      const own = row.fields.get('name');
      if (own) name = own;
      else if (name && row.fields.has('sub_item')) row.fields.set('name', name);
      const department = row.fields.get('department');
      const creditCode = row.fields.get('credit_code');
      const rowName = row.fields.get('name')?.text;
      const sub = row.fields.get('sub_item');
      if (department || creditCode) body = rowName === undefined ? undefined : { name: rowName, ...(department ? { department } : {}), ...(creditCode ? { creditCode } : {}) };
      else if (sub && body && body.name === rowName) {
        if (body.department) row.fields.set('department', body.department);
        if (body.creditCode) row.fields.set('credit_code', body.creditCode);
      }
      if (rowName !== undefined && (!sub || sub.text === rowName)) {
        main = { name: rowName, row: row.number, cells: new Map(INHERITED.flatMap((field) => (row.fields.has(field) && !SAME_AS_ABOVE.test(row.fields.get(field)!.text) ? [[field, row.fields.get(field)!] as const] : []))) };
      } else if (sub && main && main.name === rowName) {
        const taken: Cell[] = [];
        for (const field of INHERITED) {
          const cell = row.fields.get(field);
          const inherited = main.cells.get(field);
          if (!inherited || (cell && !SAME_AS_ABOVE.test(cell.text))) continue;
          row.fields.set(field, inherited);
          taken.push(inherited);
        }
        if (taken.length) {
          const fields = taken.map((cell) => (cell.column.target.type === 'field' ? cell.column.target.field : cell.column.header));
          issues.add('note', 'sub-item-inherited', { columns: taken.map((cell) => cell.column.header).join('、'), fields: fields.join(', '), row: main.row }, { row: row.number });
        }
      } else if (rowName !== undefined && rowName !== main?.name) main = undefined;
    }
    for (const group of groupRows(rows, ['code', 'name', 'sub_item', 'department'])) {
      const draft = this.power(group, issues, file, sheetCategory);
      this.powers.push(draft);
      const duties = joined(group, 'duties');
      const cases = joined(group, 'accountability.cases');
      if (duties || cases || joined(group, 'accountability.basis')) {
        const data: Draft = {};
        const reader = new Reader(this.directory, this.mapping, issues);
        data.duties = this.dutiesFromText(data, duties, joined(group, 'duties.basis'), reader, issues);
        const accountability = this.accountability(data, group, reader);
        if (accountability) data.accountability = accountability;
        this.responsibilities.push({ data, department: draft.data.department as string | undefined, row: group.rows[0]!.number, issues, power: draft });
      }
    }
  }

  private power(group: Group, issues: Issues, file: string, sheetCategory?: Category): PowerDraft {
    const reader = new Reader(this.directory, this.mapping, issues);
    const data: Draft = { ...extensions(group) };
    const first = group.rows[0]!;
    const draft: PowerDraft = { data, row: first.number, file, summary: {}, details: { materials: [], fees: [], procedures: [], risks: [] }, issues, codeGiven: false };

    const codeCell = single(group, 'code', issues, data);
    const nameCell = single(group, 'name', issues, data);
    const subCell = single(group, 'sub_item', issues, data);
    if (codeCell) {
      data.code = codeText(codeCell.text);
      draft.codeGiven = true;
    }
    if (subCell) {
      data.name = subCell.text;
      if (nameCell && nameCell.text !== subCell.text) draft.parentName = nameCell.text;
    } else if (nameCell) data.name = nameCell.text;
    else issues.add('fix', 'missing-value', { column: '事项名称', field: 'name' }, { row: first.number });

    // Category: the cell (label, slug or national two-digit code), else the sheet's name, else the code's digits.
    const categoryCell = single(group, 'category', issues, data);
    let category: string | undefined;
    if (categoryCell) {
      const digits = halfWidth(categoryCell.text).trim();
      const byCode = Object.entries(this.profile.categoryCodes).find(([, code]) => code === digits.padStart(2, '0'));
      category = /^\d{1,2}$/.test(digits) && byCode ? byCode[0] : reader.slug(data, 'category', categoryCell);
    }
    category ??= sheetCategory ?? this.mapping.defaults.category;
    if (!category && typeof data.code === 'string' && /^.{19}\d{12}$/.test(data.code)) {
      const digits = data.code.slice(19, 21);
      category = Object.entries(this.profile.categoryCodes).find(([, code]) => code === digits)?.[0];
      if (category) issues.add('note', 'category-from-code', { code: data.code, category }, { row: first.number });
    }
    if (category) data.category = category;
    else if (!categoryCell) issues.add('fix', 'missing-value', { column: '事项类型', field: 'category' }, { row: first.number });

    const levelCell = single(group, 'level', issues, data);
    const level = reader.slug(data, 'level', levelCell, 'note') as Level | undefined;
    if (level) data.level = level;
    const creditCode = codeText(text(single(group, 'credit_code', issues, data)));
    const departmentCell = single(group, 'department', issues, data);
    if (departmentCell || creditCode) data.department = reader.departmentId(departmentCell, creditCode, level ?? (this.mapping.defaults.level as Level | undefined));
    else if (this.mapping.defaults.department) data.department = this.mapping.defaults.department;
    else issues.add('fix', 'missing-value', { column: '实施主体', field: 'department' }, { row: first.number });

    const basic = codeText(text(single(group, 'basic_code', issues, data)));
    if (basic) data['x-basic-code'] = basic;
    set(data, 'parent', codeText(text(single(group, 'parent', issues, data))));
    const co = joined(group, 'co_departments');
    if (co) data.co_departments = splitNames(co.text).map((name) => reader.knownDepartmentId(name));
    const delegated = single(group, 'delegated_by', issues, data);
    if (delegated) data.delegated_by = reader.knownDepartmentId(delegated.text);
    set(data, 'status', reader.slug(data, 'status', single(group, 'status', issues, data)));
    set(data, 'status_since', reader.date(data, single(group, 'status_since', issues, data)));
    set(data, 'status_note', text(single(group, 'status_note', issues, data)));

    const basisCell = joined(group, 'basis');
    const basis = reader.citations(data, basisCell);
    if (basis) data.basis = basis;
    else if (!basisCell) issues.add('fix', 'missing-value', { column: '设定依据', field: 'basis' }, { row: first.number });

    this.timeLimit(data, group, reader, issues);

    const procedures = joined(group, 'special_procedures');
    if (procedures) draft.summary.procedures = this.proceduresFromText(data, procedures, reader);
    set(data, 'conditions', lines(joined(group, 'conditions')));
    const applicants = joined(group, 'applicants');
    if (applicants) {
      const slugs = splitNames(applicants.text).map((name) => reader.slug(data, 'applicants', { ...applicants, text: name })).filter((s): s is string => s !== undefined);
      if (slugs.length) data.applicants = [...new Set(slugs)];
    }
    const materials = joined(group, 'materials');
    if (materials) {
      draft.summary.materials = splitLines(materials.text).map((name) => ({ name, required: true, source: 'applicant', medium: 'paper' }));
      draft.summary.materialsCell = materials;
    }
    set(data, 'visits', reader.integer(data, single(group, 'visits', issues, data)));
    set(data, 'visit_reason', text(single(group, 'visit_reason', issues, data)));
    const depth = single(group, 'online.depth', issues, data);
    const url = text(single(group, 'online.url', issues, data));
    if (depth || url) {
      const steps = !depth || /^(无|否|不支持)$/.test(depth.text.trim()) ? [] : splitNames(depth.text).map((s) => reader.slug(data, 'online', { ...depth, text: s })).filter((s): s is string => s !== undefined);
      data.online = { depth: [...new Set(steps)], ...(url ? { url } : {}) };
    }
    const charged = single(group, 'fees.charged', issues, data);
    if (charged) {
      const value = reader.boolean(data, charged);
      if (value !== undefined) draft.summary.charged = value;
    }
    const fees = joined(group, 'fees');
    if (fees) draft.summary.fees = splitLines(fees.text).map((line) => {
      const split = /^([^：:]+)[：:](.+)$/.exec(line);
      return split ? { name: split[1]!.trim(), standard: split[2]!.trim() } : { name: line, standard: line };
    });
    for (const field of ['location', 'hours', 'flow', 'justification']) set(data, field, text(single(group, field, issues, data)));
    set(data, 'reviewed', reader.date(data, single(group, 'reviewed', issues, data)));
    const contact: Draft = {};
    set(contact, 'consult', text(single(group, 'contact.consult', issues, data)));
    set(contact, 'complaint', text(single(group, 'contact.complaint', issues, data)));
    if (Object.keys(contact).length) data.contact = contact;
    const remedies: Draft = {};
    set(remedies, 'review', text(single(group, 'remedies.review', issues, data)));
    set(remedies, 'litigation', text(single(group, 'remedies.litigation', issues, data)));
    if (Object.keys(remedies).length) data.remedies = remedies;
    return draft;
  }

  private timeLimit(data: Draft, group: Group, reader: Reader, issues: Issues): void {
    const statutoryCell = single(group, 'time_limit.statutory', issues, data);
    const promisedCell = single(group, 'time_limit.promised', issues, data);
    const statutory = reader.duration(data, statutoryCell);
    const promised = reader.duration(data, promisedCell);
    const noteCell = single(group, 'time_limit.note', issues, data);
    const limit: Draft = {};
    if (statutory) limit.statutory = statutory.value;
    if (promised) limit.promised = promised.value;
    let unit = promised?.unit ?? statutory?.unit;
    if (statutory?.unit && promised?.unit && statutory.unit !== promised.unit) {
      issues.add('fix', 'time-units-differ', { statutory: statutoryCell!.text, promised: promisedCell!.text }, statutoryCell);
    }
    if (!unit && (statutory || promised)) {
      unit = this.mapping.defaults.unit ?? 'working-days';
      issues.add('note', 'time-unit-assumed', { unit }, (statutoryCell ?? promisedCell)!);
    }
    if (!statutoryCell && !promisedCell) {
      issues.add('fix', 'missing-value', { column: '法定办结时限', field: 'time_limit' }, { row: group.rows[0]!.number });
      return;
    }
    if (!statutory && statutoryCell === undefined) issues.add('fix', 'missing-value', { column: '法定办结时限', field: 'time_limit.statutory' }, { row: group.rows[0]!.number });
    if (!promised && promisedCell === undefined) issues.add('fix', 'missing-value', { column: '承诺办结时限', field: 'time_limit.promised' }, { row: group.rows[0]!.number });
    limit.unit = unit ?? this.mapping.defaults.unit ?? 'working-days';
    set(limit, 'note', text(noteCell));
    data.time_limit = limit;
  }

  private proceduresFromText(data: Draft, cell: Cell, reader: Reader): Draft[] {
    const out: Draft[] = [];
    for (const line of splitLines(cell.text)) {
      const match = /^(.+?)[：:]\s*([^（(]+?)\s*(?:[（(](不?)计入办结时限[）)])?$/.exec(line);
      const duration = match ? parseDuration(match[2]!) : undefined;
      if (!match || !duration) {
        reader.keep(data, { ...cell, text: line }, 'procedure-unread');
        continue;
      }
      out.push({ name: match[1]!.trim(), duration: duration.value, unit: duration.unit ?? cell.column.unit ?? 'working-days', counted: match[3] !== '不' });
    }
    return out;
  }

  // ── detail tables: one row per material (fee, procedure, risk point) of a power ───────────────────────────────────

  private findPower(code: string | undefined, name: string | undefined, sub: string | undefined): PowerDraft | undefined {
    if (code) return this.powers.find((p) => p.data.code === code);
    const wanted = sub ?? name;
    return this.powers.find((p) => p.data.name === wanted && (!sub || !name || p.parentName === name || p.data.name === sub));
  }

  /** The power a detail row belongs to; an unknown one is created (kept for the editor) and reported. */
  private owner(group: Group, issues: Issues, file: string): PowerDraft {
    // The key fields: every row of a group has the same ones (groupRows), so there is nothing to keep aside.
    const code = codeText(text(single(group, 'code', issues, {})));
    const name = text(single(group, 'name', issues, {}));
    const sub = text(single(group, 'sub_item', issues, {}));
    const found = this.findPower(code, name, sub);
    if (found) return found;
    const first = group.rows[0]!;
    issues.add('fix', 'power-unknown', { code: code ?? '', name: sub ?? name ?? '' }, { row: first.number });
    const data: Draft = {};
    if (code) data.code = code;
    if (sub ?? name) data.name = sub ?? name;
    const draft: PowerDraft = { data, row: first.number, file, summary: {}, details: { materials: [], fees: [], procedures: [], risks: [] }, issues, codeGiven: code !== undefined };
    this.powers.push(draft);
    return draft;
  }

  detailTable(kind: TableKind, rows: Row[], issues: Issues, file: string): void {
    const reader = new Reader(this.directory, this.mapping, issues);
    for (const group of groupRows(rows, ITEM_KEY)) {
      const owner = this.owner(group, issues, file);
      for (const row of group.rows) {
        const one = { rows: [row] };
        const entry: Draft = { ...extensions(one) };
        const cell = (field: string) => row.fields.get(field);
        if (kind === 'materials') {
          const name = text(cell('material.name'));
          if (!name) continue;
          const requiredCell = cell('material.required');
          const required = requiredCell ? reader.slug(entry, 'required', requiredCell) : 'true';
          Object.assign(entry, {
            name,
            required: required === 'conditional' ? 'conditional' : required === undefined ? undefined : required === 'true',
            source: cell('material.source') ? reader.slug(entry, 'source', cell('material.source')) : 'applicant',
            medium: cell('material.medium') ? reader.slug(entry, 'medium', cell('material.medium')) : 'paper',
          });
          set(entry, 'condition', text(cell('material.condition')));
          set(entry, 'originals', reader.integer(entry, cell('material.originals')));
          set(entry, 'copies', reader.integer(entry, cell('material.copies')));
          for (const field of ['blank_form', 'sample', 'note']) set(entry, field, text(cell(`material.${field}`)));
          set(entry, 'basis', reader.citations(entry, cell('material.basis')));
          owner.details.materials.push(entry);
        } else if (kind === 'fees') {
          const name = text(cell('fee.name'));
          if (!name) continue;
          Object.assign(entry, { name, standard: text(cell('fee.standard')) });
          set(entry, 'basis', reader.citations(entry, cell('fee.basis')));
          set(entry, 'waivable', reader.boolean(entry, cell('fee.waivable')));
          set(entry, 'waiver_basis', reader.citations(entry, cell('fee.waiver_basis')));
          owner.details.fees.push(entry);
        } else if (kind === 'special-procedures') {
          const name = text(cell('procedure.name'));
          if (!name) continue;
          const duration = reader.duration(entry, cell('procedure.duration'));
          Object.assign(entry, { name, duration: duration?.value, unit: duration?.unit ?? 'working-days', counted: reader.boolean(entry, cell('procedure.counted')) ?? false });
          set(entry, 'basis', reader.citations(entry, cell('procedure.basis')));
          owner.details.procedures.push(entry);
        } else if (kind === 'risk-points') {
          const step = text(cell('risk.step'));
          if (!step) continue;
          Object.assign(entry, { step, description: text(cell('risk.description')), level: reader.slug(entry, 'riskLevel', cell('risk.level')), controls: lines(cell('risk.controls')), owner: text(cell('risk.owner')) });
          owner.details.risks.push(entry);
        }
      }
    }
  }

  // ── responsibilities ────────────────────────────────────────────────────────────────────────────────────────

  private dutiesFromText(entry: Draft, dutiesCell: Cell | undefined, basisCell: Cell | undefined, reader: Reader, issues: Issues, stageCell?: Cell): Draft[] {
    if (!dutiesCell) return [];
    const basis = reader.citations(entry, basisCell);
    if (stageCell) {
      const stage = this.stage(entry, stageCell.text, stageCell, issues);
      return [{ stage: stage.slug, text: stage.prefix ? `${stage.prefix}${dutiesCell.text}` : dutiesCell.text, ...(basis ? { basis } : {}) }];
    }
    // 1.受理责任：… 2.审查责任：… — one duty per stage heading; a line without one continues the duty above.
    const duties: Draft[] = [];
    for (const line of splitLines(dutiesCell.text)) {
      const heading = /^([^：:，,。]{1,10}?)(?:阶段)?责任[：:]\s*(.*)$/.exec(line);
      if (heading) {
        const stage = this.stage(entry, heading[1]!, dutiesCell, issues);
        duties.push({ stage: stage.slug, text: stage.prefix ? `${stage.prefix}${heading[2]}` : heading[2]! });
      } else if (duties.length) duties.at(-1)!.text = `${duties.at(-1)!.text}\n${line}`;
      else duties.push({ stage: 'other', text: line });
    }
    // Basis for the whole cell: it cannot be told which duty each citation is for, so the first duty carries it.
    if (basis && duties.length) {
      duties[0]!.basis = basis;
      if (duties.length > 1) issues.add('note', 'duty-basis-first', { count: basis.length }, basisCell);
    }
    return duties;
  }

  private stage(entry: Draft, label: string, cell: Cell, issues: Issues): { slug: string; prefix?: string } {
    const extra = this.mapping.values.stage ?? {};
    const slug = slugOf('stage', label, extra);
    if (!slug) {
      issues.add('fix', 'stage-unread', { value: label }, cell);
      return { slug: 'other', prefix: `${label}：` };
    }
    // 立案, 调查, 告知, 执行 are mapped to the nearest stage; the word is kept at the head of the duty.
    const exact = ['受理', '审查', '决定', '送达', '事后监管', '其他', 'accept', 'review', 'decide', 'deliver', 'supervise', 'other'];
    const word = label.replace(/\s+/g, '').replace(/^(\d+[.、．]|[（(]\d+[)）])/, '').replace(/(阶段)?(责任|环节)$/, '');
    if (!exact.includes(word) && !(label in extra)) {
      issues.add('note', 'stage-approximate', { value: word, stage: slug }, cell);
      return { slug, prefix: `${word}：` };
    }
    return { slug };
  }

  private accountability(entry: Draft, group: Group, reader: Reader): Draft | undefined {
    const cases = lines(joined(group, 'accountability.cases'));
    const basis = reader.citations(entry, joined(group, 'accountability.basis'));
    const subjectsCell = joined(group, 'accountability.subjects');
    const subjects = subjectsCell ? splitLines(subjectsCell.text) : undefined;
    if (!cases && !basis && !subjects) return undefined;
    const out: Draft = {};
    if (cases) out.cases = cases;
    if (basis) out.basis = basis;
    if (subjects?.length) out.subjects = subjects.length === 1 ? splitNames(subjects[0]!) : subjects;
    return out;
  }

  responsibilitiesTable(rows: Row[], issues: Issues): void {
    const reader = new Reader(this.directory, this.mapping, issues);
    for (const group of groupRows(rows, ITEM_KEY)) {
      const data: Draft = { ...extensions(group) };
      const duties: Draft[] = [];
      for (const row of group.rows) duties.push(...this.dutiesFromText(data, row.fields.get('duties'), row.fields.get('duties.basis'), reader, issues, row.fields.get('duty.stage')));
      data.duties = duties;
      if (!duties.length) issues.add('fix', 'missing-value', { column: '责任事项', field: 'duties' }, { row: group.rows[0]!.number });
      const accountability = this.accountability(data, group, reader);
      if (accountability) data.accountability = accountability;
      const code = codeText(text(single(group, 'code', issues, data)));
      const name = text(single(group, 'name', issues, data));
      const sub = text(single(group, 'sub_item', issues, data));
      const department = single(group, 'department', issues, data);
      const departmentId = department ? this.directory.findDepartment(department.text)?.id : undefined;
      if (code) data.power = code;
      this.responsibilities.push({ data, department: departmentId, row: group.rows[0]!.number, issues, ...(code ? {} : { byName: { name: sub ?? name ?? '', ...(sub && name ? { sub } : {}) } }) });
    }
  }

  departmentDutiesTable(rows: Row[], issues: Issues): void {
    const reader = new Reader(this.directory, this.mapping, issues);
    for (const group of groupRows(rows, ['department', 'duty'])) {
      const data: Draft = { ...extensions(group) };
      const department = single(group, 'department', issues, data);
      if (department) data.department = reader.knownDepartmentId(department.text);
      set(data, 'duty', text(single(group, 'duty', issues, data)));
      set(data, 'tasks', lines(single(group, 'tasks', issues, data)));
      const boundaries: Draft[] = [];
      for (const row of group.rows) {
        const withCell = row.fields.get('boundary.with');
        const division = text(row.fields.get('boundary.division'));
        if (!withCell && !division) continue;
        const boundary: Draft = {};
        if (withCell) boundary.with = reader.knownDepartmentId(withCell.text);
        set(boundary, 'division', division);
        set(boundary, 'basis', reader.citations(boundary, row.fields.get('boundary.basis')));
        boundaries.push(boundary);
      }
      if (boundaries.length) data.boundaries = boundaries;
      this.departmentDuties.push({ data, origin: { row: group.rows[0]!.number, issues } });
    }
  }

  // ── flows ─────────────────────────────────────────────────────────────────────────────────────────────────

  flowsTable(rows: Row[], issues: Issues): void {
    const reader = new Reader(this.directory, this.mapping, issues);
    for (const group of groupRows(rows, ['flow.id'])) {
      const flow: Draft = {};
      set(flow, 'id', text(single(group, 'flow.id', issues, flow)));
      set(flow, 'name', text(single(group, 'flow.name', issues, flow)));
      const powers = splitLines(single(group, 'flow.powers', issues, flow)?.text ?? '');
      if (powers.length === 1) flow.power = powers[0];
      else if (powers.length > 1) flow.powers = powers;
      const steps: Draft[] = [];
      for (const row of group.rows) {
        const cell = (field: string) => row.fields.get(field);
        const step: Draft = { ...extensions({ rows: [row] }) };
        set(step, 'id', text(cell('step.id')));
        set(step, 'name', text(cell('step.name')));
        set(step, 'type', reader.slug(step, 'stepType', cell('step.type')));
        const department = cell('step.department');
        if (department) step.department = reader.knownDepartmentId(department.text);
        set(step, 'role', text(cell('step.role')));
        const duration = reader.duration(step, cell('step.duration'));
        if (duration) {
          step.duration = duration.value;
          if (duration.unit) step.unit = duration.unit;
        }
        set(step, 'counted', reader.boolean(step, cell('step.counted')));
        const next = splitLines(cell('step.next')?.text ?? '');
        if (next.length === 1) step.next = next[0];
        else if (next.length > 1) step.next = next;
        const branches = splitLines(cell('step.branches')?.text ?? '').map((line) => {
          const split = /^([^：:]+)[：:](.*)$/.exec(line);
          return split ? { to: split[1]!.trim(), when: split[2]!.trim() } : { to: line };
        });
        if (branches.length) step.branches = branches;
        set(step, 'outputs', lines(cell('step.outputs')));
        steps.push(step);
      }
      flow.steps = steps;
      this.flows.push({ data: flow, origin: { row: group.rows[0]!.number, issues } });
    }
  }

  knownPower(power: Power): void {
    this.existing.push(power);
  }

  /** The department whose file a flow goes in: its (first) power's, else its first step's. */
  flowDepartment(flow: Draft): string | undefined {
    const code = typeof flow.power === 'string' ? flow.power : Array.isArray(flow.powers) ? (flow.powers[0] as string) : undefined;
    const power = this.powers.find((p) => p.data.code === code)?.data ?? this.existing.find((p) => p.code === code);
    if (typeof power?.department === 'string') return power.department;
    const step = (flow.steps as Draft[] | undefined)?.find((s) => typeof s.department === 'string');
    return step?.department as string | undefined;
  }

  // ── finishing: codes, sub-items, details, links ──────────────────────────────────────────────────────────────

  finish(): BuiltCatalogue {
    const codes = new Set(this.powers.map((p) => p.data.code).filter((c): c is string => typeof c === 'string'));
    for (const draft of this.powers) if (draft.data.code === undefined) this.assignCode(draft, codes);
    this.linkSubItems(codes);
    for (const draft of this.powers) this.applyDetails(draft);
    const responsibilities = this.responsibilities.map((entry) => ({ ...this.responsibility(entry), origin: { row: entry.row, issues: entry.issues } }));
    // Cells merged over a main item and its sub-items give each sub-item the same duties: the main item's entry covers them.
    const byCode = new Map(responsibilities.map((r) => [r.data.power, r]));
    const covered = responsibilities.filter((r) => {
      const power = this.powers.find((p) => p.data.code === r.data.power);
      const parent = typeof power?.data.parent === 'string' ? byCode.get(power.data.parent) : undefined;
      if (!parent || parent === r) return false;
      const { power: _own, ...mine } = r.data;
      const { power: _theirs, ...theirs } = parent.data;
      return JSON.stringify(mine) === JSON.stringify(theirs);
    });
    responsibilities.splice(0, responsibilities.length, ...responsibilities.filter((r) => !covered.includes(r)));
    for (const duty of this.departmentDuties) responsibilities.push({ data: duty.data, department: duty.data.department as string | undefined, origin: duty.origin });
    return {
      powers: this.powers,
      responsibilities,
      flows: this.flows,
      departments: this.directory.newDepartments.map((n) => n.department),
      laws: this.directory.newLaws,
    };
  }

  /** A responsibility entry with its item's code, and the department whose file it goes in. */
  private responsibility(entry: ResponsibilityDraft): { data: Draft; department: string | undefined } {
    if (entry.power) {
      entry.data.power = entry.power.data.code;
      return { data: reorder(entry.data, 'power'), department: entry.power.data.department as string | undefined };
    }
    if (entry.byName) {
      const found = this.findPower(undefined, entry.byName.name, entry.byName.sub)?.data ?? this.existing.find((p) => p.name === (entry.byName!.sub ?? entry.byName!.name));
      if (found) entry.data.power = found.code;
      else {
        entry.data.power = entry.byName.name;
        entry.issues.add('fix', 'responsibility-power-unknown', { name: entry.byName.name }, { row: entry.row });
      }
      return { data: reorder(entry.data, 'power'), department: (found?.department as string | undefined) ?? entry.department };
    }
    const owner = this.powers.find((p) => p.data.code === entry.data.power)?.data ?? this.existing.find((p) => p.code === entry.data.power);
    return { data: reorder(entry.data, 'power'), department: (owner?.department as string | undefined) ?? entry.department };
  }

  /**
   * A national implementation code is the body's credit code, the level digit and the 12-digit basic code: composed
   * when all three are known. Otherwise a placeholder that fails code/format on purpose, so it cannot pass unnoticed.
   */
  private assignCode(draft: PowerDraft, codes: Set<string>): void {
    const data = draft.data;
    const department = typeof data.department === 'string' ? this.directory.departments.get(data.department) : undefined;
    const basic = typeof data['x-basic-code'] === 'string' ? data['x-basic-code'] : undefined;
    const level = (data.level as Level | undefined) ?? department?.level;
    if (basic && /^\d{12}$/.test(basic) && department?.credit_code && level && this.profile.implementationCode) {
      const code = `${department.credit_code}${LEVEL_DIGITS[level]}${basic}`;
      data.code = code;
      delete data['x-basic-code'];
      draft.issues.add('note', 'code-composed', { code }, { row: draft.row });
    } else {
      const seed = `${String(data.department ?? '')}|${draft.parentName ?? ''}|${String(data.name ?? '')}`;
      let code = `TODO-${createHash('sha1').update(seed).digest('hex').slice(0, 8)}`;
      for (let n = 2; codes.has(code); n++) code = `${code.replace(/-\d+$/, '')}-${n}`;
      data.code = code;
      draft.issues.add('fix', 'code-missing', { code }, { row: draft.row });
    }
    codes.add(data.code as string);
  }

  /** A 子项 names its main item: found by name in the same department, or created from the sub-item's row. */
  private linkSubItems(codes: Set<string>): void {
    const created = new Map<string, PowerDraft>();
    for (const draft of [...this.powers]) {
      if (!draft.parentName || draft.data.parent !== undefined) continue;
      const department = draft.data.department;
      const main =
        this.powers.find((p) => p !== draft && p.data.name === draft.parentName && p.data.department === department && !p.parentName) ??
        created.get(`${String(department)}|${draft.parentName}`);
      if (main) {
        draft.data.parent = main.data.code;
        continue;
      }
      const data: Draft = {};
      for (const key of ['category', 'department', 'level', 'basis', 'time_limit']) if (draft.data[key] !== undefined) data[key] = structuredClone(draft.data[key]);
      data.name = draft.parentName;
      const parent: PowerDraft = { data, row: draft.row, file: draft.file, summary: {}, details: { materials: [], fees: [], procedures: [], risks: [] }, issues: draft.issues, codeGiven: false };
      this.assignCode(parent, codes);
      draft.issues.add('fix', 'main-item-created', { name: draft.parentName, code: String(data.code) }, { row: draft.row });
      this.powers.splice(this.powers.indexOf(draft), 0, parent);
      created.set(`${String(department)}|${draft.parentName}`, parent);
      draft.data.parent = data.code;
    }
  }

  private applyDetails(draft: PowerDraft): void {
    const { data, summary, details } = draft;
    if (details.materials.length) data.materials = details.materials;
    else if (summary.materials?.length) {
      data.materials = summary.materials;
      draft.issues.add('note', 'materials-defaulted', { count: summary.materials.length }, summary.materialsCell);
    }
    if (details.fees.length) data.fees = details.fees;
    else if (summary.fees?.length) data.fees = summary.fees;
    else if (summary.charged === false) data.fees = [];
    if (details.procedures.length) data.special_procedures = details.procedures;
    else if (summary.procedures?.length) data.special_procedures = summary.procedures;
    if (details.risks.length) data.risk_points = details.risks;
    if (typeof data['x-basic-code'] === 'string' && typeof data.code === 'string' && data.code.endsWith(data['x-basic-code'])) delete data['x-basic-code'];
    if (data['x-basic-code'] !== undefined) {
      data['x-基本编码'] = data['x-basic-code'];
      delete data['x-basic-code'];
    }
  }
}

/** The key that says which genre a responsibility entry is goes first. */
function reorder(data: Draft, first: string): Draft {
  const { [first]: value, ...rest } = data;
  return value === undefined ? data : { [first]: value, ...rest };
}

