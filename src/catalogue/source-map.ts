// Turns a path into a YAML document into line/column positions; the only place positions are computed.
import { LineCounter, parseDocument, isMap, isSeq, isAlias, isScalar, isPair, type Document, type Node } from 'yaml';
import type { DocPath, Span } from '../findings.js';

export class SourceMap {
  private document: Document | undefined;
  private readonly lineCounter = new LineCounter();
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Parsed only when a finding needs a position: most files of a clean catalogue never pay for it. */
  private getDocument(): Document {
    if (!this.document) {
      this.document = parseDocument(this.text, {
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
   */
  locate(path: DocPath, key = false): Span {
    const document = this.getDocument();
    let node: Node | null | undefined = document.contents as Node | null;
    let keyNode: Node | undefined;
    for (let i = 0; i < path.length && node; i++) {
      const segment = path[i]!;
      if (isAlias(node)) node = node.resolve(document) as Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        keyNode = pair.key as Node;
        if (pair.value === null || pair.value === undefined) {
          node = undefined;
          break;
        }
        node = pair.value as Node;
        if (i === path.length - 1 && key) return this.spanOfNode(keyNode, false);
        keyNode = undefined;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment] as Node;
      } else break;
    }
    if (!node && keyNode) return this.spanOfNode(keyNode, false);
    if (!node?.range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return this.spanOfNode(node, true);
  }

  /** A collection spans many lines; underline only its first line so a code frame stays readable. */
  private spanOfNode(node: Node, firstLineOnly: boolean): Span {
    const [start, valueEnd] = node.range!;
    if (firstLineOnly && (isMap(node) || isSeq(node))) {
      const newline = this.text.indexOf('\n', start);
      const lineEnd = newline === -1 || newline > valueEnd ? valueEnd : newline;
      return this.spanOfRange(start, lineEnd);
    }
    return this.spanOfRange(start, valueEnd);
  }

  /** The first line of text at a 1-based line number, for code frames. */
  get source(): string {
    return this.text;
  }
}
