// Text from a catalogue (names, file names, values quoted in messages) shown at a terminal or in a CI log: control
// characters are shown as what they are, so that a pull request cannot clear the screen, retitle the window, hide
// lines or colour a failure green. Machine formats (json, sarif, junit, github) keep their own escaping instead.

const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/;
const CONTROLS = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/g;

/**
 * Control characters (C0 but tab and line feed, DEL, C1 — ESC among them) as the Unicode pictures of them, ␛ for ESC,
 * ␀ for NUL: one for one, so a code frame's columns stay. C1 controls, which have no pictures, show as U+FFFD.
 */
export function visible(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

/**
 * Text made visible and kept on one line: a line break in catalogue text a line-oriented report quotes (a block
 * scalar's value, a name pasted with its line break) is shown as ␊, or the report's line would end there — and
 * editors' problem matchers (docs/editors.md) would miss the finding.
 */
export function visibleOnOneLine(text: string): string {
  const shown = visible(text);
  return shown.includes('\n') ? shown.replace(/\n/g, '\u240a') : shown;
}

/**
 * `value` with every string in its arrays and plain objects made visible (or shown by `shown`); the same object when none needed it, so a
 * clean report costs one look at each string. Maps and other instances are kept as they are (the sources a code
 * frame reads are made visible line by line there).
 */
export function visibleStrings<T>(value: T, shown: (text: string) => string = visible): T {
  if (typeof value === 'string') return shown(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const made = visibleStrings(item, shown);
      if (made !== item) (copy ??= [...value])[i] = made;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(record)) {
      const made = visibleStrings(item, shown);
      if (made !== item) (copy ??= { ...record })[key] = made;
    }
    return (copy ?? value) as T;
  }
  return value;
}
