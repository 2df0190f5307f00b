// Open data beside the site: the catalogue as JSON, flat CSV tables (safe to open in a spreadsheet) and the public
// services as CPSV-AP 3.2 JSON-LD.
import type { Sections } from '../catalogue/model.js';
import type { Locale } from '../findings.js';
import { label } from '../i18n/labels.js';
import type { Citation, Config, Department, Law, Power } from '../schema/definitions.js';
import { isFullOnline } from '../catalogue/yardsticks.js';
import { hasGuide, paths } from './model.js';
import { linkify } from './links.js';
import type { SiteMemo } from './memo.js';
import { csvRecords, type CsvCell } from '../tables/csv.js';
// One guard against CSV injection for every CSV qingdan writes (export's too), so that import reads any of them back.
import { neutralise } from '../tables/values.js';

/**
 * What open data reads of a catalogue: its name, its entries' values and the look-ups by id. A Catalogue is one; so
 * is the catalogue rebuilt from its JSON (openDataCatalogue) in the worker thread that makes the open data of a large
 * site while this one makes its pages.
 */
export interface OpenDataCatalogue {
  config: Pick<Config, 'name' | 'region'>;
  sections: { readonly [K in keyof Sections]: ReadonlyArray<{ value: Sections[K][number]['value'] }> };
  departmentById: ReadonlyMap<string, { value: Department }>;
  lawById: ReadonlyMap<string, { value: Law }>;
  powerByCode: ReadonlyMap<string, { value: Power }>;
}

/**
 * The catalogue written by catalogueJson, read back with its look-ups. Every value open data shows passed the schema,
 * so it survives JSON unchanged (no infinite numbers, no dates: the format's YAML schema has neither).
 */
export function openDataCatalogue(json: string): OpenDataCatalogue {
  const data = JSON.parse(json) as { name: string; region?: string } & { [K in keyof Sections]: Array<Sections[K][number]['value']> };
  const entries = <T>(values: readonly T[]) => values.map((value) => ({ value }));
  const sections = { departments: entries(data.departments), laws: entries(data.laws), powers: entries(data.powers), responsibilities: entries(data.responsibilities), flows: entries(data.flows) };
  // The first entry with an id wins, as in the loader (a duplicate is an error, and errors stop a build anyway).
  const byKey = <T>(list: ReadonlyArray<{ value: T }>, key: (value: T) => string) => {
    const map = new Map<string, { value: T }>();
    for (const entry of list) if (!map.has(key(entry.value))) map.set(key(entry.value), entry);
    return map;
  };
  return {
    config: { name: data.name, ...(data.region !== undefined ? { region: data.region } : {}) },
    sections,
    departmentById: byKey(sections.departments, (d) => d.id),
    lawById: byKey(sections.laws, (l) => l.id),
    powerByCode: byKey(sections.powers, (p) => p.code),
  };
}

/** The open data files made from entries alone (catalogue.json aside), by their path in the site. */
export type EntryFile = 'data/powers.csv' | 'data/materials.csv' | 'data/responsibilities.csv' | 'data/services.jsonld';
export type EntryFiles = Record<EntryFile, string>;

export function entryFiles(catalogue: OpenDataCatalogue, locale: Locale): EntryFiles {
  return {
    'data/powers.csv': powersCsv(catalogue, locale),
    'data/materials.csv': materialsCsv(catalogue),
    'data/responsibilities.csv': responsibilitiesCsv(catalogue, locale),
    'data/services.jsonld': cpsvJsonLd(catalogue, locale),
  };
}

const BOM = '\ufeff';

/** One entry's rows, with what they read from other entries (names, law titles) as text. */
interface EntryRows {
  entry: object;
  reads: string;
  rows(): CsvCell[][];
}

/**
 * A table with a byte-order mark (or Excel opens UTF-8 Chinese as mojibake). With a memo (a resident build), an
 * entry that is the same object as last time, whose rows read the same from other entries, keeps its rows' text.
 */
