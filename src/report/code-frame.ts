// A code frame around a finding. Written here rather than with @babel/code-frame because catalogue lines can be
// megabytes long (a value pasted from a spreadsheet) and files can hold 100k items: the frame crops long lines to a
// window around the column and reuses one split of each file across findings.
import { textWidth } from './width.js';
import type { ChalkInstance } from 'chalk';
import { LINE_BREAK } from '../catalogue/source-map.js';
// Control characters (a finding of their own, yaml/syntax NON_PRINTABLE) shown as pictures, one for one: the caret
// then points at something, and an ESC from a file never reaches the terminal.
import { visible } from './visible.js';

const WINDOW = 100;

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
        out.push(`      ${' '.repeat(gutter)} | ${padding(before)}${this.chalk.red('^'.repeat(width))}`);
      }
    }
    return out.join('\n');
  }
}

/**
 * Blank space as wide as `text` at a terminal, with its tabs kept as tabs: a tab takes up to the next tab stop, which
 * only a tab at the same place finds (the code line and the caret line share their prefix's width). Counted as no
 * cell, a tab before a value put the caret up to 8 columns to its left.
 */
function padding(text: string): string {
  let out = '';
  for (const part of text.split('\t')) out += `${' '.repeat(textWidth(part))}\t`;
  return out.slice(0, -1);
}
