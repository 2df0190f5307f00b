// qingdan compare: load and validate every catalogue, make items correspond across them by basic code (phase one),
// run every divergence class on each office's version of each item (phase two), then resolve levels and positions
// and build the matrix and the scores.
import { DirectorySource } from '../catalogue/source.js';
import { Positions } from '../catalogue/positions.js';
import { emptySections, mayBeUnread, type Catalogue, type Entry } from '../catalogue/model.js';
import { validateCatalogueAsync } from '../validate.js';
import { getProfile } from '../profiles/index.js';
import { UsageError } from '../errors.js';
import { settingFor } from '../settings.js';
import { divergenceMessage, localeFromEnvironment, ui } from '../i18n/index.js';
import { convert, toHundredths } from '../flow/time.js';
import type { Power } from '../schema/definitions.js';
import type { Finding, Locale } from '../findings.js';
import { LEVEL_RANK } from '../diff/types.js';
import { divergenceClasses, divergenceClassById } from './registry.js';
import { citations, materialsOf, feesOf, bothSides } from './helpers.js';
import { compact, looseName, sameLoosely } from './normalise.js';
import { matchPeers, matchToReference, type MatchedRow, type OfficeItems } from './match.js';
import type { ChangeLevel, CompareContext, Divergence, ItemPair, Position, RawDivergence } from './types.js';

export interface CompareOptions {
  /** Without a reference, all catalogues are peers and each item is held to the norm among them. */
  reference: boolean;
  /** --lang; otherwise the reference's (first catalogue's) locale, then the environment's, then zh-CN. */
  locale?: Locale | undefined;
  environment?: NodeJS.ProcessEnv;
  /** Worker threads for parsing, as for validate; undefined picks by size and cores. */
  workers?: number;
}

export interface Score {
  /** Items the office is held to: the reference's items in force (or the peers' norm). */
  total: number;
  agree: number;
  better: number;
  differs: number;
  missing: number;
  /** Items whose entry here fails the schema: not compared, and not counted as implemented. */
  unavailable: number;
  /** The office's items with no counterpart; not part of `total`. */
  extra: number;
  /** Share of `total` implemented exactly or better, 0–1 (1 when total is 0). */
  score: number;
}

export interface Office {
  index: number;
  /** Short label for columns: the config's region, else its name, else the folder. */
  label: string;
  name: string;
  root: string;
  isReference: boolean;
  /** False when the catalogue could not be used at all (its qingdan.yaml is broken): it is reported, not compared. */
  usable: boolean;
  /** Why an office is not usable, in both languages. */
  reason?: Record<Locale, string>;
  errors: number;
  warnings: number;
  /** Files that could not be read or parsed, with positions: their items are left out. */
  problems: Finding[];
  /** Codes whose entry fails the schema: left out of the comparison. */
  skipped: string[];
  score?: Score;
}

export type CellStatus = 'agree' | 'better' | 'differs' | 'missing' | 'extra' | 'absent' | 'reference' | 'unavailable';

export interface Cell {
  status: CellStatus;
  /** The highest level among the cell's divergences (waived by nothing: compare has no waivers). */
  level?: ChangeLevel;
  /** Divergence classes in this cell, each once, in registry order. */
  classes: string[];
  /** The office's own codes for the item. */
  codes: string[];
  /** Names matched only loosely in this cell. */
  loose: number;
}

export interface Row {
  basicCode: string;
  name: string;
  category?: string;
  /** In reference mode, whether the reference has the item in force; in peer mode, whether the norm is to have it. */
  inReference: boolean;
  /** Peer mode: the office whose version is the norm for this item. */
  normOffice?: number;
  cells: Cell[];
}

export interface LooseMatch {
  office: number;
  /** The row (index into `rows`). */
  row: number;
  basicCode: string;
  kind: 'material' | 'fee';
  reference: string;
  local: string;
  position?: Position;
}

export interface CompareResult {
  locale: Locale;
  mode: 'reference' | 'peers';
  offices: Office[];
  rows: Row[];
  divergences: Divergence[];
  loose: LooseMatch[];
}

const FILE_RULES = /^(yaml|file)\//;

const AGAINST = { reference: { 'zh-CN': '参照', en: 'the reference' }, peers: { 'zh-CN': '常规做法', en: 'the norm' } } as const;