function csv(header: string[], entries: EntryRows[], memo?: WeakMap<object, { reads: string; bytes: Buffer }>): string | Buffer[] {
  if (!memo) return BOM + csvRecords([header, ...entries.flatMap((entry) => entry.rows())], neutralise);
  const parts: Buffer[] = [Buffer.from(BOM + csvRecords([header], neutralise))];
  for (const { entry, reads, rows } of entries) {
    let known = memo.get(entry);
    if (!known || known.reads !== reads) {
      known = { reads, bytes: Buffer.from(csvRecords(rows(), neutralise)) };
      memo.set(entry, known);
    }
    parts.push(known.bytes);
  }
  return parts;
}

/**
 * Text made of pieces. With a memo (a resident build) the pieces are bytes, each entry's encoded once: encoding the
 * 30 MB of open data again on every edit took longer than making it. They are written as they are (writes.ts).
 */
function joined(pieces: ReadonlyArray<string | Buffer>, asBytes: boolean): string | Buffer[] {
  return asBytes ? pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)) : pieces.join('');
}

/** Entries per chunk of kept open data: an edit of one file makes one or two chunks again. */
const CHUNK = 64;

/**
 * The JSON texts `make` gives for `values` (undefined: nothing for that value), each after a comma, as bytes kept per
 * chunk of CHUNK values while the chunk's values are the same objects: a resident build then joins a few hundred
 * pieces instead of looking up each of 12,000 entries (its open data took about 70 ms of each edit).
 */
function commaLed(values: readonly object[], chunks: WeakMap<object, { values: readonly object[]; bytes: Buffer }>, make: (value: object) => unknown): Buffer[] {
  const out: Buffer[] = [];
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    const kept = chunks.get(chunk[0]!);
    if (kept && kept.values.length === chunk.length && kept.values.every((value, i) => value === chunk[i])) {
      out.push(kept.bytes);
      continue;
    }
    let text = '';
    for (const value of chunk) {
      const made = make(value);
      if (made !== undefined) text += `,${JSON.stringify(made)}`;
    }
    const bytes = Buffer.from(text);
    chunks.set(chunk[0]!, { values: chunk, bytes });
    out.push(bytes);
  }
  return out;
}

/** Comma-led pieces (commaLed) as a JSON array's members: the first piece with text loses its comma. */
function members(pieces: readonly Buffer[]): Buffer[] {
  const first = pieces.findIndex((piece) => piece.length > 0);
  return first < 0 ? [] : [pieces[first]!.subarray(1), ...pieces.slice(first + 1)];
}

function citations(catalogue: OpenDataCatalogue, list: readonly Citation[] | undefined): string {
  return (list ?? []).map((c) => `${catalogue.lawById.get(c.law)?.value.title ?? c.law}${c.article ?? ''}`).join('；');
}

/**
 * The catalogue as one JSON document. With a memo (a resident build), the same text put together from the entries'
 * JSON, kept as bytes per chunk of entries.
 */
export function catalogueJson(catalogue: OpenDataCatalogue): string;
export function catalogueJson(catalogue: OpenDataCatalogue, memo: SiteMemo | undefined): string | Buffer[];
export function catalogueJson(catalogue: OpenDataCatalogue, memo?: SiteMemo): string | Buffer[] {
  const { config, sections } = catalogue;
  if (!memo) {
    // In one go: a third faster than joining each entry's JSON, which only pays when the pieces are kept.
    const values = <T>(entries: ReadonlyArray<{ value: T }>) => entries.map((entry) => entry.value);
    const data = { name: config.name, ...(config.region ? { region: config.region } : {}), departments: values(sections.departments), laws: values(sections.laws), powers: values(sections.powers), responsibilities: values(sections.responsibilities), flows: values(sections.flows) };
    return `${JSON.stringify(data)}\n`;
  }
  const head = JSON.stringify({ name: config.name, ...(config.region ? { region: config.region } : {}) }).slice(1, -1);
  const pieces: Array<string | Buffer> = [`{${head}`];
  (['departments', 'laws', 'powers', 'responsibilities', 'flows'] as const).forEach((section, n) => {
    pieces.push(`${head || n ? ',' : ''}"${section}":[`);
    pieces.push(...members(commaLed(sections[section].map((entry) => entry.value as object), memo.chunks(`json:${section}`), (value) => value)));
    pieces.push(']');
  });
  pieces.push('}\n');
  return joined(pieces, true);
}

