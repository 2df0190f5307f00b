// Bytes → text → data for one catalogue file, with parse problems as findings; a fast path for the common clean file.
import { isUtf8 } from 'node:buffer';
import jsYaml from 'js-yaml';
import type { Document } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { RawFinding } from '../findings.js';
import { withLineFeeds } from './source-map.js';

/** Aliases expanded past this many nodes are treated as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export type DecodeResult = { ok: true; text: string } | { ok: false; finding: RawFinding };

/**
 * Catalogue files must be UTF-8. Offices often save GB18030/GBK from Excel or WPS, so when a file is not UTF-8 we say
 * whether it decodes as GB18030 and give the conversion command, pointing at the first byte that is wrong.
 */
/** A text without its byte-order mark: positions, parsing and fmt all count from the character after it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function decode(bytes: Uint8Array, file: string): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      finding: { ruleId: 'file/encoding', messageId: 'utf16', data: { file }, place: { file, path: [], range: [0, 0] } },
    };
  }
  // isUtf8 and Buffer#toString are native and several times faster than a fatal TextDecoder on large catalogues.
  if (isUtf8(bytes)) {
    return { ok: true, text: withoutBom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) };
  }
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const offset = Math.max(0, lossy.indexOf('\ufffd'));
  let gb18030 = false;
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    gb18030 = true;
  } catch {
    gb18030 = false;
  }
  return {
    ok: false,
    finding: {
      ruleId: 'file/encoding',
      messageId: gb18030 ? 'gb18030' : 'not-utf8',
      data: { file },
      // Positions are given in the lossy decoding, which is what an editor shows for such a file.
      place: { file, path: [], range: [offset, offset + 1], text: lossy },
    },
  };
}

export interface ParseResult {
  /** undefined when the file could not be turned into data (its problems say why). */
  data: unknown;
  problems: RawFinding[];
  empty: boolean;
}

// The fast path must read every plain scalar as the full parser does (`yaml`, YAML 1.2 core schema): js-yaml's own
// core schema takes `0b101`, `+0o7` and `1_000` for numbers and `-.5` for text, so numbers use 1.2's patterns here.
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const int12 = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && (INT.test(text) || OCT.test(text) || HEX.test(text)),
  construct: (text: string) => (OCT.test(text) ? parseInt(text.slice(2), 8) : HEX.test(text) ? parseInt(text.slice(2), 16) : Number(text)),
});
const float12 = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && !INT.test(text) && (FLOAT.test(text) || SPECIAL_FLOAT.test(text)),
  construct: (text: string) => {
    if (!SPECIAL_FLOAT.test(text)) return Number(text);
    if (/nan/i.test(text)) return NaN;
    return text.startsWith('-') ? -Infinity : Infinity;
  },
});

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const null12 = new jsYaml.Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (text: string | null) => text === null || NULL.test(text), construct: () => null });
const bool12 = new jsYaml.Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (text: string | null) => text !== null && BOOL.test(text), construct: (text: string) => /^t/i.test(text) });

/** js-yaml set up to read plain scalars as `yaml` does (YAML 1.2 core): null, booleans and numbers. */
export const CORE_1_2 = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [null12, bool12, int12, float12] });

// Aliases and merge keys need the full parser, which bounds alias expansion; js-yaml would hand back a shared
// graph that every later walk expands again.
const NEEDS_FULL_PARSER = /(?:^|[\s[{,:-])\*[^\s,\]}]|<<\s*:/;

export function parseYaml(text: string, file: string): ParseResult {
  if (!NEEDS_FULL_PARSER.test(text)) {
    try {
      // Dates stay strings (YAML 1.2 core, as the schemas expect), yes/no stay strings.
      const data = jsYaml.load(text, { schema: CORE_1_2, filename: file });
      return { data, problems: [], empty: data === undefined || data === null };
    } catch {
      // Fall through: the full parser finds every problem in the file with its position.
    }
  }
  return parseFully(text, file);
}

/**
 * What YAML does not allow anywhere in a stream (1.2 §5.1, only printable characters): C0 controls but tab, LF and
 * CR; DEL; C1 controls but NEL; U+FFFE, U+FFFF. js-yaml refuses a file with any (so the fast path lets none through),
 * the `yaml` package reads them into the data without a word: they are checked here, one finding for each run.
 */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]+/g;

const C0_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];

/** `U+0000 (NUL)`: the code point, which editors' "go to character" and search take, and the control's usual name. */
function characterName(code: number): string {
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'DEL' : undefined;
  const point = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return name ? `${point} (${name})` : point;
}

function nonPrintable(text: string, file: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const match of text.matchAll(NON_PRINTABLE)) {
    const start = match.index;
    const data = { character: characterName(match[0].charCodeAt(0)) };
    out.push({ ruleId: 'yaml/syntax', messageId: 'NON_PRINTABLE', data, place: { file, path: [], range: [start, start + match[0].length] } });
  }
  return out;
}

const SYNTAX_CODES_WITH_HINT = new Set([
  'BAD_INDENT', 'TAB_AS_INDENT', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN', 'BAD_SCALAR_START', 'MULTIPLE_DOCS', 'KEY_OVER_1024_CHARS', 'BAD_DIRECTIVE', 'IMPOSSIBLE',
]);

