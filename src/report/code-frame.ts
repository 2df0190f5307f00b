// A code frame around a finding. Written here rather than with @babel/code-frame because catalogue lines can be
// megabytes long (a value pasted from a spreadsheet) and files can hold 100k items: the frame crops long lines to a
// window around the column and reuses one split of each file across findings.
import { textWidth } from './width.js';
import type { ChalkInstance } from 'chalk';
import { LINE_BREAK } from '../catalogue/source-map.js';

const WINDOW = 100;

/**
 * Control characters (a finding of their own, yaml/syntax NON_PRINTABLE) as the Unicode pictures of them, ␀ for NUL:
 * the caret then points at something, and an ESC from a file never reaches the terminal. One for one, so columns
 * stay; C1 controls, which have no pictures, show as U+FFFD.
 */
function visible(line: string): string {
  return line.replace(/[\x00-\x08\x0B-\x1F\x7F-\x9F]/g, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

export class FrameMaker {
  private readonly lines = new Map<string, string[]>();

  constructor(
    private readonly sources: ReadonlyMap<string, string>,
    private readonly chalk: ChalkInstance,
  ) {}

  private linesOf(file: string): string[] | undefined {
    let lines = this.lines.get(file);
    if (!lines) {
      const source = this.sources.get(file);
      if (source === undefined) return undefined;
      // Lines as positions count them (a lone CR ends one too), so that the frame shows the line a finding names.
      lines = source.split(LINE_BREAK).map(visible);
      this.lines.set(file, lines);
    }
    return lines;
  }

  frame(file: string, line: number, column: number, endLine: number, endColumn: number): string {
    const lines = this.linesOf(file);
    if (!lines || line < 1 || line > lines.length) return '';
    const first = Math.max(1, line - 1);
    const last = Math.min(lines.length, line + 1);
    const gutter = String(last).length;
    // The same horizontal window for every line shown, so the caret stays under its text.
    const from = Math.max(0, column - 1 - WINDOW / 2);
    const out: string[] = [];
    for (let n = first; n <= last; n++) {
      const text = lines[n - 1]!;
      let shown = text.slice(from, from + WINDOW);
      if (from > 0 && text.length > from) shown = `…${shown}`;
      if (text.length > from + WINDOW) shown += '…';
      const marker = n === line ? this.chalk.red('>') : ' ';
      out.push(`    ${marker} ${this.chalk.dim(String(n).padStart(gutter))} | ${shown}`.trimEnd());
      if (n === line) {
        // Terminal cells, not code units: a Chinese character takes two.
        const before = (from > 0 ? '…' : '') + text.slice(from, column - 1);
        const underlined = endLine === line ? text.slice(column - 1, Math.min(endColumn - 1, from + WINDOW)) : '';
        const width = Math.max(1, textWidth(underlined));
        out.push(`      ${' '.repeat(gutter)} | ${' '.repeat(textWidth(before))}${this.chalk.red('^'.repeat(width))}`);
      }
    }
    return out.join('\n');
  }
}
