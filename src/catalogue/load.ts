// Reads every file of a catalogue, reports what cannot be read or parsed, validates the schema and builds the model.
import { decode, parseYaml } from './parse.js';
import { buildCatalogue, emptySections, isSection, KEY_FIELD, type Catalogue, type Entry, type Keys, type SourceFile } from './model.js';
import { CONFIG_FILE, SourceError, displayPath, type CatalogueSource } from './source.js';
import { getValidators, validateData } from '../schema/validator.js';
import type { Config } from '../schema/definitions.js';
import type { DocPath, RawFinding } from '../findings.js';

/** Files above this size are refused rather than risk exhausting memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface LoadResult {
  catalogue: Catalogue;
  findings: RawFinding[];
  /** False when qingdan.yaml itself is broken: that is a usage problem (exit 2), not a finding about the lists. */
  configOk: boolean;
}

interface ReadResult {
  file: SourceFile | undefined;
  data: unknown;
  findings: RawFinding[];
}

function readAndParse(source: CatalogueSource, relativePath: string): ReadResult {
  const file = displayPath(source, relativePath);
  let bytes: Uint8Array;
  try {
    bytes = source.readFile(relativePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { file: undefined, data: undefined, findings: [{ ruleId: 'file/unreadable', messageId: 'unreadable', data: { code }, place: { file, path: [], range: [0, 0], text: '' } }] };
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { file: undefined, data: undefined, findings: [{ ruleId: 'file/too-large', messageId: 'too-large', data: { size: Math.round(bytes.byteLength / 1048576), limit: MAX_FILE_BYTES / 1048576 }, place: { file, path: [], range: [0, 0], text: '' } }] };
  }
  const decoded = decode(bytes, file);
  if (!decoded.ok) return { file: undefined, data: undefined, findings: [decoded.finding] };
  const sourceFile: SourceFile = { file, relativePath, text: decoded.text };
  const parsed = parseYaml(decoded.text, file);
  const findings = [...parsed.problems];
  if (parsed.empty) findings.push({ ruleId: 'file/empty', messageId: 'empty', place: { file, path: [], range: [0, 0] } });
  return { file: sourceFile, data: parsed.empty ? undefined : parsed.data, findings };
}

const DEFAULT_CONFIG: Config = { name: '' };

export function loadCatalogue(source: CatalogueSource): LoadResult {
  if (!source.hasConfig()) throw new SourceError('no-config', { root: source.displayRoot });
  const validators = getValidators();
  const files = new Map<string, SourceFile>();
  const findings: RawFinding[] = [];

  const configRead = readAndParse(source, CONFIG_FILE);
  const configFile = displayPath(source, CONFIG_FILE);
  if (configRead.file) files.set(configFile, configRead.file);
  findings.push(...configRead.findings.filter((f) => f.ruleId !== 'file/empty'));
  let config = DEFAULT_CONFIG;
  let configOk = configRead.findings.every((f) => f.ruleId === 'yaml/duplicate-key');
  if (configRead.file) {
    const checked = validateData(validators.config, configRead.data ?? {}, configFile);
    findings.push(...checked.findings);
    if (checked.findings.length) configOk = false;
    else config = configRead.data as Config;
  }

  const sections = emptySections();
  const keys: Keys = { departments: new Map(), laws: new Map(), powers: new Map(), flows: new Map() };
  for (const relativePath of source.listFiles()) {
    const read = readAndParse(source, relativePath);
    findings.push(...read.findings);
    if (!read.file) continue;
    files.set(read.file.file, read.file);
    if (read.data === undefined) continue;
    const checked = validateData(validators.file, read.data, read.file.file);
    findings.push(...checked.findings);
    collectEntries(read.file.file, read.data, checked.invalid, sections, keys);
  }
  return { catalogue: buildCatalogue(source.displayRoot, configFile, config, files, sections, keys), findings, configOk };
}

function collectEntries(file: string, data: unknown, invalid: DocPath[], sections: ReturnType<typeof emptySections>, keys: Keys): void {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  const wholeFileInvalid = invalid.some((p) => p.length === 0);
  const invalidSections = new Set(invalid.filter((p) => p.length === 1).map((p) => p[0]));
  const invalidEntries = new Set(invalid.filter((p) => p.length >= 2).map((p) => `${p[0]}/${p[1]}`));
  for (const [section, items] of Object.entries(data)) {
    if (!isSection(section) || !Array.isArray(items)) continue;
    items.forEach((value: unknown, index) => {
      const entry: Entry<unknown> = { value, file, path: [section, index] };
      if (section !== 'responsibilities' && value && typeof value === 'object') {
        const key = (value as Record<string, unknown>)[KEY_FIELD[section]];
        if (typeof key === 'string') {
          const list = keys[section].get(key);
          if (list) list.push(entry);
          else keys[section].set(key, [entry]);
        }
      }
      const valid = !wholeFileInvalid && !invalidSections.has(section) && !invalidEntries.has(`${section}/${index}`);
      if (valid) (sections[section] as Entry<unknown>[]).push(entry);
    });
  }
}
