// What the site consists of: every page and file with how to make it, and for guide pages a key that changes
// whenever anything shown on the page changes (so an unchanged page can be reused instead of rendered).
import { hash } from 'node:crypto';
import type { Catalogue } from '../catalogue/model.js';
import type { Locale } from '../findings.js';
import type { Power, Responsibility } from '../schema/definitions.js';
import { label } from '../i18n/labels.js';
import type { FlowModel } from '../flow/model.js';
import { formatDuration } from '../flow/labels.js';
import { linkify } from './links.js';
import { appliesTo, hasGuide, paths, SiteModelBuilder, type GuideModel, type NamedLink } from './model.js';
import { computeStats } from './stats.js';
import { buildSearchIndex, searchEntry, searchIndexScript } from './search.js';
import { catalogueJson, cpsvJsonLd, materialsCsv, powersCsv, responsibilitiesCsv, type EntryFile, type EntryFiles } from './opendata.js';
import type { PageTemplate, SiteTemplates } from './templates.js';
import { siteWord } from './words.js';
import { drawFlow, flowModelJson } from './drawing.js';
import type { FlowMemo, GuideMemo, SiteMemo } from './memo.js';
import { byteLength, type FileBytes } from './writes.js';
import type { ReadTree } from './template-reads.js';

export interface SiteFile {
  /** Posix path inside the site. */
  path: string;
  /** Present when the file may be reused from the previous build: same key, same bytes. */
  key?: string;
  /** Guide pages are counted for the progress bar. */
  guide?: boolean;
  /** The flowchart a guide page draws when it is rendered. */
  flow?: FlowModel;
  /** True while making the file would wait for another thread: it is made after the files that would not. */
  pending?: () => boolean;
  make(): FileBytes;
}

/** Another thread making part of a site (drawing.ts): the flowcharts, the open data and search index. */
export interface SiteHelper {
  /** The guides' flowcharts (once per flow, in the order pages come), for it to start drawing. */
  drawFlows(models: FlowModel[]): void;
  entryFiles(): EntryFiles | undefined;
  requestSearchIndex(entries: string): void;
  searchIndex(): string | undefined;
  searchPending(): boolean;
}

export interface SitePlan {
  files: SiteFile[];
  guides: number;
}

/**
 * A reuse key: tells whether what a page shows changed since the last build, so it needs no resistance to attack.
 * SHA-1 in one call costs half of a SHA-256 object fed part by part: 4,000 guide pages hash 22 million characters.
 */
function sha(...parts: string[]): string {
  return hash('sha1', parts.join('\0')).slice(0, 32);
}

function groupInto<T>(groups: Map<string, T[]>, key: string, value: T): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** "" at the root, "../" one folder down. */
function rootPrefix(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').length - 1);
}

/** Guide pages: each item's model, its reuse key, and its rendering with the flowchart (the costly part). */
export class GuidePages {
  readonly builder: SiteModelBuilder;
  readonly site: SiteChrome;
  readonly chromeKey: string;
  private readonly flowModels = new Map<string, FlowMemo>();
  private readonly svgs = new Map<string, string>();
  /** Pages still to render per flow: a drawing is kept only until its last page has it (4,000 drawings are 60 MB). */
  private readonly svgUsers = new Map<string, number>();

  constructor(
    readonly catalogue: Catalogue,
    readonly locale: Locale,
    readonly templates: SiteTemplates,
    /** How a flowchart is drawn (the builder shares the work with a worker thread). */
    private readonly draw: (model: FlowModel) => string = drawFlow,
    /** A resident build's memory of the last build: unchanged guides are not made again. */
    private readonly memo?: SiteMemo,
  ) {
    this.builder = new SiteModelBuilder(catalogue, locale);
    const word = (id: Parameters<typeof siteWord>[1]) => siteWord(locale, id);
    this.site = {
      name: catalogue.config.name,
      region: catalogue.config.region ?? '',
      lang: locale,
      hotline: linkify(word('no-consult')),
      complaintHotline: linkify(word('no-complaint')),
    };
    this.chromeKey = sha(templates.hash, JSON.stringify(this.site));
    memo?.begin(`${locale}\0${this.chromeKey}`);
    for (const power of this.builder.guidePowers()) {
      const flow = this.builder.flowOf(power);
      if (flow) this.svgUsers.set(flow.id, (this.svgUsers.get(flow.id) ?? 0) + 1);
    }
  }

