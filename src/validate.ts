// load → check → resolve: runs every rule over a catalogue and returns findings with severities, messages and positions.
import { loadCatalogue, loadCatalogueSync, type LoadOptions, type LoadResult } from './catalogue/load.js';
import { SourceError, type CatalogueSource } from './catalogue/source.js';
import { Positions } from './catalogue/positions.js';
import type { Catalogue } from './catalogue/model.js';
import { catalogueRules, ruleById } from './rules/index.js';
import type { RuleContext } from './rules/types.js';
import { eachEntry, type EntryMemo } from './rules/entry-memo.js';
import { codeFormatOf } from './profiles/index.js';
import { localeFromEnvironment, ruleMessage, ui } from './i18n/index.js';
import { UsageError } from './errors.js';
import { settingFor } from './settings.js';
import { LOCALES, type Finding, type Locale, type RawFinding, type Severity } from './findings.js';
import type { SeveritySetting } from './schema/definitions.js';
import { mayBeUnread } from './catalogue/model.js';

export interface CatalogueSummary {
  name: string;
  root: string;
  files: number;
  departments: number;
  laws: number;
  powers: number;
  responsibilities: number;
  flows: number;
}

export interface ValidateResult {
  findings: Finding[];
  summary: CatalogueSummary;
  /** Texts of the files findings point into, for code frames. */
  sources: Map<string, string>;
  /** Rules that failed on this input: a bug of ours, reported apart from the findings. */
  internalErrors: string[];
  catalogue: Catalogue;
  locale: Locale;
}

export interface ValidateOptions {
  /** --lang; otherwise the catalogue's locale, then the environment's, then zh-CN. */
  explicitLocale?: Locale | undefined;
  environment?: NodeJS.ProcessEnv;
  /** A resident build (serve) keeps rules' per-entry findings here between builds. */
  entryMemo?: EntryMemo;
  /**
   * Called once the catalogue is read and its settings hold, before the rules run: a build starts the thread that
   * will make its open data and drawings, which then starts up while this one checks.
   */
  loaded?: (catalogue: Catalogue, locale: Locale) => void;
}

/** The configured severity of a rule: exact id, then the longest `prefix/*` entry, then the rule's default. */
export function severityFor(ruleId: string, settings: Record<string, SeveritySetting> | undefined): Severity | 'off' {
  return settingFor(ruleId, settings) ?? ruleById.get(ruleId)?.severity ?? 'error';
}

/** For a catalogue whose qingdan.yaml loaded without errors: the loader has reported a wrong profile or code_pattern. */
export function createRuleContext(catalogue: Catalogue, entries?: EntryMemo): Omit<RuleContext, 'eachEntry'> {
  const { format } = codeFormatOf(catalogue.config, catalogue.configFile);
  if (!format) throw new Error(`${catalogue.configFile}: profile or code_pattern not checked when loading`);
  return { catalogue, ...format, entries };
}

