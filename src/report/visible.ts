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
 * `value` with every string in its arrays and plain objects made visible; the same object when none needed it, so a
 * clean report costs one look at each string. Maps and other instances are kept as they are (the sources a code
 * frame reads are made visible line by line there).
 */
export function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const shown = visibleStrings(item);
      if (shown !== item) (copy ??= [...value])[i] = shown;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(record)) {
      const shown = visibleStrings(item);
      if (shown !== item) (copy ??= { ...record })[key] = shown;
    }
    return (copy ?? value) as T;
  }
  return value;
}