export function powersCsv(catalogue: OpenDataCatalogue, locale: Locale): string;
export function powersCsv(catalogue: OpenDataCatalogue, locale: Locale, memo: SiteMemo | undefined): string | Buffer[];
export function powersCsv(catalogue: OpenDataCatalogue, locale: Locale, memo?: SiteMemo): string | Buffer[] {
  const header = [
    'code', 'name', 'category', 'category_label', 'department', 'department_name', 'status', 'level', 'parent',
    'time_statutory', 'time_promised', 'time_unit', 'visits', 'full_online', 'online_url', 'materials', 'fees',
    'location', 'hours', 'consult', 'complaint', 'basis', 'reviewed', 'guide',
  ];
  const entries = catalogue.sections.powers.map(({ value: p }): EntryRows => {
    const department = catalogue.departmentById.get(p.department)?.value.name;
    const basis = citations(catalogue, p.basis);
    return {
      entry: p,
      reads: `${department}\0${basis}`,
      rows: () => [[
        p.code, p.name, p.category, label(locale, 'category', p.category), p.department, department,
        p.status ?? 'active', p.level, p.parent, p.time_limit.statutory, p.time_limit.promised, p.time_limit.unit,
        p.visits ?? 0, isFullOnline(p.online?.depth) && (p.visits ?? 0) === 0, p.online?.url, p.materials?.length ?? 0,
        (p.fees ?? []).map((fee) => `${fee.name}：${fee.standard}`).join('；'), p.location, p.hours, p.contact?.consult,
        p.contact?.complaint, basis, p.reviewed, hasGuide(p) ? paths.item(p.code) : undefined,
      ]],
    };
  });
  return csv(header, entries, memo?.csv('powers'));
}

export function materialsCsv(catalogue: OpenDataCatalogue): string;
export function materialsCsv(catalogue: OpenDataCatalogue, memo: SiteMemo | undefined): string | Buffer[];
export function materialsCsv(catalogue: OpenDataCatalogue, memo?: SiteMemo): string | Buffer[] {
  const header = ['code', 'item', 'material', 'required', 'condition', 'source', 'medium', 'originals', 'copies', 'blank_form', 'sample', 'basis', 'note'];
  const entries = catalogue.sections.powers.map(({ value: p }): EntryRows => {
    const basis = (p.materials ?? []).map((m) => citations(catalogue, m.basis));
    return {
      entry: p,
      reads: basis.join('\0'),
      rows: () => (p.materials ?? []).map((m, n) => [p.code, p.name, m.name, String(m.required), m.condition, m.source, m.medium, m.originals, m.copies, m.blank_form, m.sample, basis[n], m.note]),
    };
  });
  return csv(header, entries, memo?.csv('materials'));
}

