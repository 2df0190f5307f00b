// Canonical layout of one catalogue file: keys in the order of the format's fields, quotes only where YAML needs them,
// comments and blank lines kept. The `yaml` package's document model does the printing; we only reorder and unquote.
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { Lexer, isMap, isScalar, isSeq, parseDocument, visit, type CST, type Document, type Node, type Pair, type Scalar, type ScalarTag } from 'yaml';
import { decode, parseYaml, withoutBom } from '../catalogue/parse.js';
import { LINE_BREAK } from '../catalogue/source-map.js';
import { isSection } from '../catalogue/model.js';
import type { RawFinding } from '../findings.js';
import { schemaFor, type JsonSchema } from './schemas.js';

export type FileKind = 'file' | 'config';

export type FormatOutcome =
  | { status: 'formatted'; text: string; changed: boolean }
  /** Not a catalogue file (no top-level section): left alone. */
  | { status: 'skipped' }
  /** The file cannot be read as YAML: its problems, as findings (encoding, syntax…). */
  | { status: 'broken'; findings: RawFinding[] }
  /**
   * Left alone: reordering would put an alias before its anchor (`alias`), or the result read back differs in data
   * (`data`) or comments (`comments`) — a shortcoming of fmt, not of the file.
   */
  | { status: 'unsafe'; reason: 'alias' | 'data' | 'comments' };

/** How every file is printed: two-space indents, lists indented under their key, no line folding, `[a, b]`. */
export const PRINT_OPTIONS = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/**
 * A file keeps its own line ends (those of its first line break: CR LF from a Windows editor, or a lone CR) and its
 * byte-order mark: rewriting them would change every line of the file in git for no change of layout, and fail
 * `--check` on every file of a Windows checkout (core.autocrlf). The layout is worked on with LF.
 */
function hasBom(input: Uint8Array | string): boolean {
  return typeof input === 'string' ? input.startsWith('\ufeff') : input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
}

export function formatText(input: Uint8Array | string, file: string, kind: FileKind): FormatOutcome {
  let original: string;
  if (typeof input === 'string') original = withoutBom(input);
  else {
    const decoded = decode(input, file);
    if (!decoded.ok) return { status: 'broken', findings: [decoded.finding] };
    original = decoded.text;
  }
  const bom = hasBom(input) ? '\ufeff' : '';
  const lineEnd = LINE_BREAK.exec(original)?.[0] ?? '\n';
  // Every line break as LF: YAML reads CR LF and a lone CR as LF anyway, so the data is the same.
  const text = original.replace(/\r\n?/g, '\n');
  const parsed = parseYaml(text, file);
  const fatal = parsed.problems.filter((p) => p.ruleId !== 'yaml/duplicate-key');
  if (parsed.data === undefined && !parsed.empty) return { status: 'broken', findings: fatal.length ? fatal : parsed.problems };
  if (kind === 'file' && !isCatalogueData(parsed.data) && !parsed.empty) return { status: 'skipped' };

  const document = parseDocument(text, { uniqueKeys: false, merge: true, keepSourceTokens: true, customTags: (tags) => [...tags, AS_WRITTEN] });
  const data = document.toJS({ maxAliasCount: -1 }) as unknown;
  const root = schemaFor(kind);
  if (document.contents) arrange(document.contents as Node, root, false);
  unquote(document);
  keepNumbers(document, text);
  keepBlockScalars(document);
  keepTrailingComment(document, text);
  let output: string;
  try {
    output = document.toString(PRINT_OPTIONS);
  } catch (error) {
    // The printer refuses an alias that now comes before its anchor; anything else it cannot print is not the file's
    // aliases (a `!!binary` value, which `yaml` cannot print without line folding), and is not blamed on them.
    return { status: 'unsafe', reason: error instanceof Error && /alias/i.test(error.message) ? 'alias' : 'data' };
  }

  const written = bom + (lineEnd === '\n' ? output : output.replaceAll('\n', lineEnd));
  // A file already in its canonical layout (line ends and all) prints as it was written: the same text is the same
  // data and comments, so the safety nets below, each as costly as the parse above, have nothing to check. That is
  // most files on most runs, and every file of a catalogue that passes `fmt --check` in CI.
  if (written === bom + original) return { status: 'formatted', text: written, changed: false };

  // Safety nets: the data read back must be the same, and every comment must still be there.
  const reread = parseDocument(output, { uniqueKeys: false, merge: true });
  if (reread.errors.length || !isDeepStrictEqual(reread.toJS({ maxAliasCount: -1 }), data)) return { status: 'unsafe', reason: 'data' };
  if (!sameComments(text, output)) return { status: 'unsafe', reason: 'comments' };
  // …and the same as validate reads it (its fast path included), with the file's own line ends.
  if (!isDeepStrictEqual(parseYaml(written.slice(bom.length), file).data, parsed.data)) return { status: 'unsafe', reason: 'data' };
  return { status: 'formatted', text: written, changed: true };
}