  /** One description per flow, shared by every item that shows it; what it read counts as read by each of them. */
  flowModelOf(power: Power): FlowModel | undefined {
    const flow = this.builder.flowOf(power);
    if (!flow) return undefined;
    let made = this.flowModels.get(flow.id);
    if (!made) {
      const previous = this.memo?.flows.get(flow.id);
      if (previous && previous.flow === flow && this.builder.unchanged(previous.reads)) made = previous;
      else {
        const { value: model, reads } = this.builder.recording(() => this.builder.flowModel(flow));
        made = { flow, reads, model };
        this.memo?.flows.set(flow.id, made);
      }
      this.flowModels.set(flow.id, made);
    }
    this.builder.replay(made.reads);
    return made.model;
  }

  /** The costly part of a guide: laid out and drawn only when the page is rendered. */
  private svgOf(model: FlowModel): string {
    const svg = this.svgs.get(model.id) ?? this.draw(model);
    const left = (this.svgUsers.get(model.id) ?? 1) - 1;
    this.svgUsers.set(model.id, left);
    if (left > 0) this.svgs.set(model.id, svg);
    else this.svgs.delete(model.id);
    return svg;
  }

  /** A guide's model, made now, with what it read and its key: the JSON of everything the page shows. */
  private made(power: Power): GuideMemo {
    const { value, reads } = this.builder.recording(() => {
      const flow = this.flowModelOf(power);
      return { flow, guide: this.builder.guide(power, flow) };
    });
    const { guide, flow } = value;
    const breadcrumbs: Array<{ name: string; href?: string }> = [
      { name: siteWord(this.locale, 'nav-home'), href: paths.home },
      { name: guide.department.name, href: guide.department.href },
      { name: guide.name },
    ];
    const context = { title: guide.name, description: `${guide.category.name} · ${guide.department.name}`, nav: 'guide', breadcrumbs, guide, contact: guide.contact };
    // The JSON of [context, flow], the flow's made once for this and the drawing worker. Left out: what follows from
    // the rest — the steps (from the flow's model), the search text (from conditions, materials and fees, which are
    // in), the context's `contact` (the guide's own) — a third less to stringify and hash on every page.
    const { steps: _steps, searchText: _searchText, ...shown } = guide;
    const hashed = { ...context, guide: shown, contact: undefined };
    return { power, reads, guide, flow, context, key: sha(this.chromeKey, guide.href, `[${JSON.stringify(hashed)},${flow ? flowModelJson(flow) : 'null'}]`) };
  }

  /** The guide's model, its reuse key and how to render it. */
  page(power: Power): { guide: GuideModel; path: string; key: string; flow: FlowModel | undefined; render(): string } {
    const previous = this.memo?.guides.get(power.code);
    const made: GuideMemo = previous && previous.power === power && this.builder.unchanged(previous.reads) ? previous : this.made(power);
    if (made !== previous) this.memo?.guides.set(power.code, made);
    const { guide, flow: flowModel, context } = made;
    return {
      guide,
      flow: flowModel,
      path: guide.href,
      key: made.key,
      render: () =>
        this.templates.render('guide', {
          site: this.site,
          rootPrefix: rootPrefix(guide.href),
          ...context,
          flowSvg: flowModel ? this.svgOf(flowModel) : undefined,
        }),
    };
  }
}

export interface SiteChrome {
  name: string;
  region: string;
  lang: Locale;
  hotline: ReturnType<typeof linkify>;
  complaintHotline: ReturnType<typeof linkify>;
}

/**
 * Every file of the site. With a memo (a resident build), every file gets a key: the last build's when what it is
 * made from is equal, so the build leaves it alone.
 */