export function responsibilitiesCsv(catalogue: OpenDataCatalogue, locale: Locale): string;
export function responsibilitiesCsv(catalogue: OpenDataCatalogue, locale: Locale, memo: SiteMemo | undefined): string | Buffer[];
export function responsibilitiesCsv(catalogue: OpenDataCatalogue, locale: Locale, memo?: SiteMemo): string | Buffer[] {
  const header = ['code', 'item', 'department', 'stage', 'stage_label', 'text', 'basis'];
  const entries = catalogue.sections.responsibilities.map(({ value }): EntryRows => {
    if (!('power' in value)) return { entry: value, reads: '', rows: () => value.tasks.map((task) => ['', value.duty, value.department, 'department-duty', '部门职责', task, '']) };
    const power = catalogue.powerByCode.get(value.power)?.value;
    const duties = value.duties.map((duty) => citations(catalogue, duty.basis));
    const cases = value.accountability ? citations(catalogue, value.accountability.basis) : '';
    return {
      entry: value,
      reads: [power?.name, power?.department, cases, ...duties].join('\0'),
      rows: () => {
        const rows: CsvCell[][] = value.duties.map((duty, n) => [value.power, power?.name, power?.department, duty.stage, label(locale, 'stage', duty.stage), duty.text, duties[n]]);
        for (const text of value.accountability?.cases ?? []) rows.push([value.power, power?.name, power?.department, 'accountability', '追责情形', text, cases]);
        return rows;
      },
    };
  });
  return csv(header, entries, memo?.csv('responsibilities'));
}

/**
 * The xsd:duration of a time limit (working days are written as days: CPSV-AP has no working-day unit). xsd:duration
 * takes a fraction only in seconds, so 2.5 days is P2DT12H and 1.5 hours PT1H30M (P2.5D is not a valid value).
 */