export function runRules(context: Omit<RuleContext, 'eachEntry'>): { findings: RawFinding[]; internalErrors: Array<{ rule: string; detail: string }> } {
  const findings: RawFinding[] = [];
  const internalErrors: Array<{ rule: string; detail: string }> = [];
  const settings = context.catalogue.config.rules;
  for (const rule of catalogueRules) {
    if (severityFor(rule.id, settings) === 'off') continue;
    if (rule.looksUp?.some((section) => mayBeUnread(context.catalogue, section))) continue;
    try {
      const own: RuleContext = { ...context, eachEntry: (list, check) => eachEntry(context.entries, rule.id, list, check) };
      for (const finding of rule.check(own)) findings.push(finding);
    } catch (error) {
      internalErrors.push({ rule: rule.id, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return { findings, internalErrors };
}

/** Turns raw findings into output findings: severity from config (dropping `off`), both languages, positions. */
export class Resolver {
  private readonly positions: Positions;

  constructor(
    texts: (file: string) => string | undefined,
    private readonly settings: Record<string, SeveritySetting> | undefined,
    private readonly locale: Locale,
  ) {
    this.positions = new Positions(texts);
  }

  resolve(raw: RawFinding): Finding | undefined {
    const severity = severityFor(raw.ruleId, this.settings);
    if (severity === 'off') return undefined;
    const messages = Object.fromEntries(LOCALES.map((l) => [l, ruleMessage(l, raw.ruleId, raw.messageId, raw.data)])) as Record<Locale, string>;
    return {
      ruleId: raw.ruleId,
      severity,
      message: messages[this.locale],
      messages,
      file: raw.place.file,
      path: raw.place.path,
      ...this.positions.span(raw.place),
      related: (raw.related ?? []).map((related) => ({
        file: related.place.file,
        path: related.place.path,
        message: ruleMessage(this.locale, raw.ruleId, related.messageId, related.data),
        ...this.positions.span(related.place),
      })),
    };
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Entries as written, per section: valid or not, and each of two entries that share a code (after an import --append
 * of rows already there, "2 powers" was said of a file of 4). It counted distinct ids and codes, and valid
 * responsibilities only.
 */
export function summarise(catalogue: Catalogue): CatalogueSummary {
  const { sections, leftOut } = catalogue;
  const count = (section: keyof typeof sections) => sections[section].length + leftOut.filter((entry) => entry.path[0] === section).length;
  return {
    name: catalogue.config.name || catalogue.displayRoot,
    root: catalogue.displayRoot,
    files: catalogue.files.size,
    departments: count('departments'),
    laws: count('laws'),
    powers: count('powers'),
    responsibilities: count('responsibilities'),
    flows: count('flows'),
  };
}

export function translateSourceError(error: unknown): never {
  if (error instanceof SourceError) throw new UsageError(error.messageId === 'config-folder' ? 'config-folder' : 'no-config', error.data);
  throw error;
}

/** Validates synchronously, without cache or workers: tests and in-memory sources. */
export function validateCatalogue(source: CatalogueSource, options: ValidateOptions & Pick<LoadOptions, 'projection'>): ValidateResult {
  let loaded: LoadResult;
  try {
    loaded = loadCatalogueSync(source, options.projection);
  } catch (error) {
    translateSourceError(error);
  }
  return checkLoaded(loaded, options);
}

export async function validateCatalogueAsync(source: CatalogueSource, options: ValidateOptions & LoadOptions): Promise<ValidateResult> {
  let loaded: LoadResult;
  try {
    loaded = await loadCatalogue(source, options);
  } catch (error) {
    translateSourceError(error);
  }
  return checkLoaded(loaded, options);
}

function checkLoaded(loaded: LoadResult, options: ValidateOptions): ValidateResult {
  const { catalogue } = loaded;
  const texts = (file: string) => catalogue.files.get(file)?.text;
  const locale = options.explicitLocale ?? catalogue.config.locale ?? localeFromEnvironment(options.environment ?? {}) ?? 'zh-CN';
  if (!loaded.configOk) {
    const resolver = new Resolver(texts, undefined, locale);
    const configFindings = loaded.findings.filter((f) => f.place.file === catalogue.configFile).map((f) => resolver.resolve(f)!);
    throw new UsageError('config-invalid', {}, configFindings);
  }
  options.loaded?.(catalogue, locale);
  const context = createRuleContext(catalogue, options.entryMemo);
  // A cached result holds every raw finding of an unchanged catalogue; severities and positions are still resolved now.
  const checked = loaded.cached ? { findings: [], internalErrors: [] } : runRules(context);
  const raws = loaded.cached ? loaded.cached.findings : [...loaded.findings, ...checked.findings];
  const summary = loaded.cached ? (loaded.cached.summary as CatalogueSummary) : summarise(catalogue);
  if (!loaded.cached && !checked.internalErrors.length) loaded.store?.(raws, summary);
  const resolver = new Resolver(texts, catalogue.config.rules, locale);
  const findings: Finding[] = [];
  for (const raw of raws) {
    const finding = resolver.resolve(raw);
    if (finding) findings.push(finding);
  }
  findings.sort(compareFindings);
  const sources = new Map<string, string>();
  for (const finding of findings) {
    for (const file of [finding.file, ...finding.related.map((r) => r.file)]) {
      const text = texts(file);
      if (text !== undefined) sources.set(file, text);
    }
  }
  return {
    findings,
    summary,
    sources,
    internalErrors: checked.internalErrors.map((e) => ui(locale, 'rule-crashed', e)),
    catalogue,
    locale,
  };
}
