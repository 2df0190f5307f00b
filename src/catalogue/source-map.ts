// Turns a path into a YAML document into line/column positions; the only place positions are computed.
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { DocPath, Span } from '../findings.js';

/** A line break as YAML 1.2 has it: CR LF, LF, or a lone CR (old Mac files). */
export const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The text with each lone CR turned into LF, for the `yaml` package, which breaks lines at LF only and would read a
 * CR-only file as one long line. One character for one, so every offset into it is an offset into the original.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

export class SourceMap {
  private document: Document | undefined;
  private readonly lineCounter = new (yamlLib().LineCounter)();
  private lineStarts: number[] | undefined;
  /** The text with its line breaks as the parser and the line count see them (see withLineFeeds). */
  private readonly text: string;

  constructor(text: string) {
    this.text = withLineFeeds(text);
  }

  /** Parsed only when a finding needs a position: most files of a clean catalogue never pay for it. */
  private getDocument(): Document {
    if (!this.document) {
      this.document = yamlLib().parseDocument(this.text, {
        lineCounter: this.lineCounter,
        uniqueKeys: false,
        merge: true,
        strict: false,
      });
    }
    return this.document;
  }

  /** 1-based line and column (UTF-16 code units, as editors and SARIF count them) of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.getLineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  spanOfRange(start: number, end: number): Span {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  private getLineStarts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /**
   * The span of the node at `path` (or of its key when `key` is set). A path that does not exist — a missing
   * property, say — resolves to the deepest node that does, which is where the editor should look.
   *
   * A path into one entry of a section (['powers', 17, …]) parses only that entry's lines when the file is laid out
   * plainly (a top-level `section:` key with a block sequence below it): diff and compare point into hundreds of
   * entries of big files, and a whole-file parse per file would cost them more than loading the catalogue did.
   * Anything unusual falls back to the whole document, so the answer is always the full parser's.
   */
  locate(path: DocPath, key = false): Span {
    if (path.length >= 2 && typeof path[0] === 'string' && typeof path[1] === 'number' && !this.document) {
      const entry = this.entry(path[0], path[1]);
      if (entry) return this.walk(entry.document, entry.node, path.slice(2), key, entry.base);
    }
    const document = this.getDocument();
    return this.walk(document, document.contents as Node | null, path, key, 0);
  }

  private walk(document: Document, start: Node | null, path: DocPath, key: boolean, base: number): Span {
    let node: Node | null | undefined = start;
    let keyNode: Node | undefined;
    for (let i = 0; i < path.length && node; i++) {
      const segment = path[i]!;
      if (yamlLib().isAlias(node)) node = node.resolve(document) as Node | undefined;
      if (yamlLib().isMap(node)) {
        // A key given twice: the data holds the later value (the parser's toJS overwrites), so point there.
        const pair = node.items.findLast((item) => yamlLib().isPair(item) && yamlLib().isScalar(item.key) && String(item.key.value) === String(segment)) ?? mergedPair(document, node, String(segment));
        if (!pair) break;
        keyNode = pair.key as Node;
        if (pair.value === null || pair.value === undefined) {
          node = undefined;
          break;
        }
        node = pair.value as Node;
        if (i === path.length - 1 && key) return this.spanOfNode(keyNode, false, base);
        keyNode = undefined;
      } else if (yamlLib().isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment] as Node;
      } else break;
    }
    if (!node && keyNode) return this.spanOfNode(keyNode, false, base);
    if (!node?.range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return this.spanOfNode(node, true, base);
  }

  private readonly entries = new Map<string, { document: Document; node: Node; base: number } | null>();
  private sections: Map<string, number[]> | undefined;

  /** One entry of a top-level block sequence, parsed on its own; null when the layout is not plain enough. */
  private entry(section: string, index: number): { document: Document; node: Node; base: number } | null {
    const id = `${section}\u0000${index}`;
    let found = this.entries.get(id);
    if (found !== undefined) return found;
    found = null;
    const starts = this.sectionEntries().get(section);
    if (starts && index < starts.length - 1) {
      const base = starts[index]!;
      const document = yamlLib().parseDocument(this.text.slice(base, starts[index + 1]), { uniqueKeys: false, merge: true, strict: false });
      const contents = document.contents;
      // Errors, aliases (their anchor may be in another entry) or any other shape: the whole document decides.
      let alias = false;
      yamlLib().visit(document, {
        Alias: () => {
          alias = true;
          return yamlLib().visit.BREAK;
        },
      });
      if (!alias && !document.errors.length && yamlLib().isSeq(contents) && contents.items.length === 1 && contents.items[0]) found = { document, node: contents.items[0] as Node, base };
    }
    this.entries.set(id, found);
    return found;
  }