export function isoDuration(value: number, unit: Power['time_limit']['unit']): string {
  const perUnit = unit === 'hours' ? 3600 : 86400;
  // All digits even for a huge number (1e21 and more print as 1e+21, which no xsd:duration is).
  if (Number.isInteger(value)) {
    const digits = BigInt(value).toString();
    return unit === 'hours' ? `PT${digits}H` : `P${digits}D`;
  }
  let seconds = Math.round(value * perUnit);
  const days = unit === 'hours' ? 0 : Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : days ? '' : 'T0S'}`;
}

/**
 * CPSV-AP 3.2: each item in force as a cpsv:PublicService with its competent authority, legal resources, inputs
 * (evidence), costs, channels, contact points and processing time.
 */
export function cpsvJsonLd(catalogue: OpenDataCatalogue, locale: Locale, baseUrl?: string): string;
export function cpsvJsonLd(catalogue: OpenDataCatalogue, locale: Locale, baseUrl: string, memo: SiteMemo | undefined): string | Buffer[];
export function cpsvJsonLd(catalogue: OpenDataCatalogue, locale: Locale, baseUrl = '', memo?: SiteMemo): string | Buffer[] {
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const text = (value: string) => ({ '@value': value, '@language': lang });
  const orgId = (id: string) => `${baseUrl}${paths.department(id)}#organisation`;
  const lawId = (id: string) => `${baseUrl}data/catalogue.json#law-${id}`;
  const kept = baseUrl === '' ? memo : undefined;
  const organisation = (d: Department) => ({
    '@id': orgId(d.id),
    '@type': 'PublicOrganisation',
    'skos:prefLabel': text(d.name),
    ...(d.credit_code ? { identifier: { '@type': 'adms:Identifier', 'skos:notation': d.credit_code, 'adms:schemaAgency': 'GB 32100' } } : {}),
    ...(d.address ? { 'locn:address': { '@type': 'locn:Address', 'locn:fullAddress': d.address } } : {}),
  });
  const legalResource = (law: Law) => ({ '@id': lawId(law.id), '@type': 'eli:LegalResource', 'dct:title': text(law.title), ...(law.url ? { 'rdfs:seeAlso': law.url } : {}) });
  const service = (p: Power) => {
    const serviceId = `${baseUrl}${paths.item(p.code)}`;
    const channels: unknown[] = [];
    if (p.online?.url) channels.push({ '@type': 'Channel', 'dct:type': 'Website', 'foaf:homepage': p.online.url });
    if (p.location) channels.push({ '@type': 'Channel', 'dct:type': 'Assistant', 'dct:description': text(p.location), ...(p.hours ? { 'cv:openingHours': text(p.hours) } : {}) });
    const contacts = (['consult', 'complaint'] as const).flatMap((kind) => {
      const value = p.contact?.[kind];
      if (!value) return [];
      const phones = linkify(value).filter((s) => s.href?.startsWith('tel:')).map((s) => s.text);
      return [{ '@type': 'ContactPoint', 'dct:type': kind, 'dct:description': text(value), ...(phones.length ? { 'cv:telephone': phones } : {}) }];
    });
    return {
      '@id': serviceId,
      '@type': 'PublicService',
      'dct:identifier': p.code,
      'dct:title': text(p.name),
      'dct:description': text(`${label(locale, 'category', p.category)}：${p.name}`),
      'cv:thematicArea': text(label(locale, 'category', p.category)),
      'cv:hasCompetentAuthority': { '@id': orgId(p.department) },
      'cv:hasLegalResource': p.basis.map((c) => ({ '@id': lawId(c.law) })),
      'cv:hasInput': (p.materials ?? []).map((m) => ({ '@type': 'Evidence', 'dct:title': text(m.name), ...(m.condition ? { 'dct:description': text(m.condition) } : {}) })),
      'cv:hasCost': (p.fees ?? []).map((fee) => ({ '@type': 'Cost', 'dct:description': text(`${fee.name}：${fee.standard}`) })),
      'cv:hasChannel': channels,
      'cv:hasContactPoint': contacts,
      'cv:processingTime': isoDuration(p.time_limit.promised, p.time_limit.unit),
      ...(p.applicants?.length ? { 'cv:hasRequirement': p.applicants.map((a) => ({ '@type': 'Requirement', 'dct:title': text(a === 'natural-person' ? (locale === 'zh-CN' ? '自然人' : 'natural person') : locale === 'zh-CN' ? '法人或其他组织' : 'legal person') })) } : {}),
      ...(p.reviewed ? { 'dct:modified': { '@value': p.reviewed, '@type': 'xsd:date' } } : {}),
    };
  };
  const values = <T>(entries: ReadonlyArray<{ value: T }>) => entries.map((entry) => entry.value);
  // A node depends on its entry, the locale and the base URL only: a memo (one locale per build) serves for ''.
  const graph: Array<string | Buffer> = kept
    ? members([
        ...commaLed(values(catalogue.sections.departments), kept.chunks('jsonld:departments'), (d) => organisation(d as Department)),
        ...commaLed(values(catalogue.sections.laws), kept.chunks('jsonld:laws'), (law) => legalResource(law as Law)),
        ...commaLed(values(catalogue.sections.powers), kept.chunks('jsonld:powers'), (p) => (hasGuide(p as Power) ? service(p as Power) : undefined)),
      ])
    : [
        ...catalogue.sections.departments.map(({ value }) => JSON.stringify(organisation(value))),
        ...catalogue.sections.laws.map(({ value }) => JSON.stringify(legalResource(value))),
        ...catalogue.sections.powers.flatMap(({ value }) => (hasGuide(value) ? [JSON.stringify(service(value))] : [])),
      ].flatMap((node, i) => (i ? [',', node] : [node]));
  const context = {
      cv: 'http://data.europa.eu/m8g/',
      cpsv: 'http://purl.org/vocab/cpsv#',
      dct: 'http://purl.org/dc/terms/',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      foaf: 'http://xmlns.com/foaf/0.1/',
      adms: 'http://www.w3.org/ns/adms#',
      locn: 'http://www.w3.org/ns/locn#',
      eli: 'http://data.europa.eu/eli/ontology#',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      PublicService: 'cpsv:PublicService',
      PublicOrganisation: 'cv:PublicOrganisation',
      Evidence: 'cv:Evidence',
      Cost: 'cv:Cost',
      Channel: 'cv:Channel',
      ContactPoint: 'cv:ContactPoint',
    Requirement: 'cv:Requirement',
  };
  return joined([`{"@context":${JSON.stringify(context)},"@graph":[`, ...graph, ']}\n'], kept !== undefined);
}
