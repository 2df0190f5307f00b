// qingdan diff: load both sides, match items (phase one), run every change class (phase two), then resolve levels,
// positions, waivers and the reform summary.
import { createHash } from 'node:crypto';
import { loadCatalogue } from '../catalogue/load.js';
import type { ProcessedFile } from '../catalogue/process.js';
import { CONFIG_FILE, SourceError, displayPath, type CatalogueSource } from '../catalogue/source.js';
import { Positions } from '../catalogue/positions.js';
import { buildCatalogue, emptySections, type Catalogue, type Entry } from '../catalogue/model.js';
import { flowPowerCodes } from '../catalogue/walk.js';
import { isFullOnline } from '../catalogue/yardsticks.js';
import { convert } from '../flow/time.js';
import { changeMessage, ui } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import { settingFor } from '../settings.js';
import { Resolver, translateSourceError } from '../validate.js';
import type { DepartmentResponsibility, Flow, Power, PowerResponsibility, Waiver } from '../schema/definitions.js';
import { dutyKey } from './helpers.js';
import type { Locale, Place } from '../findings.js';
import { departmentRenames, matchPowers, renamedDepartment } from './match.js';
import { changeClasses, changeClassById } from './registry.js';
import { LEVEL_RANK, type Change, type ChangeLevel, type DiffContext, type RawChange, type Side } from './types.js';

export interface DiffOptions {
  locale?: Locale;
  /** Waivers from a --waivers file, in addition to those in the head's qingdan.yaml. */
  extraWaivers?: Waiver[];
  /** YYYY-MM-DD; waivers that expired before it stop working. */
  today: string;
}

export interface YardstickTotals {
  items: number;
  materials: number;
  /** Sum of promised limits, in working days (hours at 8 a day). */
  promisedDays: number;
  visits: number;
  fullOnline: number;
  fees: number;
}

export interface DepartmentSummary {
  department: string;
  name: string;
  added: number;
  cancelled: number;
  base: YardstickTotals;
  head: YardstickTotals;
  feesRemoved: number;
}

export interface DiffResult {
  base: string;
  head: string;
  locale: Locale;
  changes: Change[];
  departments: DepartmentSummary[];
  total: DepartmentSummary;
  /** Codes not compared because an entry fails the schema on one side. */
  skipped: string[];
  /** Sentences about waivers: expired, or matching nothing. */
  notes: string[];
  /**
   * The side whose revision has no catalogue (no qingdan.yaml in the folder then): compared as an empty catalogue, so
   * every item of the other side is added (or removed). The command says so on stderr.
   */
  absent?: 'base' | 'head';
}

const FILE_RULES = /^(yaml|file)\//;
const MAX_PROBLEMS_SHOWN = 20;

/** A side loaded, or undefined when its folder holds no catalogue (a revision from before the catalogue was added). */
async function loadSide(source: CatalogueSource, label: string, locale: Locale, shared: Map<string, ProcessedFile>): Promise<Catalogue | undefined> {
  let loaded;
  try {
    loaded = await loadCatalogue(source, { shared });
  } catch (error) {
    if (error instanceof SourceError && error.messageId === 'no-config') return undefined;
    translateSourceError(error);
  }
  const broken = loaded.findings.filter((f) => FILE_RULES.test(f.ruleId) && f.ruleId !== 'file/empty');
  if (broken.length || !loaded.configOk) {
    const resolver = new Resolver((file) => loaded.catalogue.files.get(file)?.text, undefined, locale);
    const problems = (broken.length ? broken : loaded.findings.filter((f) => f.place.file === loaded.catalogue.configFile)).map((f) => resolver.resolve(f)!);
    // The side is named by its revision: a word such as "head" would be in the report's language, not the sentence's.
    // A broken repository makes every file unreadable: the first few say enough.
    if (problems.length > MAX_PROBLEMS_SHOWN) throw new UsageError('diff-broken-side-many', { side: label, shown: MAX_PROBLEMS_SHOWN, count: problems.length }, problems.slice(0, MAX_PROBLEMS_SHOWN));
    throw new UsageError('diff-broken-side', { side: label }, problems);
  }
  return loaded.catalogue;
}

/** What a revision without the catalogue is compared as: a catalogue with nothing in it. */
function emptyCatalogue(source: CatalogueSource): Catalogue {
  const keys = { departments: new Map(), laws: new Map(), powers: new Map(), flows: new Map() };
  return buildCatalogue(source.displayRoot, displayPath(source, CONFIG_FILE), { name: '' }, new Map(), emptySections(), keys);
}