function isCatalogueData(data: unknown): boolean {
  return !!data && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).some(isSection);
}

/** The schema that describes a mapping's members, following `$ref`, and `if/then/else` by which key the mapping has. */
function objectSchema(schema: JsonSchema | undefined, keys: Set<string>): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.if && schema.then && schema.else) {
    const required = (schema.if.required ?? []) as string[];
    return objectSchema(required.every((key) => keys.has(key)) ? schema.then : schema.else, keys);
  }
  return schema;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Reorders every mapping's keys by the schema (unknown keys keep their order, after the known ones) and recurses. */
function arrange(node: Node, schema: JsonSchema | undefined, inSequence: boolean): void {
  if (isMap(node)) {
    const keys = new Set(node.items.map(keyOf).filter((k): k is string => k !== undefined));
    const target = objectSchema(schema, keys);
    const properties = (target?.properties ?? {}) as Record<string, JsonSchema>;
    const order = Object.keys(properties);
    const rank = (pair: Pair): number => {
      const index = order.indexOf(keyOf(pair) ?? '');
      return index < 0 ? order.length : index;
    };
    const sorted = node.items.map((pair, index) => ({ pair, index })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index);
    // A key's comment and the blank line before it travel with the key.
    const moved = sorted.some((entry, index) => entry.index !== index);
    node.items = sorted.map((entry) => entry.pair);
    const first = node.items[0];
    if (moved && inSequence && first && isScalar(first.key) && (first.key.commentBefore || first.key.spaceBefore)) {
      // `- ` shares its line with the first key: a comment of a key that became first goes above the item instead
      // (a blank line there would split the item from its dash).
      if (first.key.commentBefore) node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${first.key.commentBefore}` : first.key.commentBefore;
      first.key.commentBefore = undefined;
      first.key.spaceBefore = undefined;
    }
    for (const pair of node.items) {
      const key = keyOf(pair);
      const child = key === undefined ? undefined : (properties[key] ?? additional(target));
      if (pair.value && typeof pair.value === 'object') arrange(pair.value as Node, child, false);
    }
  } else if (isSeq(node)) {
    const items = schema?.items as JsonSchema | undefined;
    for (const item of node.items) if (item && typeof item === 'object') arrange(item as Node, items, true);
  }
}

function additional(schema: JsonSchema | undefined): JsonSchema | undefined {
  const value = schema?.additionalProperties;
  return value && typeof value === 'object' ? (value as JsonSchema) : undefined;
}

/**
 * The printer puts a blank line before a comment at the end of the file; when the file had none there, the comment
 * is handed to the last collection instead, which prints it right below.
 */
function keepTrailingComment(document: Document, text: string): void {
  const contents = document.contents;
  if (!document.comment || !contents || !(isMap(contents) || isSeq(contents))) return;
  const lines = text.replace(/\s+$/, '').split('\n');
  let index = lines.length - 1;
  while (index >= 0 && /^\s*(#.*)?$/.test(lines[index]!)) index--;
  if (/^\s*$/.test(lines[index + 1] ?? '')) return;
  contents.comment = contents.comment ? `${contents.comment}\n${document.comment}` : document.comment;
  document.comment = null;
}

/**
 * Quotes only where YAML needs them (`yaml` then picks plain, or double quotes); block scalars stay as written.
 * "Needs" is judged for YAML 1.1 readers too (PyYAML, js-yaml's default schema, older office tools): they read plain
 * `0b101`, `+0o7`, `-0x1` as numbers where YAML 1.2 — and qingdan — reads text, so such a string keeps its quotes.
 */
function unquote(document: Document): void {
  visit(document, {
    Scalar(_key, scalar) {
      if (typeof scalar.value !== 'string') return;
      if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return;
      scalar.type = numberToJsYaml(scalar.value) ? 'QUOTE_DOUBLE' : undefined;
    },
  });
}

type StringifyContext = Parameters<NonNullable<ScalarTag['stringify']>>[1];

/** A number as its file writes it: `yaml` would print its value instead (see keepNumbers). */
class AsWritten {
  constructor(readonly text: string) {}

  print(_context: StringifyContext, _onComment?: () => void, _onChompKeep?: () => void): string {
    return this.text;
  }
}

/** Prints an AsWritten as its text, with no tag (`default`); never matches when reading (no `test`). */
const AS_WRITTEN: ScalarTag = {
  identify: (value) => value instanceof AsWritten,
  default: true,
  tag: 'tag:qingdan.local,2026:as-written',
  resolve: (text) => new AsWritten(text),
  stringify: (item, context, onComment, onChompKeep) => (item as Scalar<AsWritten>).value.print(context, onComment, onChompKeep),
};

/**
 * Numbers keep the digits they were written with. `yaml` prints a number from its value, and a double cannot hold a
 * 31-digit item code, a credit code or a phone number's leading zero: 1133992100254127334019990000000 would become
 * 1.1339921002541273e+30 and 05701234567 5701234567, the same numbers to a program but not to the office that wrote
 * them (and such a code is a finding to fix by quoting it, not for fmt to round). `3.0`, `1e3` and `0x1F` stay too.
 * A number with an explicit tag (`!!int 42`) is printed by its tag, which keeps it.
 */
function keepNumbers(document: Document, text: string): void {
  visit(document, {
    Scalar(_key, scalar) {
      if ((typeof scalar.value === 'number' || typeof scalar.value === 'bigint') && !scalar.tag && scalar.range) {
        scalar.value = new AsWritten(text.slice(scalar.range[0], scalar.range[1]));
      }
    },
  });
}

/**
 * A block scalar as its file writes it: its header (`>-`, `|+`, `|2`, a tag), and its lines (the text after the
 * scalar's indentation, `''` for an empty line), which `print` indents as the structure around it now is.
 */
class BlockAsWritten extends AsWritten {
  constructor(
    readonly style: '|' | '>',
    readonly indicator: boolean,
    readonly chomp: '' | '-' | '+',
    readonly comment: string | null | undefined,
    readonly lines: readonly string[],
    readonly tag: string | undefined,
  ) {
    super('');
  }

  /**
   * Laid out as `yaml` lays out block scalars: the lines one indentation step below the key or dash, which is what
   * an explicit indentation indicator then counts.
   */
  override print(context: StringifyContext, onComment?: () => void, onChompKeep?: () => void): string {
    const { doc, indent, indentStep, options } = context;
    let header = (this.tag ? `${doc.directives!.tagString(this.tag)} ` : '') + this.style + (this.indicator ? String(indentStep.length) : '') + this.chomp;
    if (this.comment) {
      header += ` ${options.commentString!(this.comment.replace(/ ?[\r\n]+/g, ' '))}`;
      onComment?.();
    }
    // A kept (`+`) scalar's trailing empty lines are its text: the next key's blank line is not added to them.
    if (this.chomp === '+') onChompKeep?.();
    return [header, ...this.lines.map((line) => (line ? indent + line : ''))].join('\n');
  }
}

/**
 * Block scalars keep their lines as written. `yaml` prints a block scalar from its value, and a folded (`>`) one —
 * whose line breaks are spaces in its value — would come out as one line per paragraph (lineWidth 0): a 设定依据 or
 * 追责情形 text its author wrapped at 80 columns would be joined into one long line, the same data in a layout nobody
 * chose. So the scalar's lines are taken from the file, without the scalar's own indentation, and printed at the
 * indentation of the structure as formatted (the text's own, deeper, indentation kept); header, chomping (`-`, `+`)
 * and an explicit indentation indicator stay, as does a tag (`!!str >`; the printer would look the tag up to print the
 * value by it, so the header carries it). Values that are not text (`!!binary |`) and block scalars used as keys are
 * left to `yaml`, as is a scalar at the root of a document.
 */
function keepBlockScalars(document: Document): void {
  visit(document, {
    Scalar(key, scalar) {
      if (key === 'key' || scalar === document.contents || typeof scalar.value !== 'string') return;
      if (scalar.type !== 'BLOCK_LITERAL' && scalar.type !== 'BLOCK_FOLDED') return;
      const token = scalar.srcToken;
      if (token?.type !== 'block-scalar') return;
      const written = blockAsWritten(token, scalar.comment, scalar.tag);
      if (!written) return;
      scalar.value = written;
      scalar.tag = undefined;
    },
  });
}

/** The header and lines of a block scalar's source token, read as yaml's composer reads them (resolve-block-scalar.js). */
function blockAsWritten(token: CST.BlockScalar, comment: string | null | undefined, tag: string | undefined): BlockAsWritten | undefined {
  const header = token.props.find((prop): prop is CST.SourceToken => prop.type === 'block-scalar-header')?.source;
  const parts = header && /^([|>])(?:([1-9])([-+]?)|([-+]?)([1-9]?))$/.exec(header);
  if (!parts) return undefined;
  const style = parts[1] as '|' | '>';
  const digit = parts[2] ?? parts[5] ?? '';
  const chomp = (parts[3] ?? parts[4] ?? '') as '' | '-' | '+';
  // Every line ends with a line break, the last one too unless the file ends there.
  const lines = token.source.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const spaces = (line: string) => /^ */.exec(line)![0].length;
  const isEmpty = (line: string) => spaces(line) === line.length;
  // The scalar's indentation: its parent's plus the indicator, or else that of its first line with text. (Without
  // text, a scalar's lines are all empty, whatever spaces they hold.)
  const firstText = lines.find((line) => !isEmpty(line));
  const trim = firstText === undefined ? Infinity : digit ? token.indent + Number(digit) : spaces(firstText);
  // Empty lines at the end are not text (but for `+`), unless indented beyond the scalar: then their spaces are.
  if (chomp !== '+') while (lines.length && isEmpty(lines.at(-1)!) && lines.at(-1)!.length <= trim) lines.pop();
  const text = lines.map((line) => (isEmpty(line) && line.length <= trim ? '' : line.slice(trim)));
  return new BlockAsWritten(style, digit !== '', chomp, comment, text, tag);
}

function numberToJsYaml(text: string): boolean {
  if (!/^[-+]?[0-9.]/.test(text) || /[\s:#]/.test(text)) return false;
  try {
    return typeof jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) === 'number';
  } catch {
    return false;
  }
}

function comments(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trimEnd());
  return out.sort();
}

function sameComments(before: string, after: string): boolean {
  return isDeepStrictEqual(comments(before), comments(after));
}