export function planSite(
  catalogue: Catalogue,
  locale: Locale,
  templates: SiteTemplates,
  draw: (model: FlowModel) => string = drawFlow,
  memo?: SiteMemo,
  /**
   * Called before anything is planned by a build that will render all of its `guides` pages: it starts another
   * thread, which draws the flowcharts while this one plans and renders. Without a memo it is given the catalogue's
   * JSON too, and makes the open data that needs only entries while this thread works out the flowcharts' models.
   */
  startHelper?: (guides: number, openData: { catalogue: string; locale: Locale } | undefined) => SiteHelper | undefined,
  /** catalogueJson(catalogue), when already made (for a helper started before the checks). */
  madeCatalogueText?: string,
): SitePlan {
  const guidePages = new GuidePages(catalogue, locale, templates, draw, memo);
  const { builder, site } = guidePages;
  const word = (id: Parameters<typeof siteWord>[1], data?: Record<string, string | number>) => siteWord(locale, id, data);

  const files: SiteFile[] = [];
  const keyed = (pagePath: string, inputs: unknown, reads?: ReadTree) => (memo ? { key: memo.pageKey(pagePath, inputs, reads) } : {});
  const page = (pagePath: string, template: PageTemplate, context: Record<string, unknown>) => {
    // A resident build compares what the template reads of the context (the pages listing every guide show a few
    // fields of each): an edit of a material leaves them as they were.
    files.push({ path: pagePath, ...keyed(pagePath, context, templates.readsOf(template)), make: () => templates.render(template, { site, rootPrefix: rootPrefix(pagePath), ...context }) });
  };
  /**
   * A page made from a few entries (a department's lists): with a memo, when those entries are the same objects and
   * what making it read from the catalogue (law titles, other departments' names) is unchanged, its context is not
   * made again.
   */
  const pageOf = (pagePath: string, template: PageTemplate, inputs: unknown[], makeContext: () => Record<string, unknown>) => {
    const previous = memo?.contextOf(pagePath);
    if (previous && previous.inputs.length === inputs.length && previous.inputs.every((input, i) => input === inputs[i]) && builder.unchanged(previous.reads)) {
      page(pagePath, template, previous.context);
      return;
    }
    const { value: context, reads } = builder.recording(makeContext);
    memo?.rememberContext(pagePath, { inputs, reads, context });
    page(pagePath, template, context);
  };

  const powers = builder.guidePowers();
  // A one-off build makes catalogue.json now: it is written anyway, and another thread can read the entries from it.
  const catalogueText = startHelper && !memo ? (madeCatalogueText ?? catalogueJson(catalogue)) : undefined;
  // The thread drawing the flowcharts, which a one-off build (no memo to keep per-entry pieces in) also gives the
  // open data and the search index to make.
  const drawing = startHelper?.(powers.length, catalogueText === undefined ? undefined : { catalogue: catalogueText, locale });
  const helper = catalogueText !== undefined ? drawing : undefined;
  if (drawing) {
    const flows = new Map<string, FlowModel>();
    for (const power of powers) {
      const flow = guidePages.flowModelOf(power);
      if (flow && !flows.has(flow.id)) flows.set(flow.id, flow);
    }
    drawing.drawFlows([...flows.values()]);
  }
  const guides: GuideModel[] = [];
  // Guide pages come last: while this thread makes the site-wide files, a drawing worker gets ahead with the
  // guides' flowcharts, and the pages then find them drawn (see drawing.ts).
  const guideFiles: SiteFile[] = [];
  for (const power of powers) {
    const guidePage = guidePages.page(power);
    guides.push(guidePage.guide);
    guideFiles.push({ path: guidePage.path, key: guidePage.key, guide: true, ...(guidePage.flow ? { flow: guidePage.flow } : {}), make: guidePage.render });
  }

  // The helper thread makes the search index while this one makes the site-wide pages.
  helper?.requestSearchIndex(JSON.stringify(guides.map(searchEntry)));

  const home = { name: word('nav-home'), href: paths.home };
  // Grouped once: per department, its items, the responsibility entries of its items, its own duty lists.
  const powersOf = new Map<string, Power[]>();
  const departmentsOf = new Map<string, Set<string>>();
  for (const { value } of catalogue.sections.powers) {
    groupInto(powersOf, value.department, value);
    const set = departmentsOf.get(value.code) ?? new Set<string>();
    departmentsOf.set(value.code, set.add(value.department));
  }
  const responsibilitiesOf = new Map<string, Array<Extract<Responsibility, { power: string }>>>();
  const dutiesOf = new Map<string, Array<Exclude<Responsibility, { power: string }>>>();
  for (const { value } of catalogue.sections.responsibilities) {
    if ('power' in value) for (const id of departmentsOf.get(value.power) ?? []) groupInto(responsibilitiesOf, id, value);
    else groupInto(dutiesOf, value.department, value);
  }
  const departmentRows = catalogue.sections.departments.map(({ value: department }) => {
    const own = powersOf.get(department.id) ?? [];
    return { ...builder.departmentInfo(department.id), powerCount: own.length, guideCount: own.filter(hasGuide).length, powers: own };
  });
  const categories = builder.categories(guides);
  const applicants = builder.applicantGroups(powers);

  page(paths.home, 'home', { title: word('home-title'), nav: 'home', applicants, categories, departments: departmentRows });

  const guidesOf = new Map<string, GuideModel[]>();
  for (const guide of guides) groupInto(guidesOf, guide.category.slug, guide);
  const groups = categories.map((category) => ({ ...category, guides: guidesOf.get(category.slug) ?? [] }));
  const searchWords = { resultsFor: word('search-results-for'), noResults: word('search-no-results') };
  page(paths.search, 'search', { title: word('search-title'), nav: 'search', search: true, groups, searchWords, breadcrumbs: [home, { name: word('nav-search') }] });

  for (const category of categories) {
    page(paths.category(category.slug), 'list', {
      title: category.name,
      heading: category.name,
      nav: 'home',
      guides: guidesOf.get(category.slug) ?? [],
      breadcrumbs: [home, { name: category.name }],
    });
  }
  for (const applicant of applicants) {
    page(paths.applicant(applicant.slug), 'list', {
      title: applicant.title,
      heading: applicant.title,
      nav: 'home',
      guides: guides.filter((_, i) => appliesTo(powers[i]!, applicant.slug)),
      breadcrumbs: [home, { name: applicant.title }],
    });
  }

  const departmentsCrumb = { name: word('nav-departments'), href: paths.departments };
  page(paths.departments, 'departments', { title: word('departments-title'), nav: 'departments', departments: departmentRows, breadcrumbs: [home, { name: word('nav-departments') }] });
  const statusMarked = (power: Power) => (power.status ?? 'active') !== 'active';
  for (const [n, department] of departmentRows.entries()) {
    const raw = catalogue.sections.departments[n]!.value;
    pageOf(paths.department(department.id), 'department-powers', [raw, ...department.powers], () => {
      const rows = department.powers.map((power) => ({
        code: power.code,
        name: power.name,
        href: hasGuide(power) ? paths.item(power.code) : undefined,
        parent: power.parent,
        category: label(locale, 'category', power.category),
        basis: power.basis.map((c) => builder.citation(c)),
        promised: formatDuration(locale, power.time_limit.promised, power.time_limit.unit),
        statutory: formatDuration(locale, power.time_limit.statutory, power.time_limit.unit),
        status: power.status ?? 'active',
        statusLabel: label(locale, 'status', power.status ?? 'active'),
        marked: statusMarked(power),
        since: power.status_since,
        note: power.status_note,
      }));
      return {
        title: word('power-list-of', { department: department.name }),
        nav: 'departments',
        department,
        rows,
        hasCancelled: department.powers.some((p) => p.status === 'cancelled'),
        hasDelegated: department.powers.some((p) => p.status === 'delegated'),
        breadcrumbs: [home, departmentsCrumb, { name: department.name }],
      };
    });

    const ownResponsibilities = responsibilitiesOf.get(department.id) ?? [];
    const ownDuties = dutiesOf.get(department.id) ?? [];
    // The department's row (its counts) is in the context too: its items are inputs as well.
    const responsibilityInputs = [raw, ...department.powers, ...ownResponsibilities, ...ownResponsibilities.map((value) => catalogue.powerByCode.get(value.power)?.value), ...ownDuties];
    pageOf(paths.responsibilities(department.id), 'department-responsibilities', responsibilityInputs, () => {
      const rows = ownResponsibilities.map((value) => {
        const power = catalogue.powerByCode.get(value.power)!.value;
        return {
          code: power.code,
          name: power.name,
          href: hasGuide(power) ? paths.item(power.code) : undefined,
          status: power.status ?? 'active',
          statusLabel: label(locale, 'status', power.status ?? 'active'),
          marked: statusMarked(power),
          duties: value.duties.map((duty) => ({ stage: label(locale, 'stage', duty.stage), text: duty.text })),
          cases: value.accountability?.cases ?? [],
          basis: (value.accountability?.basis ?? []).map((c) => builder.citation(c)),
          subjects: value.accountability?.subjects ?? [],
        };
      });
      const duties = ownDuties.map((value) => ({
        duty: value.duty,
        tasks: value.tasks,
        boundaries: (value.boundaries ?? []).map((b) => ({ other: builder.departmentLink(b.with) as NamedLink, division: b.division, basis: (b.basis ?? []).map((c) => builder.citation(c)) })),
      }));
      return {
        title: word('responsibility-list-of', { department: department.name }),
        nav: 'departments',
        department,
        rows,
        duties,
        breadcrumbs: [home, departmentsCrumb, { name: department.name, href: department.href }, { name: word('responsibility-list') }],
      };
    });
  }

  const stepsPerFlow = catalogue.sections.flows.map((entry) => entry.value.steps.filter((step) => step.type === 'task' || step.type === 'decision').length);
  const stats = computeStats(locale, powers, (id) => builder.departmentName(id), stepsPerFlow);
  page(paths.stats, 'stats', { title: word('stats-title'), nav: 'stats', stats, breadcrumbs: [home, { name: word('stats-title') }] });

  // The search index before the open data: a helper thread making the open data gets that much longer.
  files.push({
    path: 'search-index.js',
    ...keyed('search-index.js', guides),
    ...(helper ? { pending: () => helper.searchPending() } : {}),
    make: () => helper?.searchIndex() ?? searchIndexScript(buildSearchIndex(guides, memo)),
  });

  // Open data, made when written; the data page, written after them, gives their sizes. Only the sizes are kept:
  // the texts are 30 MB on 4,000 items.
  // What the helper thread made, asked for when the first of them is written (none: they are made here).
  let fromHelper: { files: EntryFiles | undefined } | undefined;
  const helped = (href: EntryFile, make: () => FileBytes) => () => {
    fromHelper ??= { files: helper?.entryFiles() };
    return fromHelper.files?.[href] ?? make();
  };
  const data: Array<{ name: string; href: string; make: () => FileBytes; bytes?: number }> = [
    { name: word('data-json'), href: 'data/catalogue.json', make: () => catalogueText ?? catalogueJson(catalogue, memo) },
    { name: word('data-csv-powers'), href: 'data/powers.csv', make: helped('data/powers.csv', () => powersCsv(catalogue, locale, memo)) },
    { name: word('data-csv-materials'), href: 'data/materials.csv', make: helped('data/materials.csv', () => materialsCsv(catalogue, memo)) },
    { name: word('data-csv-responsibilities'), href: 'data/responsibilities.csv', make: helped('data/responsibilities.csv', () => responsibilitiesCsv(catalogue, locale, memo)) },
    { name: word('data-jsonld'), href: 'data/services.jsonld', make: helped('data/services.jsonld', () => cpsvJsonLd(catalogue, locale, '', memo)) },
  ];
  const made = (file: (typeof data)[number]) => {
    const text = file.make();
    file.bytes = byteLength(text);
    memo?.sizes.set(file.href, file.bytes);
    return text;
  };
  // Open data shows every entry of every section (names of departments and laws appear in the items' rows).
  const sectionValues = (['departments', 'laws', 'powers', 'responsibilities', 'flows'] as const).map((section) => catalogue.sections[section].map((entry) => entry.value));
  const dataKey = keyed('data/', [catalogue.config.name, catalogue.config.region, ...sectionValues]);
  for (const file of data) files.push({ path: file.href, ...dataKey, make: () => made(file) });
  const size = (file: (typeof data)[number]) => {
    // A resident build that left the file alone knows its size from when it was made.
    const bytes = file.bytes ?? memo?.sizes.get(file.href) ?? byteLength(made(file));
    return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  };
  files.push({
    path: paths.data,
    ...keyed(paths.data, dataKey),
    make: () => templates.render('data', { site, rootPrefix: '', title: word('data-title'), nav: 'data', files: data.map((f) => ({ name: f.name, href: f.href, size: size(f) })), breadcrumbs: [home, { name: word('data-title') }] }),
  });

  files.push(...guideFiles);
  if (memo) {
    memo.keepPages(new Set(['data/', ...files.map((file) => file.path)]));
    for (const code of memo.guides.keys()) if (!catalogue.powerByCode.has(code)) memo.guides.delete(code);
    for (const id of memo.flows.keys()) if (!catalogue.flowById.has(id)) memo.flows.delete(id);
  }
  return { files, guides: guides.length };
}