/** `renames` maps a base side's department ids to the head's, so that a renamed department id keeps its duty lists. */
function sideOf(catalogue: Catalogue, renames: ReadonlyMap<string, string> = new Map()): Side {
  const responsibilities = new Map<string, Entry<PowerResponsibility>>();
  const duties = new Map<string, Entry<DepartmentResponsibility>>();
  for (const entry of catalogue.sections.responsibilities) {
    if ('power' in entry.value) {
      if (!responsibilities.has(entry.value.power)) responsibilities.set(entry.value.power, entry as Entry<PowerResponsibility>);
    } else {
      const key = dutyKey({ ...entry.value, department: renamedDepartment(renames, entry.value.department) });
      if (!duties.has(key)) duties.set(key, entry as Entry<DepartmentResponsibility>);
    }
  }
  const flows = new Map<string, Entry<Flow>>();
  for (const entry of catalogue.sections.flows) {
    for (const code of flowPowerCodes(entry.value)) if (!flows.has(code)) flows.set(code, entry);
  }
  return { catalogue, responsibilities, duties, flows };
}

/** Codes whose entry fails the schema on either side: comparing them would report phantom removals and additions. */
function invalidCodes(...catalogues: Catalogue[]): Set<string> {
  const out = new Set<string>();
  for (const catalogue of catalogues) {
    for (const code of catalogue.keys.powers.keys()) if (!catalogue.powerByCode.has(code)) out.add(code);
  }
  return out;
}


/** Stable across line moves and reordering: what changed, on which item, about what. */
export function fingerprint(change: Pick<RawChange, 'classId' | 'code' | 'detail' | 'messageId'>): string {
  return createHash('sha1').update(`${change.classId}\u0000${change.code}\u0000${change.detail ?? change.messageId}`).digest('hex').slice(0, 12);
}

/** Yardsticks of the items in force; `skip` (items not compared) counts on neither side, so a typo is not a reform. */
function totals(catalogue: Catalogue, skip: ReadonlySet<string>, renames: ReadonlyMap<string, string> = new Map()): Map<string, YardstickTotals> {
  const out = new Map<string, YardstickTotals>();
  for (const { value: power } of catalogue.powerByCode.values()) {
    if (power.status === 'cancelled' || power.status === 'suspended' || skip.has(power.code)) continue;
    const department = renamedDepartment(renames, power.department);
    const t = out.get(department) ?? { items: 0, materials: 0, promisedDays: 0, visits: 0, fullOnline: 0, fees: 0 };
    t.items++;
    t.materials += power.materials?.length ?? 0;
    t.promisedDays += convert(power.time_limit.promised, power.time_limit.unit, 'working-days');
    t.visits += power.visits ?? 0;
    if (isFullOnline(power.online?.depth) && (power.visits ?? 0) === 0) t.fullOnline++;
    t.fees += power.fees?.length ?? 0;
    out.set(department, t);
  }
  return out;
}

const ZERO: YardstickTotals = { items: 0, materials: 0, promisedDays: 0, visits: 0, fullOnline: 0, fees: 0 };

function summarise(base: Catalogue, head: Catalogue, changes: Change[], skip: ReadonlySet<string>, renames: ReadonlyMap<string, string>): { departments: DepartmentSummary[]; total: DepartmentSummary } {
  const baseTotals = totals(base, skip, renames);
  const headTotals = totals(head, skip);
  const ids = [...new Set([...baseTotals.keys(), ...headTotals.keys(), ...changes.map((c) => c.department)])];
  // Positions looked up once: a catalogue of a thousand departments would otherwise copy the key list per comparison.
  const headOrder = new Map([...head.departmentById.keys()].map((id, index) => [id, index]));
  const baseOrder = new Map([...base.departmentById.keys()].map((id, index) => [id, index]));
  const order = (id: string) => headOrder.get(id) ?? 10_000 + (baseOrder.get(id) ?? -1);
  ids.sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  const changesBy = new Map<string, Change[]>();
  for (const change of changes) {
    const list = changesBy.get(change.department);
    if (list) list.push(change);
    else changesBy.set(change.department, [change]);
  }
  const departments = ids.map((department): DepartmentSummary => {
    const mine = changesBy.get(department) ?? [];
    return {
      department,
      name: head.departmentById.get(department)?.value.name ?? base.departmentById.get(department)?.value.name ?? department,
      added: mine.filter((c) => c.classId === 'power/added').length,
      cancelled: mine.filter((c) => c.classId === 'power/cancelled' || c.classId === 'power/removed').length,
      base: baseTotals.get(department) ?? ZERO,
      head: headTotals.get(department) ?? ZERO,
      feesRemoved: mine.filter((c) => c.classId === 'fee/removed').length,
    };
  });
  const sum = (pick: (d: DepartmentSummary) => YardstickTotals): YardstickTotals => {
    const out = { ...ZERO };
    for (const d of departments) for (const key of Object.keys(out) as Array<keyof YardstickTotals>) out[key] += pick(d)[key];
    return out;
  };
  const total: DepartmentSummary = {
    department: '',
    name: '',
    added: departments.reduce((n, d) => n + d.added, 0),
    cancelled: departments.reduce((n, d) => n + d.cancelled, 0),
    base: sum((d) => d.base),
    head: sum((d) => d.head),
    feesRemoved: departments.reduce((n, d) => n + d.feesRemoved, 0),
  };
  return { departments: departments.filter((d) => d.added || d.cancelled || changesBy.has(d.department)), total };
}