interface Loaded {
  office: Office;
  catalogue?: Catalogue;
  /** Items in force by basic code (several when one catalogue lists the same item for several bodies). */
  items: Map<string, Entry<Power>[]>;
  /** Cancelled items by basic code. */
  cancelled: Map<string, Entry<Power>[]>;
  /** Basic codes of entries that fail the schema: not compared, rather than reported as missing. */
  invalid: Set<string>;
}

function officeLabel(catalogue: Catalogue | undefined, root: string): { label: string; name: string } {
  const folder = root.split('/').filter(Boolean).at(-1) ?? root;
  const config = catalogue?.config;
  return { label: config?.region?.trim() || config?.name?.trim() || folder, name: config?.name?.trim() || folder };
}

async function loadOffice(root: string, index: number, isReference: boolean, options: CompareOptions, cwd: string): Promise<Loaded> {
  const source = new DirectorySource(root, cwd);
  const indexes = { items: new Map<string, Entry<Power>[]>(), cancelled: new Map<string, Entry<Power>[]>(), invalid: new Set<string>() };
  let result;
  try {
    result = await validateCatalogueAsync(source, { explicitLocale: options.locale, environment: options.environment ?? {}, projection: 'rules', ...(options.workers !== undefined ? { workers: options.workers } : {}) });
  } catch (error) {
    // A local office whose qingdan.yaml is broken (or names an unknown profile…) is reported and left out; the
    // reference cannot be left out.
    if (isReference || !(error instanceof UsageError)) throw error;
    const { label, name } = officeLabel(undefined, source.displayRoot);
    const reason = { 'zh-CN': ui('zh-CN', error.key, error.data), en: ui('en', error.key, error.data) };
    const office: Office = { index, label, name, root: source.displayRoot, isReference, usable: false, reason, errors: Math.max(1, error.findings.length), warnings: 0, problems: error.findings, skipped: [] };
    return { office, ...indexes };
  }
  const { catalogue, findings } = result;
  const profile = getProfile(catalogue.config.profile)!;
  const { label, name } = officeLabel(catalogue, source.displayRoot);
  const skipped = [...catalogue.keys.powers.keys()].filter((code) => !catalogue.powerByCode.has(code)).sort();
  const office: Office = {
    index,
    label,
    name,
    root: source.displayRoot,
    isReference,
    usable: true,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    problems: findings.filter((f) => FILE_RULES.test(f.ruleId) && f.ruleId !== 'file/empty'),
    skipped,
  };
  for (const code of skipped) indexes.invalid.add(profile.basicCode(code));
  for (const entry of catalogue.powerByCode.values()) {
    const basic = profile.basicCode(entry.value.code);
    if (entry.value.status === 'cancelled') {
      indexes.cancelled.set(basic, [...(indexes.cancelled.get(basic) ?? []), entry]);
      continue;
    }
    const list = indexes.items.get(basic);
    if (list) list.push(entry);
    else indexes.items.set(basic, [entry]);
  }
  // Thirty catalogues stay in memory until the report is made: keep only what comparing and positions read.
  const slim: Catalogue = {
    ...catalogue,
    sections: { ...emptySections(), powers: catalogue.sections.powers },
    keys: { departments: new Map(), laws: new Map(), powers: new Map(), flows: new Map() },
    departmentById: new Map(),
    flowById: new Map(),
  };
  return { office, catalogue: slim, ...indexes };
}

/** Labels must tell columns apart: two offices of the same region get their folder added. */
function distinctLabels(offices: Office[]): void {
  const count = new Map<string, number>();
  for (const office of offices) count.set(office.label, (count.get(office.label) ?? 0) + 1);
  for (const office of offices) if ((count.get(office.label) ?? 0) > 1) office.label = `${office.label} (${office.root})`;
}


/** What each class compares, as a value two offices either share or not: the norm among peers is built from these. */
function signatures(power: Power, catalogue: Catalogue): Record<string, string> {
  const sorted = (values: Iterable<string>) => [...values].sort().join('\u0001');
  // In hours, so that a change of unit alone is the same limit; a limit too large for hours (1e308 days) as written.
  const hours = toHundredths(convert(power.time_limit.promised, power.time_limit.unit, 'hours'));
  return {
    'standard/name': looseName(power.name),
    'standard/category': power.category,
    'standard/basis': sorted(citations(power.basis, catalogue).keys()),
    materials: sorted((power.materials ?? []).map((m) => looseName(m.name))),
    'standard/time': Number.isFinite(hours) ? String(hours) : `${power.time_limit.promised} ${power.time_limit.unit}`,
    'standard/visits': String(power.visits ?? 0),
    'standard/fees': sorted((power.fees ?? []).map((f) => `${looseName(f.name)}\u0002${compact(f.standard)}`)),
    'standard/online': sorted(power.online?.depth ?? []),
  };
}

