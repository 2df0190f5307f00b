// The in-memory catalogue that rules read: entries with their place, and indexes by id and code.
import type { Config, Department, Flow, Law, Power, Responsibility, SectionName } from '../schema/definitions.js';
import type { DocPath } from '../findings.js';

export interface Entry<T> {
  value: T;
  /** Display path of the file the entry is in. */
  file: string;
  /** Path of the entry inside its file, e.g. ['powers', 3]. */
  path: DocPath;
}

export interface SourceFile {
  /** Display path (relative to the working directory, posix). */
  file: string;
  /** Path relative to the catalogue root. */
  relativePath: string;
  text: string;
}

export interface Sections {
  departments: Entry<Department>[];
  laws: Entry<Law>[];
  powers: Entry<Power>[];
  responsibilities: Entry<Responsibility>[];
  flows: Entry<Flow>[];
}

/** Every entry that has a usable key, valid or not: references to it resolve, and duplicates of it are found. */
export interface Keys {
  departments: Map<string, Entry<unknown>[]>;
  laws: Map<string, Entry<unknown>[]>;
  powers: Map<string, Entry<unknown>[]>;
  flows: Map<string, Entry<unknown>[]>;
}

export interface Catalogue {
  displayRoot: string;
  configFile: string;
  config: Config;
  files: Map<string, SourceFile>;
  /** Schema-valid entries only: rules can trust their types. */
  sections: Sections;
  keys: Keys;
  departmentById: Map<string, Entry<Department>>;
  lawById: Map<string, Entry<Law>>;
  powerByCode: Map<string, Entry<Power>>;
  flowById: Map<string, Entry<Flow>>;
  /**
   * Files whose entries could not be read (not decodable, YAML errors, unreadable), with the sections each may hold
   * (its top-level keys as written; 'any' when there is no text to look at): an id used elsewhere may be defined
   * there, so rules that look such ids up wait until it is mended (Rule.looksUp).
   */
  unread: UnreadFile[];
  /**
   * Entries the schema check left out of `sections` (their findings say why). With schema/* rules set to warning or
   * off they are still left out: what reads the catalogue (the site, the flowcharts) must not silently lack them.
   */
  leftOut: Entry<unknown>[];
}

export interface UnreadFile {
  file: string;
  sections: SectionName[] | 'any';
}

/** True when entries of this section may be in a file that could not be read. */
export function mayBeUnread(catalogue: Catalogue, section: SectionName): boolean {
  return catalogue.unread.some((unread) => unread.sections === 'any' || unread.sections.includes(section));
}

/** The sections a text's top-level keys name; 'any' when it has no top-level key at all (nothing to go by). */
export function sectionsWritten(text: string | undefined): SectionName[] | 'any' {
  if (text === undefined) return 'any';
  const keys = [...text.matchAll(/^([A-Za-z_][\w-]*)[ \t]*:/gm)].map((match) => match[1]!);
  return keys.length ? [...new Set(keys.filter(isSection))] : 'any';
}

export const KEY_FIELD: Record<keyof Keys, string> = { departments: 'id', laws: 'id', powers: 'code', flows: 'id' };

export function emptySections(): Sections {
  return { departments: [], laws: [], powers: [], responsibilities: [], flows: [] };
}

export function isSection(name: string): name is SectionName {
  return name === 'departments' || name === 'laws' || name === 'powers' || name === 'responsibilities' || name === 'flows';
}

function firstByKey<T>(entries: Entry<T>[], key: (value: T) => string): Map<string, Entry<T>> {
  const map = new Map<string, Entry<T>>();
  for (const entry of entries) {
    const k = key(entry.value);
    if (!map.has(k)) map.set(k, entry);
  }
  return map;
}

export function buildCatalogue(
  displayRoot: string,
  configFile: string,
  config: Config,
  files: Map<string, SourceFile>,
  sections: Sections,
  keys: Keys,
  unread: UnreadFile[] = [],
  leftOut: Entry<unknown>[] = [],
): Catalogue {
  return {
    displayRoot,
    configFile,
    config,
    files,
    sections,
    keys,
    unread,
    leftOut,
    departmentById: firstByKey(sections.departments, (d) => d.id),
    lawById: firstByKey(sections.laws, (l) => l.id),
    powerByCode: firstByKey(sections.powers, (p) => p.code),
    flowById: firstByKey(sections.flows, (f) => f.id),
  };
}