export async function diffCatalogues(base: { source: CatalogueSource; label: string }, head: { source: CatalogueSource; label: string }, options: DiffOptions): Promise<DiffResult> {
  const fallbackLocale = options.locale ?? 'zh-CN';
  // Two revisions share most files: each blob is parsed once, and both catalogues hold the same data for it.
  const shared = new Map<string, ProcessedFile>();
  const baseLoaded = await loadSide(base.source, base.label, fallbackLocale, shared);
  const headLoaded = await loadSide(head.source, head.label, fallbackLocale, shared);
  // A revision from before the catalogue existed is an empty catalogue (the first pull request that adds it: every
  // item added); with neither side there is nothing to compare, most likely a wrong folder or revision.
  if (!baseLoaded && !headLoaded) throw new UsageError('no-catalogue-at-rev', { rev: base.label, path: base.source.displayRoot });
  const absent = !baseLoaded ? 'base' : !headLoaded ? 'head' : undefined;
  const baseCatalogue = baseLoaded ?? emptyCatalogue(base.source);
  const headCatalogue = headLoaded ?? emptyCatalogue(head.source);
  // Settings (levels, waivers, locale) are the revision's; when it has no catalogue, the other side's.
  const settingsFrom = headLoaded ?? baseCatalogue;
  const locale = options.locale ?? settingsFrom.config.locale ?? 'zh-CN';
  const skip = invalidCodes(baseCatalogue, headCatalogue);
  const renames = departmentRenames(baseCatalogue, headCatalogue);
  const context: DiffContext = { base: sideOf(baseCatalogue, renames), head: sideOf(headCatalogue), departmentRenames: renames, ...(absent === 'base' ? { firstVersion: true } : {}) };

  const raw: RawChange[] = [];
  for (const pair of matchPowers(baseCatalogue, headCatalogue, skip, renames)) {
    for (const changeClass of changeClasses) raw.push(...changeClass.check(pair, context));
  }
  for (const changeClass of changeClasses) if (changeClass.checkCatalogue) raw.push(...changeClass.checkCatalogue(context));

  const settings = settingsFrom.config.diff;
  const waivers = [...(settings?.waivers ?? []), ...(options.extraWaivers ?? [])];
  const used = new Set<string>();
  const notes: string[] = [];
  const active = new Map<string, Waiver>();
  for (const waiver of waivers) {
    if (waiver.expires < options.today) notes.push(ui(locale, 'waiver-expired', { ...waiver }));
    else active.set(waiver.fingerprint, waiver);
  }

  const basePositions = new Positions(baseCatalogue);
  const headPositions = new Positions(headCatalogue);
  const changes: Change[] = [];
  for (const change of raw) {
    const setting = settingFor(change.classId, settings?.levels);
    if (setting === 'off') continue;
    const level: ChangeLevel = setting ?? change.level ?? changeClassById.get(change.classId)!.level;
    const id = fingerprint(change);
    const waiver = active.get(id);
    if (waiver) used.add(id);
    const messages = { 'zh-CN': changeMessage('zh-CN', change.classId, change.messageId, change.data), en: changeMessage('en', change.classId, change.messageId, change.data) };
    // A change made from the base side (a removal) names the base's department id; a renamed one is the head's body.
    const department = renamedDepartment(renames, change.department);
    changes.push({
      classId: change.classId,
      level,
      message: messages[locale],
      messages,
      code: change.code,
      department,
      departmentName: headCatalogue.departmentById.get(department)?.value.name ?? baseCatalogue.departmentById.get(department)?.value.name ?? department,
      name: change.name,
      ...(change.base ? { base: basePositions.resolve(change.base)! } : {}),
      ...(change.head ? { head: headPositions.resolve(change.head)! } : {}),
      fingerprint: id,
      ...(waiver ? { waiver: { reason: waiver.reason, expires: waiver.expires, ...(waiver.approved_by ? { approvedBy: waiver.approved_by } : {}) } } : {}),
    });
  }
  for (const [id, waiver] of active) if (!used.has(id)) notes.push(ui(locale, 'waiver-unused', { ...waiver }));

  changes.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || compare(a.department, b.department) || compare(a.code, b.code) || compare(a.classId, b.classId) || compare(a.fingerprint, b.fingerprint));
  return { base: base.label, head: head.label, locale, changes, ...summarise(baseCatalogue, headCatalogue, changes, skip, renames), skipped: [...skip].sort(), notes, ...(absent ? { absent } : {}) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Changes that count for gating: not waived, at or above the level. */
export function failing(result: DiffResult, failOn: ChangeLevel | 'none'): Change[] {
  if (failOn === 'none') return [];
  return result.changes.filter((c) => !c.waiver && LEVEL_RANK[c.level] >= LEVEL_RANK[failOn]);
}