  /**
   * Where each entry of each top-level section starts (plus where the last one ends), found by looking at the first
   * characters of lines only. Empty for anything but plain block layout: tabs, several documents, directives.
   */
  private sectionEntries(): Map<string, number[]> {
    if (this.sections) return this.sections;
    const text = this.text;
    const out = new Map<string, number[]>();
    this.sections = out;
    if (/^(---|\.\.\.|%)/m.test(text) || /^\t/m.test(text)) return out;
    const starts = this.getLineStarts();
    let section: string | undefined;
    let items: number[] = [];
    let indent = -1;
    const close = (end: number) => {
      if (section !== undefined && items.length) out.set(section, [...items, end]);
      section = undefined;
      items = [];
      indent = -1;
    };
    for (let line = 0; line < starts.length; line++) {
      const from = starts[line]!;
      let at = from;
      while (text.charCodeAt(at) === 32) at++;
      const code = text.charCodeAt(at);
      // Blank lines and comments belong to whatever surrounds them.
      if (Number.isNaN(code) || code === 10 || code === 13 || code === 35) continue;
      const column = at - from;
      const dash = code === 45 && (at + 1 >= text.length || text.charCodeAt(at + 1) === 32 || text.charCodeAt(at + 1) === 10 || text.charCodeAt(at + 1) === 13);
      if (section !== undefined) {
        if (indent < 0 && dash) indent = column;
        if (dash && column === indent) {
          items.push(from);
          continue;
        }
        if (indent >= 0 && column > indent) continue;
        if (indent < 0 && column > 0) {
          // A section whose value is not a block sequence (a flow list, a mapping): not for the fast path.
          section = undefined;
          continue;
        }
        close(from);
      }
      if (column === 0) {
        const lineText = text.slice(from, starts[line + 1] !== undefined ? starts[line + 1]! - 1 : text.length);
        // A section given again in any layout replaces what was found for it so far: the later one is the data.
        const again = /^([A-Za-z_][\w-]*):/.exec(lineText);
        if (again) out.delete(again[1]!);
        const match = /^([A-Za-z_][\w-]*):[ \t]*(#.*)?\r?$/.exec(lineText);
        if (match) section = match[1];
      }
    }
    close(text.length);
    return out;
  }

  /** A collection spans many lines; underline only its first line so a code frame stays readable. */
  private spanOfNode(node: Node, firstLineOnly: boolean, base = 0): Span {
    const start = node.range![0] + base;
    const valueEnd = node.range![1] + base;
    if (firstLineOnly && (yamlLib().isMap(node) || yamlLib().isSeq(node))) {
      const newline = this.text.indexOf('\n', start);
      const lineEnd = newline === -1 || newline > valueEnd ? valueEnd : newline;
      return this.spanOfRange(start, lineEnd);
    }
    return this.spanOfRange(start, valueEnd);
  }

}

/**
 * The pair a merge key (`<<: *base`, `<<: [*a, *b]`) gives a mapping for `key` when the mapping does not have it
 * itself: the value is written in the anchored mapping, so that is where the editor should look (the data holds it
 * only through the merge). The first merged mapping that has the key wins, as YAML's merge says.
 */
function mergedPair(document: Document, map: YAMLMap, key: string, seen = new Set<Node>()): Pair | undefined {
  if (seen.has(map)) return undefined;
  seen.add(map);
  for (const item of map.items) {
    // With `merge: true` the parser reads an unquoted << key as a symbol; a quoted "<<" is an ordinary key.
    if (!yamlLib().isPair(item) || !yamlLib().isScalar(item.key) || typeof item.key.value !== 'symbol') continue;
    const sources = yamlLib().isSeq(item.value) ? item.value.items : [item.value];
    for (let source of sources) {
      if (yamlLib().isAlias(source)) source = source.resolve(document);
      if (!yamlLib().isMap(source)) continue;
      const found = source.items.findLast((pair) => yamlLib().isPair(pair) && yamlLib().isScalar(pair.key) && String(pair.key.value) === key) ?? mergedPair(document, source, key, seen);
      if (found) return found as Pair;
    }
  }
  return undefined;
}
