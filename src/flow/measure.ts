// Text width and line wrapping for flowcharts, without a browser: a CJK character is 1 em, Latin about 0.55 em.
import { createRequire } from 'node:module';
import type LineBreaker from 'linebreak';
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Widths in em, on the wide side so that text drawn in any font of the stack stays inside its shape: CJK ideographs
 * and full-width punctuation are 1 em in every CJK font; ambiguous characters (“”, —, ①) count as wide because
 * Chinese fonts draw them so; narrow glyphs get 0.6 em, with a few known wide and thin ones.
 */
const NARROW_EM: Record<string, number> = {
  ' ': 0.3, i: 0.3, j: 0.3, l: 0.3, '.': 0.3, ',': 0.3, ':': 0.3, ';': 0.3, '!': 0.3, '|': 0.3, "'": 0.3,
  f: 0.4, t: 0.4, r: 0.45, I: 0.35, '(': 0.4, ')': 0.4, '[': 0.4, ']': 0.4, '-': 0.4,
  m: 0.9, w: 0.85, M: 0.9, W: 1, '@': 1, '%': 0.9,
};
const UPPER_EM = 0.7;
const NARROW_DEFAULT_EM = 0.6;

function charEm(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x7f) {
    const known = NARROW_EM[char];
    if (known !== undefined) return known;
    return char >= 'A' && char <= 'Z' ? UPPER_EM : NARROW_DEFAULT_EM;
  }
  if (code === 0x200b || (code >= 0xfe00 && code <= 0xfe0f)) return 0; // zero-width space, variation selectors
  return eastAsianWidth(code, { ambiguousAsWide: true }) === 2 ? 1 : NARROW_DEFAULT_EM;
}

// `charEm` of each UTF-16 code unit, filled in as units are met (-1: not yet). A cache of whole strings missed on
// every new title and candidate line while wrapping (and held up to 50,000 of them); a table lookup per character
// costs less than hashing the string, and adds the same numbers in the same order.
const UNKNOWN = -1;
const unitEm = new Float64Array(0x10000).fill(UNKNOWN);

/** Width of `text` in em. */
export function emWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A character outside the BMP (a surrogate pair): rare, measured as it comes.
        width += charEm(text.slice(i, i + 2));
        i++;
        continue;
      }
    }
    let em = unitEm[unit]!;
    if (em === UNKNOWN) unitEm[unit] = em = charEm(String.fromCharCode(unit));
    width += em;
  }
  return width;
}

/** Width of `text` in px at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  return emWidth(text) * fontSize;
}

// linebreak unpacks its Unicode tables when it is loaded (40–60 ms): it is loaded when a text first needs breaking,
// so a process that draws nothing (validate; a build whose flowcharts a worker draws) does not pay for it.
let Breaker: typeof LineBreaker | undefined;

/** Splits text where a line may break (Unicode line breaking, UAX #14: no line starts with “，” or ends with “（”). */
function segments(text: string): string[] {
  Breaker ??= createRequire(import.meta.url)('linebreak') as typeof LineBreaker;
  const breaker = new Breaker(text);
  const out: string[] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.position > last) out.push(text.slice(last, next.position));
    last = next.position;
  }
  return out;
}

/** A segment wider than a whole line (a long code or URL) is cut by characters. */
function cutToWidth(segment: string, maxEm: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const char of segment) {
    if (line && emWidth(line + char) > maxEm) {
      out.push(line);
      line = '';
    }
    line += char;
  }
  if (line) out.push(line);
  return out;
}

/**
 * Greedy wrap at break opportunities so that no line is wider than `maxEm` (trailing spaces do not count). Newlines
 * in the text are kept as line breaks.
 */
export function wrapEm(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    // A paragraph that fits is one line whatever its break opportunities: every prefix is at most as wide (widths
    // are never negative), so the loop below would only gather it all. Most names fit; finding breaks is the cost.
    if (emWidth(paragraph.trimEnd()) <= maxEm) {
      if (paragraph.trim() || lines.length === 0) lines.push(paragraph.trimEnd());
      continue;
    }
    let line = '';
    for (const segment of segments(paragraph)) {
      const candidate = line + segment;
      if (emWidth(candidate.trimEnd()) <= maxEm) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      if (emWidth(segment.trimEnd()) <= maxEm) line = segment;
      else {
        const pieces = cutToWidth(segment.trimEnd(), maxEm);
        lines.push(...pieces.slice(0, -1));
        line = pieces.at(-1) ?? '';
      }
    }
    if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  }
  return lines;
}

/** The widest line of a wrapped text, in em. */
export function widestEm(lines: readonly string[]): number {
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, emWidth(line));
  return widest;
}

/** Wrapped text; shared between callers (it is cached), so never changed. */
export interface Wrapped {
  readonly lines: readonly string[];
  readonly widthEm: number;
}

/**
 * Lines for a label that should be roughly as wide as `preferredEm` but never narrower than its longest unbreakable
 * piece: wraps at the preferred width, then tightens the width to the widest line so the box hugs the text.
 */
export function wrapBalanced(text: string, preferredEm: number): Wrapped {
  // Catalogues repeat their step names (收件, 受理, 材料是否齐全…) in flow after flow. One cache per width: a key
  // joined from width and text was a string built and hashed on every call.
  let cache = wrapCaches.get(preferredEm);
  if (!cache) wrapCaches.set(preferredEm, (cache = new Map()));
  let wrapped = cache.get(text);
  if (!wrapped) {
    wrapped = balance(text, preferredEm);
    if (cache.size > 20_000) cache.clear();
    cache.set(text, wrapped);
  }
  return wrapped;
}

const wrapCaches = new Map<number, Map<string, Wrapped>>();

function balance(text: string, preferredEm: number): Wrapped {
  const total = emWidth(text);
  if (total <= preferredEm) return { lines: [text], widthEm: total };
  // Even out the lines: 13 characters at 8 em become 7 + 6, not 8 + 5.
  const count = Math.ceil(total / preferredEm);
  // Where line-breaking rules push a character over, widen a little rather than leave it alone on a last line.
  for (let width = Math.max(Math.ceil(total / count), 1); width < preferredEm; width += 0.5) {
    const lines = wrapEm(text, width);
    if (lines.length <= count) return { lines, widthEm: widestEm(lines) };
  }
  const lines = wrapEm(text, preferredEm);
  return { lines, widthEm: widestEm(lines) };
}
