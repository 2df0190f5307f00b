// From a validated catalogue to what each page shows: plain data with labels resolved and links made safe.
// Templates only place these values; they never look up slugs or decide what is a link.
import { createHash } from 'node:crypto';
import type { Catalogue } from '../catalogue/model.js';
import type { Locale } from '../findings.js';
import { label } from '../i18n/labels.js';
import type { Citation, Department, Flow, Law, Material, Power, TimeUnit } from '../schema/definitions.js';
import { CATEGORIES } from '../schema/values.js';
import { isFullOnline } from '../catalogue/yardsticks.js';
import { formatDuration } from '../flow/labels.js';
import { describeFlow, flowDepartmentIds, flowInputFrom, type FlowModel } from '../flow/model.js';
import { linkify, safeUrl, textOrLink, type Segment } from './links.js';
import { siteWord } from './words.js';

export const APPLICANTS = ['natural-person', 'legal-person'] as const;
export type Applicant = (typeof APPLICANTS)[number];

/** Site-relative paths of every page kind; templates prefix them with the way back to the root. */
export const paths = {
  home: 'index.html',
  search: 'search.html',
  stats: 'stats.html',
  data: 'data.html',
  departments: 'departments/index.html',
  department: (id: string) => `departments/${id}.html`,
  responsibilities: (id: string) => `departments/${id}-responsibilities.html`,
  category: (slug: string) => `categories/${slug}.html`,
  applicant: (slug: string) => `applicants/${slug}.html`,
  item: (code: string) => `items/${fileSafe(code)}.html`,
};

/** Longest file name made from a code: file systems allow 255 bytes, and `.html` and a temporary suffix need some. */
const MAX_NAME = 200;

/**
 * Item codes are free text in the format: anything but letters, digits, - and _ is spelled out so no code escapes
 * items/. A code too long for a file name that way (about 40 Chinese characters) is cut, with a hash of the whole
 * code after the cut so that two such codes never share a page.
 */
