// A tiny XML element builder for the SVG: every text and attribute value is escaped here and nowhere else.

/** Markup that is already well-formed XML (built by `element`); plain strings are always escaped. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Markup | string | number | false | null | undefined;
export type Attributes = Record<string, string | number | false | null | undefined>;

// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, U+FFFE/U+FFFF, lone surrogates).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Attribute values are always double-quoted, so an apostrophe needs no escape.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(/[&<>"]/g, (char) => ENTITIES[char]!);
}

/** Numbers print with at most two decimals and never as -0, so output is stable and small. */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function element(name: string, attributes: Attributes = {}, ...children: Child[]): Markup {
  let out = `<${name}`;
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || value === null || value === false) continue;
    out += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  let body = '';
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    body += child instanceof Markup ? child.value : typeof child === 'number' ? num(child) : escapeXml(child);
  }
  return new Markup(body ? `${out}>${body}</${name}>` : `${out}/>`);
}

/** Several elements, one per line (readable diffs of generated files). */
export function lines(children: Child[]): Markup {
  return new Markup(
    children
      .filter((child): child is Markup => child instanceof Markup)
      .map((child) => child.value)
      .join('\n'),
  );
}
