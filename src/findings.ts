// The shape every check produces and every formatter consumes.

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** A path into a parsed YAML document: keys and sequence indexes, e.g. ['powers', 3, 'time_limit']. */
export type DocPath = ReadonlyArray<string | number>;

export type MessageData = Record<string, string | number | undefined>;

/** Where a check points: a file of the catalogue and a path inside it. `key` points at the mapping key instead of its value. */
export interface Place {
  file: string;
  path: DocPath;
  key?: boolean;
  /** Offsets into the text, for problems found before there is data to walk (syntax, encoding). Wins over `path`. */
  range?: [number, number];
  /** The text the range refers to, when it is not the file's decoded text (a lossy decoding of a non-UTF-8 file). */
  text?: string;
}

/** What a check returns: no positions, no text, no severity — those are resolved in one place. */
export interface RawFinding {
  ruleId: string;
  messageId: string;
  data?: MessageData;
  place: Place;
  related?: Array<{ place: Place; messageId: string; data?: MessageData }>;
}

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Span {
  file: string;
  path: DocPath;
  message: string;
}

/** A finding ready for output: severity from config, message in the chosen language, 1-based positions. */
export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  messages: Record<Locale, string>;
  file: string;
  path: DocPath;
  related: RelatedLocation[];
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** `powers[3].time_limit.promised`, the form people read and JSONPath tools accept after a `$.`. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `$.powers[3].time_limit.promised` (JSONPath), for machine consumers. */
export function jsonPath(path: DocPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