const SIGNATURE_OF: Record<string, string> = { 'standard/material-extra': 'materials', 'standard/material-missing': 'materials' };

/**
 * The peers' norm for one item: the office whose version agrees with the most others, attribute by attribute (the
 * first office on a tie). Every other office is then compared with it, as with a reference.
 */
function normOf(holders: Array<{ office: number; signature: Record<string, string> }>): number {
  let best = holders[0]!;
  let bestScore = -1;
  for (const candidate of holders) {
    let score = 0;
    for (const other of holders) {
      if (other === candidate) continue;
      for (const [key, value] of Object.entries(candidate.signature)) if (other.signature[key] === value) score++;
    }
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best.office;
}

export async function compareCatalogues(roots: string[], cwd: string, options: CompareOptions): Promise<CompareResult> {
  const loaded: Loaded[] = [];
  // One after another: each catalogue's parse already uses the cores, and memory stays that of one parse at a time.
  for (const [index, root] of roots.entries()) loaded.push(await loadOffice(root, index, options.reference && index === 0, options, cwd));
  const offices = loaded.map((l) => l.office);
  distinctLabels(offices);
  // Settings come from the reference; among peers, from the first catalogue that could be read (the first may not).
  const first = loaded.find((l) => l.catalogue)?.catalogue;
  const locale = options.locale ?? first?.config.locale ?? localeFromEnvironment(options.environment ?? {}) ?? 'zh-CN';
  const levels = first?.config.compare?.levels;
  const mode = options.reference ? 'reference' : 'peers';
  const usable = loaded.filter((l) => l.catalogue);

  // Phase one: which items are the same item, row by row, and whose version each office is held to.
  const itemsOf = (l: Loaded): OfficeItems => ({ index: l.office.index, items: l.items });
  let matched: MatchedRow[];
  if (options.reference) {
    const { rows: referenceRows, extra } = matchToReference(itemsOf(loaded[0]!), usable.slice(1).map(itemsOf));
    // An item whose reference entry fails the schema is not compared: every office would seem to have an extra.
    matched = [...referenceRows, ...extra.filter((row) => !loaded[0]!.invalid.has(row.basicCode))];
  } else {
    matched = matchPeers(usable.map(itemsOf));
  }

  const raw: Array<RawDivergence & { office: number; row: number; basicCode: string; code?: string; context: CompareContext; normOffices?: number[] }> = [];
  const loose: Array<LooseMatch & { context: CompareContext; place?: { file: string; path: Array<string | number> } }> = [];
  const rows: Row[] = [];
  for (const [rowNumber, match] of matched.entries()) {
    const { basicCode } = match;
    let referenceIndex: number | undefined;
    let referenceEntry: Entry<Power> | undefined;
    let inReference: boolean;
    let normOffices: ((classId: string) => number[]) | undefined;
    if (options.reference) {
      referenceEntry = match.reference;
      referenceIndex = referenceEntry ? 0 : undefined;
      inReference = referenceEntry !== undefined;
    } else {
      // An office whose entry for the item fails the schema takes no part in deciding the norm.
      const deciding = usable.filter((l) => match.items.has(l.office.index) || !l.invalid.has(basicCode));
      const holders = deciding.filter((l) => match.items.has(l.office.index)).map((l) => ({ office: l.office.index, signature: signatures(match.items.get(l.office.index)![0]!.value, l.catalogue!) }));
      // Present when at least half the offices list it: then those without it are "missing", else it is "extra".
      inReference = holders.length * 2 >= deciding.length;
      if (inReference) {
        referenceIndex = normOf(holders);
        referenceEntry = match.items.get(referenceIndex)![0];
        const norm = holders.find((h) => h.office === referenceIndex)!.signature;
        normOffices = (classId) => {
          if (classId === 'standard/missing') return holders.map((h) => h.office);
          const key = SIGNATURE_OF[classId] ?? classId;
          return holders.filter((h) => h.signature[key] === norm[key]).map((h) => h.office);
        };
      } else {
        const holding = new Set(holders.map((h) => h.office));
        normOffices = () => deciding.map((l) => l.office.index).filter((i) => !holding.has(i));
      }
    }
    const referenceSide = referenceIndex !== undefined ? loaded[referenceIndex]! : undefined;
    const shown = referenceEntry?.value ?? [...match.items.values()][0]?.[0]?.value;
    const row: Row = { basicCode, name: shown?.name ?? match.name, ...(shown ? { category: shown.category } : {}), inReference, ...(!options.reference && referenceIndex !== undefined ? { normOffice: referenceIndex } : {}), cells: [] };
    // A reference item cancelled there but in force here: an extra with its own message, pointing at the cancellation.
    const cancelledHere = options.reference && !referenceEntry ? (loaded[0]!.cancelled.get(basicCode) ?? []) : [];
    const cancelled = cancelledHere.find((e) => looseName(e.value.name) === looseName(match.name)) ?? (cancelledHere.length === 1 ? cancelledHere[0] : undefined);

    for (const l of loaded) {
      const index = l.office.index;
      if (options.reference && index === 0) {
        row.cells.push({ status: 'reference', classes: [], codes: referenceEntry ? [referenceEntry.value.code] : [], loose: 0 });
        continue;
      }
      if (!l.catalogue) {
        row.cells.push({ status: 'unavailable', classes: [], codes: [], loose: 0 });
        continue;
      }
      const locals = match.items.get(index) ?? [];
      // Not listed, but its entry fails the schema, or may be in a file that could not be read (not UTF-8, a YAML
      // error): not compared, rather than a phantom "missing" for every item of an office whose powers file is GBK.
      if (!locals.length && (l.invalid.has(basicCode) || mayBeUnread(l.catalogue, 'powers'))) {
        row.cells.push({ status: 'unavailable', classes: [], codes: [], loose: 0 });
        continue;
      }
      if (!options.reference && index === referenceIndex) {
        row.cells.push({ status: 'agree', classes: [], codes: locals.map((e) => e.value.code), loose: 0 });
        continue;
      }
      // In reference mode the reference's catalogue even for an extra item: a cancelled entry there is pointed at.
      const context: CompareContext = { reference: (options.reference ? loaded[0]!.catalogue : referenceSide?.catalogue) ?? l.catalogue, local: l.catalogue, peers: !options.reference };
      const pairs: ItemPair[] = locals.length
        ? locals.map((local) => ({ basicCode, ...(referenceEntry ? { reference: referenceEntry } : {}), local, ...(cancelled ? { referenceCancelled: cancelled } : {}) }))
        : referenceEntry
          ? [{ basicCode, reference: referenceEntry }]
          : [];
      let looseCount = 0;
      for (const pair of pairs) {
        for (const divergenceClass of divergenceClasses) {
          for (const divergence of divergenceClass.check(pair, context)) {
            raw.push({ ...divergence, office: index, row: rowNumber, basicCode, ...(pair.local ? { code: pair.local.value.code } : {}), context, ...(normOffices ? { normOffices: normOffices(divergence.classId) } : {}) });
          }
        }
        if (bothSides(pair)) {
          for (const [kind, matching, list] of [['material', materialsOf(pair), 'materials'], ['fee', feesOf(pair), 'fees']] as const) {
            for (const m of matching.matched) {
              if (!m.loose) continue;
              looseCount++;
              loose.push({ office: index, row: rowNumber, basicCode, kind, reference: m.reference.name, local: m.local.name, context, place: { file: pair.local.file, path: [...pair.local.path, list, m.localIndex, 'name'] } });
            }
          }
          if (sameLoosely(pair.reference.value.name, pair.local.value.name)) looseCount++;
        }
      }
      // Presence decides the status whatever levels say; divergences then mark an item both sides have.
      const status: CellStatus = locals.length ? (referenceEntry ? 'agree' : 'extra') : referenceEntry ? 'missing' : 'absent';
      row.cells.push({ status, classes: [], codes: locals.map((e) => e.value.code), loose: looseCount });
    }
    rows.push(row);
  }

  // Levels, messages and positions, resolved once per divergence.
  const positions = new Map<Catalogue, Positions>();
  const resolve = (catalogue: Catalogue, place: RawDivergence['local']): Position | undefined => {
    if (!place) return undefined;
    let map = positions.get(catalogue);
    if (!map) positions.set(catalogue, (map = new Positions(catalogue)));
    return map.resolve(place);
  };
  const divergences: Divergence[] = [];
  // Office by office, so that each office's source maps (a parsed entry per divergence) are freed once it is done;
  // the reference's stay, shared by all.
  const byOffice = [...raw].sort((a, b) => a.office - b.office);
  let currentOffice = -1;
  for (const d of byOffice) {
    if (d.office !== currentOffice) {
      if (currentOffice >= 0 && !(options.reference && currentOffice === 0)) {
        const done = loaded[currentOffice]!.catalogue;
        for (const m of loose) if (m.office === currentOffice && m.place && !m.position) m.position = resolve(m.context.local, m.place);
        if (done) positions.delete(done);
      }
      currentOffice = d.office;
    }
    const setting = settingFor(d.classId, levels);
    if (setting === 'off') continue;
    // A better-than-reference divergence never fails a gate: an override raises only the ones that are worse.
    const level: ChangeLevel = d.better ? 'info' : (setting ?? d.level ?? divergenceClassById.get(d.classId)!.level);
    // What the office is held to is named in each language: the reference, or the norm among peers.
    const against = options.reference ? AGAINST.reference : AGAINST.peers;
    const messages = { 'zh-CN': divergenceMessage('zh-CN', d.classId, d.messageId, { ...d.data, against: against['zh-CN'] }), en: divergenceMessage('en', d.classId, d.messageId, { ...d.data, against: against.en }) };
    divergences.push({
      classId: d.classId,
      level,
      message: messages[locale],
      messages,
      basicCode: d.basicCode,
      row: d.row,
      office: d.office,
      ...(d.code ? { code: d.code } : {}),
      better: !!d.better,
      ...(d.local ? { local: resolve(d.context.local, d.local)! } : {}),
      ...(d.reference ? { reference: resolve(d.context.reference, d.reference)! } : {}),
      ...(d.normOffices ? { normOffices: d.normOffices } : {}),
      ...(d.detail ? { detail: d.detail } : {}),
    });
  }

  // The matrix cells and the scores follow from the divergences that remain after levels.
  const classOrder = new Map(divergenceClasses.map((c, i) => [c.id as string, i]));
  for (const d of divergences) {
    const cell = rows[d.row]!.cells[d.office]!;
    if (!cell.classes.includes(d.classId)) cell.classes.push(d.classId);
    if (!cell.level || LEVEL_RANK[d.level] > LEVEL_RANK[cell.level]) cell.level = d.level;
    if (cell.status === 'agree' || cell.status === 'better') {
      if (!d.better && LEVEL_RANK[d.level] >= LEVEL_RANK.notice) cell.status = 'differs';
      else if (d.better) cell.status = 'better';
    }
  }
  for (const row of rows) for (const cell of row.cells) cell.classes.sort((a, b) => classOrder.get(a)! - classOrder.get(b)!);
  for (const office of offices) {
    if (!office.usable || office.isReference) continue;
    const score: Score = { total: 0, agree: 0, better: 0, differs: 0, missing: 0, unavailable: 0, extra: 0, score: 1 };
    for (const row of rows) {
      const status = row.cells[office.index]!.status;
      if (status === 'extra') score.extra++;
      if (!row.inReference) continue;
      score.total++;
      if (status === 'agree') score.agree++;
      else if (status === 'better') score.better++;
      else if (status === 'differs') score.differs++;
      else if (status === 'missing') score.missing++;
      else if (status === 'unavailable') score.unavailable++;
    }
    score.score = score.total ? (score.agree + score.better) / score.total : 1;
    office.score = score;
  }

  divergences.sort((a, b) => a.row - b.row || a.office - b.office || LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || classOrder.get(a.classId)! - classOrder.get(b.classId)! || compare(a.detail ?? '', b.detail ?? ''));
  const looseMatches: LooseMatch[] = loose.map(({ context, place, position, ...match }) => ({ ...match, ...(position ? { position } : place ? { position: resolve(context.local, place)! } : {}) }));
  return { locale, mode, offices, rows, divergences, loose: looseMatches };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Divergences that count for gating: at or above the level. */
export function failingDivergences(result: CompareResult, failOn: ChangeLevel | 'none'): Divergence[] {
  if (failOn === 'none') return [];
  return result.divergences.filter((d) => LEVEL_RANK[d.level] >= LEVEL_RANK[failOn]);
}