export function fileSafe(text: string): string {
  const safe = /^[A-Za-z0-9_-]+$/.test(text) ? text : [...text].map((char) => (/[A-Za-z0-9_-]/.test(char) ? char : `~${char.codePointAt(0)!.toString(16)}`)).join('');
  return safe.length <= MAX_NAME ? safe : `${safe.slice(0, MAX_NAME - 17)}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

export interface NamedLink {
  name: string;
  href: string;
}

export interface DepartmentInfo extends NamedLink {
  id: string;
  address?: string;
  hours?: string;
  phone: Segment[];
  url?: string;
  responsibilitiesHref: string;
}

export interface MaterialRow {
  index: number;
  name: string;
  required: string;
  /** For a material required in some cases: the case, in the catalogue's words (templates mark its language). */
  condition?: string;
  requiredKind: 'true' | 'false' | 'conditional';
  originals: string;
  copies: string;
  medium: string;
  source: string;
  blankForm: Segment[];
  sample: Segment[];
  note: Segment[];
  basis: CitationView[];
}

export interface StepView {
  number: number;
  name: string;
  kind: 'start' | 'task' | 'decision';
  department: string;
  role?: string;
  time?: string;
  counted: boolean;
  outputs: string[];
  /** Where the step leads, with the condition for decisions; "办结" targets say so. */
  next: Array<{ when?: string; target: string; ends: boolean; back: boolean }>;
}

export interface CitationView {
  title: string;
  href?: string;
  kind?: string;
  article?: string;
  text?: string;
}

export interface FeeView {
  name: string;
  standard: string;
  basis: CitationView[];
  waivable: boolean;
  waiverBasis: CitationView[];
}

export interface GuideModel {
  code: string;
  name: string;
  href: string;
  category: NamedLink & { slug: string };
  department: DepartmentInfo;
  coDepartments: NamedLink[];
  delegatedBy?: NamedLink;
  level?: string;
  applicants: Array<NamedLink & { slug: Applicant }>;
  parent?: NamedLink & { code: string };
  subItems: Array<NamedLink & { code: string }>;
  conditions: string[];
  materials: MaterialRow[];
  steps: StepView[];
  /** The flow drawn on the page; the SVG itself is added by the builder (it is the costly part). */
  flow?: { id: string; name: string };
  time: { promised: string; statutory: string; saving?: number; note?: string; promisedValue: number; statutoryValue: number; unit: TimeUnit };
  specialProcedures: Array<{ name: string; duration: string; counted: boolean; basis: CitationView[] }>;
  fees: FeeView[];
  visits: { count: number; zero: boolean; atMostOnce: boolean; reason?: string };
  online: { fullOnline: boolean; steps: string[]; url?: string };
  location?: string;
  hours?: string;
  contact: { consult: Segment[]; complaint: Segment[] };
  basis: CitationView[];
  remedies: { review?: Segment[]; litigation?: Segment[] };
  reviewed?: string;
  /** What the search index reads beside the name: conditions, materials, fees. */
  searchText: string;
}

/** Guides are published for items in force; suspended, delegated and cancelled items appear only in the power list. */
export function hasGuide(power: Power): boolean {
  return (power.status ?? 'active') === 'active';
}

/**
 * One thing a model read from the catalogue: what was asked for and what came back. A resident build (`serve`) keeps
 * a guide's reads with its model; when every read gives back the same objects in the next catalogue, the model, its
 * key and its page stand. Unchanged files keep their parsed objects there, so "the same" is identity.
 */
export type CatalogueRead = readonly [kind: ReadKind, key: string, value: unknown];
type ReadKind = 'department' | 'law' | 'power' | 'flow' | 'children' | 'departments';

const NO_POWERS: readonly Power[] = [];

export class SiteModelBuilder {
  private readonly departments: Map<string, Department>;
  private readonly departmentList: readonly Department[];
  private readonly children = new Map<string, Power[]>();
  private readonly namedDepartments = new Map<string, Department[]>();
  /** The reads of the models being made (a guide's include its flow's): every lookup below goes through `note`. */
  private readonly recorders: CatalogueRead[][] = [];

  constructor(
    readonly catalogue: Catalogue,
    readonly locale: Locale,
  ) {
    this.departments = new Map([...catalogue.departmentById].map(([id, entry]) => [id, entry.value]));
    this.departmentList = catalogue.sections.departments.map((entry) => entry.value);
    for (const { value } of catalogue.sections.powers) {
      if (value.parent === undefined) continue;
      const list = this.children.get(value.parent) ?? [];
      list.push(value);
      this.children.set(value.parent, list);
    }
  }

  private lookup(kind: ReadKind, key: string): unknown {
    switch (kind) {
      case 'department':
        return this.departments.get(key);
      case 'law':
        return this.catalogue.lawById.get(key)?.value;
      case 'power':
        return this.catalogue.powerByCode.get(key)?.value;
      case 'flow':
        return this.catalogue.flowById.get(key)?.value;
      case 'children':
        return this.children.get(key) ?? NO_POWERS;
      case 'departments': {
        // The departments named by the flow's steps, in catalogue order (lanes are ordered by it). Flows of one
        // department name the same few: each list is made once per build.
        let list = this.namedDepartments.get(key);
        if (!list) {
          const ids = new Set(key.split('\n'));
          list = this.departmentList.filter((department) => ids.has(department.id));
          this.namedDepartments.set(key, list);
        }
        return list;
      }
    }
  }

  private note<T>(kind: ReadKind, key: string): T {
    const value = this.lookup(kind, key) as T;
    for (const reads of this.recorders) reads.push([kind, key, value]);
    return value;
  }

  /**
   * linkify, once per text in a build: the same contact lines and remedies recur on most items (every item of the
   * benchmark has the same three), and each match is checked with the URL parser. The segments are shared by the
   * models that show them, which only read them.
   */
  private readonly links = new Map<string, Segment[]>();

  private linked(text: string | undefined): Segment[] {
    if (!text) return [];
    let segments = this.links.get(text);
    if (!segments) {
      segments = linkify(text);
      this.links.set(text, segments);
    }
    return segments;
  }

  /** Runs `make` and returns what it read from the catalogue with what it made. */
  recording<T>(make: () => T): { value: T; reads: CatalogueRead[] } {
    const reads: CatalogueRead[] = [];
    this.recorders.push(reads);
    try {
      return { value: make(), reads };
    } finally {
      this.recorders.pop();
    }
  }

  /** Adds reads made earlier (a flow model built for another guide) to the models being made now. */
  replay(reads: readonly CatalogueRead[]): void {
    for (const recorder of this.recorders) recorder.push(...reads);
  }

  /** True when each read gives back the same thing in this catalogue (lists compared item by item). */
  unchanged(reads: readonly CatalogueRead[]): boolean {
    for (const [kind, key, value] of reads) {
      const now = this.lookup(kind, key);
      if (now === value) continue;
      if (!Array.isArray(now) || !Array.isArray(value) || now.length !== value.length || now.some((item, i) => item !== value[i])) return false;
    }
    return true;
  }

  word(id: Parameters<typeof siteWord>[1], data?: Record<string, string | number>): string {
    return siteWord(this.locale, id, data);
  }

  departmentName(id: string): string {
    return this.note<Department | undefined>('department', id)?.name ?? id;
  }

  departmentLink(id: string): NamedLink {
    return { name: this.departmentName(id), href: paths.department(id) };
  }

  /**
   * A material's row. `condition` (a material required in some cases) is added after the others, not spread in from
   * a literal made for each: the spread was ten times slower in a microbenchmark (25,000 rows on 4,000 items).
   */
  private materialRow(material: Material, index: number): MaterialRow {
    const conditional = material.required === 'conditional';
    const row: MaterialRow = {
      index: index + 1,
      name: material.name,
      requiredKind: String(material.required) as MaterialRow['requiredKind'],
      required: conditional ? this.word('required-conditional', { condition: material.condition ?? '' }) : this.word(material.required ? 'required-true' : 'required-false'),
      originals: material.originals === undefined ? '—' : String(material.originals),
      copies: material.copies === undefined ? '—' : String(material.copies),
      medium: this.word(`medium-${material.medium}`),
      source: this.word(`source-${material.source}`),
      blankForm: textOrLink(material.blank_form),
      sample: textOrLink(material.sample),
      note: this.linked(material.note),
      basis: (material.basis ?? []).map((c) => this.citation(c)),
    };
    if (conditional) row.condition = material.condition ?? '';
    return row;
  }

  /** Each department's info, made once a build: the 40 items of a department show the same (read, never changed). */
  private readonly departmentInfos = new Map<string, { department: Department | undefined; info: DepartmentInfo }>();

  departmentInfo(id: string): DepartmentInfo {
    const department = this.note<Department | undefined>('department', id);
    const kept = this.departmentInfos.get(id);
    if (kept && kept.department === department) return kept.info;
    const info: DepartmentInfo = { id, ...this.departmentLink(id), phone: this.linked(department?.phone), responsibilitiesHref: paths.responsibilities(id) };
    if (department?.address) info.address = department.address;
    if (department?.hours) info.hours = department.hours;
    const url = safeUrl(department?.url);
    if (url) info.url = url;
    this.departmentInfos.set(id, { department, info });
    return info;
  }

  citation(citation: Citation): CitationView {
    const law = this.note<Law | undefined>('law', citation.law);
    const view: CitationView = { title: law?.title ?? citation.law };
    const href = safeUrl(law?.url);
    if (href) view.href = href;
    if (law) view.kind = label(this.locale, 'lawKind', law.kind);
    if (citation.article) view.article = citation.article;
    if (citation.text) view.text = citation.text;
    return view;
  }

  /** The flow an item's guide shows: its own, else its main item's (sub-items share the main item's procedure). */
  flowOf(power: Power): Flow | undefined {
    let current: Power | undefined = power;
    const seen = new Set<string>();
    while (current && !seen.has(current.code)) {
      seen.add(current.code);
      if (current.flow) return this.note<Flow | undefined>('flow', current.flow);
      current = current.parent !== undefined ? this.note<Power | undefined>('power', current.parent) : undefined;
    }
    return undefined;
  }

  /** The flow's drawing and step list: its lanes name departments, its items' time limits bound the steps. */
  flowModel(flow: Flow): FlowModel {
    // Only the departments its steps name: an edit of another department leaves the flow as it was.
    const departments = this.note<Department[]>('departments', flowDepartmentIds(flow).join('\n'));
    return describeFlow(flowInputFrom(flow, this.locale, (code) => this.note<Power | undefined>('power', code), departments));
  }

  guide(power: Power, flowModel: FlowModel | undefined): GuideModel {
    const locale = this.locale;
    const unit = power.time_limit.unit;
    const { promised, statutory } = power.time_limit;
    const visits = power.visits ?? 0;
    const depth = power.online?.depth ?? [];
    const parent = power.parent !== undefined ? this.note<Power | undefined>('power', power.parent) : undefined;
    const applicants = power.applicants ?? [];
    const guide: GuideModel = {
      code: power.code,
      name: power.name,
      href: paths.item(power.code),
      category: { slug: power.category, name: label(locale, 'category', power.category), href: paths.category(power.category) },
      department: this.departmentInfo(power.department),
      coDepartments: (power.co_departments ?? []).map((id) => this.departmentLink(id)),
      applicants: applicants.map((slug) => ({ slug, name: this.word(`applicant-${slug}-short`), href: paths.applicant(slug) })),
      subItems: this.note<readonly Power[]>('children', power.code).filter(hasGuide).map((child) => ({ code: child.code, name: child.name, href: paths.item(child.code) })),
      conditions: power.conditions ?? [],
      materials: (power.materials ?? []).map((material, index) => this.materialRow(material, index)),
      steps: flowModel ? stepsOf(flowModel) : [],
      time: {
        promised: formatDuration(locale, promised, unit),
        statutory: formatDuration(locale, statutory, unit),
        promisedValue: promised,
        statutoryValue: statutory,
        unit,
      },
      specialProcedures: (power.special_procedures ?? []).map((procedure) => ({
        name: procedure.name,
        duration: formatDuration(locale, procedure.duration, procedure.unit),
        counted: procedure.counted,
        basis: (procedure.basis ?? []).map((c) => this.citation(c)),
      })),
      fees: (power.fees ?? []).map((fee) => ({
        name: fee.name,
        standard: fee.standard,
        basis: (fee.basis ?? []).map((c) => this.citation(c)),
        waivable: fee.waivable === true,
        waiverBasis: (fee.waiver_basis ?? []).map((c) => this.citation(c)),
      })),
      visits: { count: visits, zero: visits === 0, atMostOnce: visits <= 1 },
      online: { fullOnline: isFullOnline(depth) && visits === 0, steps: depth.map((step) => label(locale, 'online', step)) },
      contact: { consult: this.linked(power.contact?.consult), complaint: this.linked(power.contact?.complaint) },
      basis: power.basis.map((c) => this.citation(c)),
      remedies: {},
      searchText: searchTextOf(power),
    };
    if (statutory > 0 && promised < statutory) guide.time.saving = Math.round(((statutory - promised) / statutory) * 100);
    if (power.time_limit.note) guide.time.note = power.time_limit.note;
    if (power.level) guide.level = label(locale, 'level', power.level);
    if (power.delegated_by) guide.delegatedBy = this.departmentLink(power.delegated_by);
    if (parent) guide.parent = { code: parent.code, name: parent.name, href: hasGuide(parent) ? paths.item(parent.code) : paths.department(parent.department) };
    if (power.visit_reason) guide.visits.reason = power.visit_reason;
    const onlineUrl = safeUrl(power.online?.url);
    if (onlineUrl) guide.online.url = onlineUrl;
    if (power.location) guide.location = power.location;
    if (power.hours) guide.hours = power.hours;
    if (power.remedies?.review) guide.remedies.review = this.linked(power.remedies.review);
    if (power.remedies?.litigation) guide.remedies.litigation = this.linked(power.remedies.litigation);
    if (power.reviewed) guide.reviewed = power.reviewed;
    const flow = flowModel && this.flowOf(power);
    if (flow) guide.flow = { id: flow.id, name: flow.name };
    return guide;
  }

  /** Active items in catalogue order. */
  guidePowers(): Power[] {
    return this.catalogue.sections.powers.map((entry) => entry.value).filter(hasGuide);
  }

  categories(guides: readonly GuideModel[]): Array<NamedLink & { slug: string; count: number }> {
    const counts = new Map<string, number>();
    for (const guide of guides) counts.set(guide.category.slug, (counts.get(guide.category.slug) ?? 0) + 1);
    return CATEGORIES.map((slug) => ({ slug, name: label(this.locale, 'category', slug), href: paths.category(slug), count: counts.get(slug) ?? 0 })).filter((c) => c.count > 0);
  }

  /** Items that name no applicant are listed under both: a citizen looking either way must find them. */
  applicantGroups(powers: readonly Power[]): Array<NamedLink & { slug: Applicant; count: number; title: string }> {
    return APPLICANTS.map((slug) => ({
      slug,
      name: this.word(`applicant-${slug}-short`),
      title: this.word(`applicant-${slug}`),
      href: paths.applicant(slug),
      count: powers.filter((p) => appliesTo(p, slug)).length,
    }));
  }
}

/**
 * What search finds a guide by besides its name: its conditions, materials, fees and code, a line each. Indexed loops,
 * not spreads: spreading arrays of different kinds (js-yaml's, a structured clone's, an empty literal) sent the
 * optimised `guide` back to the interpreter at every item (1,581 deoptimisations in a 4,000-item build).
 */
function searchTextOf(power: Power): string {
  const lines: string[] = [];
  const conditions = power.conditions ?? [];
  for (let i = 0; i < conditions.length; i++) lines.push(conditions[i]!);
  const materials = power.materials ?? [];
  for (let i = 0; i < materials.length; i++) lines.push(materials[i]!.name);
  const fees = power.fees ?? [];
  for (let i = 0; i < fees.length; i++) lines.push(fees[i]!.name);
  lines.push(power.code);
  return lines.join('\n');
}

export function appliesTo(power: Power, applicant: Applicant): boolean {
  return !power.applicants?.length || power.applicants.includes(applicant);
}

/** The step-by-step list: the flow's steps in the order written, end steps shown as where a step leads. */
export function stepsOf(model: FlowModel): StepView[] {
  const steps: StepView[] = [];
  let number = 0;
  for (const node of model.nodes) {
    if (node.kind === 'end') continue;
    const view: StepView = {
      number: ++number,
      name: node.name,
      kind: node.kind,
      department: model.lanes[node.lane]?.name ?? '',
      counted: node.counted,
      outputs: node.outputs,
      next: model.links
        .filter((link) => link.from === node.index)
        .map((link) => {
          const target = model.nodes[link.to]!;
          const next: StepView['next'][number] = { target: target.name, ends: target.kind === 'end', back: link.back };
          if (link.label) next.when = link.label;
          return next;
        }),
    };
    if (node.role) view.role = node.role;
    if (node.duration !== undefined) view.time = node.duration;
    steps.push(view);
  }
  return steps;
}