function parseFully(original: string, file: string): ParseResult {
  // js-yaml breaks lines at a lone CR as YAML 1.2 says; `yaml` needs it as LF (same offsets) to read the same data.
  const text = withLineFeeds(original);
  const unprintable = nonPrintable(text, file);
  let document: Document;
  try {
    // uniqueKeys off: duplicates are found below, with both places, instead of as the parser's one-sided error.
    document = yamlLib().parseDocument(text, { uniqueKeys: false, merge: true, strict: true, prettyErrors: false });
  } catch (error) {
    return { data: undefined, problems: [...unprintable, tooDeep(file, error)], empty: false };
  }
  const problems: RawFinding[] = [...unprintable];
  let syntaxBroken = unprintable.length > 0;
  for (const error of document.errors) {
    const [start, end] = error.pos;
    syntaxBroken = true;
    if (/call stack/i.test(error.message)) {
      problems.push({ ruleId: 'yaml/too-deep', messageId: 'too-deep', place: { file, path: [], range: [start, start + 1] } });
      continue;
    }
    // A [ or { never closed is reported, as an indentation error, where the next key starts: it is named for what it
    // is, at the bracket that opens it, where the editor should go.
    const bracket = /^Flow (sequence|mapping|map) in block collection/.test(error.message) ? unclosedBracket(text, start) : undefined;
    const hint = bracket !== undefined ? 'UNCLOSED_FLOW' : SYNTAX_CODES_WITH_HINT.has(error.code) ? error.code : 'OTHER';
    // An unclosed quote is reported where the file ends; the opening quote is where the editor should go.
    const opening = bracket ?? (error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? openingQuote(text, start) : undefined);
    const range: [number, number] = opening !== undefined ? [opening, opening + 1] : [start, Math.max(start + 1, end)];
    problems.push({
      ruleId: 'yaml/syntax',
      messageId: hint,
      data: { detail: error.message.split('\n')[0] ?? error.code },
      place: { file, path: [], range },
    });
  }
  if (syntaxBroken) return { data: undefined, problems, empty: false };
  problems.push(...duplicateKeys(document, file));
  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { data, problems, empty: data === undefined || data === null };
  } catch (error) {
    if (error instanceof RangeError) return { data: undefined, problems: [...problems, tooDeep(file, error)], empty: false };
    let range: [number, number] = [0, 0];
    yamlLib().visit(document, {
      Alias(_key, node) {
        if (yamlLib().isAlias(node) && node.range) {
          range = [node.range[0], node.range[1]];
          return yamlLib().visit.BREAK;
        }
        return undefined;
      },
    });
    return {
      data: undefined,
      problems: [...problems, { ruleId: 'yaml/alias-limit', messageId: 'excessive', data: { limit: MAX_ALIAS_COUNT }, place: { file, path: [], range } }],
      empty: false,
    };
  }
}

function tooDeep(file: string, error: unknown): RawFinding {
  if (!(error instanceof RangeError)) throw error;
  return { ruleId: 'yaml/too-deep', messageId: 'too-deep', place: { file, path: [], range: [0, 0] } };
}

/** Keys that occur twice in one mapping, each pointing at the later key with the first as related place. */
function duplicateKeys(document: Document, file: string): RawFinding[] {
  const out: RawFinding[] = [];
  yamlLib().visit(document, {
    Map(_key, map) {
      const first = new Map<string, [number, number]>();
      for (const pair of map.items) {
        if (!yamlLib().isScalar(pair.key) || !pair.key.range) continue;
        const name = String(pair.key.value);
        const range: [number, number] = [pair.key.range[0], pair.key.range[1]];
        const earlier = first.get(name);
        if (!earlier) {
          first.set(name, range);
          continue;
        }
        out.push({
          ruleId: 'yaml/duplicate-key',
          messageId: 'duplicate',
          data: { key: name },
          place: { file, path: [], range },
          related: [{ place: { file, path: [], range: earlier }, messageId: 'first', data: { key: name } }],
        });
      }
    },
  });
  return out;
}

/** Offset of the quoted scalar that is still open at `offset`, from the parser's concrete syntax tree. */
/** The offset of the last [ or { before `offset` that its collection never closes (the CST keeps what it read). */
function unclosedBracket(text: string, offset: number): number | undefined {
  let found: number | undefined;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const token = node as { type?: string; start?: { offset: number; source: string }; end?: Array<{ source: string }> };
    if (token.type === 'flow-collection' && token.start && token.start.offset < offset) {
      const closing = token.start.source === '[' ? ']' : '}';
      if (!(token.end ?? []).some((end) => end.source === closing) && (found === undefined || token.start.offset > found)) found = token.start.offset;
    }
    for (const value of Object.values(node)) walk(value);
  };
  for (const token of new (yamlLib().Parser)().parse(text)) walk(token);
  return found;
}

function openingQuote(text: string, offset: number): number | undefined {
  let found: number | undefined;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || found !== undefined) return;
    const token = node as { type?: string; offset?: number; source?: string };
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && typeof token.offset === 'number' && typeof token.source === 'string') {
      if (token.offset <= offset && token.offset + token.source.length >= offset) found = token.offset;
      return;
    }
    for (const value of Object.values(node)) walk(value);
  };
  for (const token of new (yamlLib().Parser)().parse(text)) walk(token);
  return found;
}
