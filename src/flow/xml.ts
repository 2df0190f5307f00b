// A tiny XML writer for the SVG: every text and attribute value is escaped here and nowhere else.
//
// Markup and attribute lists are plain strings branded by type, not objects: the site draws thousands of charts, and
// building each element from an attribute object (spread, for…in, a wrapper per element) was half of drawing's CPU.
// The brands keep the old guarantee: a plain string can only get in through `escaped`, `attribute` or `element`.

/** Well-formed XML (built by the functions below). */
export type Markup = string & { readonly __markup: unique symbol };
/** ` name="value"` pairs, each with a leading space (built by `attribute`). */
export type Attributes = string & { readonly __attributes: unique symbol };

// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, U+FFFE/U+FFFF, lone surrogates).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Attribute values are always double-quoted, so an apostrophe needs no escape.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A character that may need replacing or dropping: a forbidden control, one of & < > ", any surrogate (a lone one is
 * dropped; FORBIDDEN tells), U+FFFE, U+FFFF. Without the `u` flag the test reads UTF-16 code units, as FORBIDDEN does.
 * This one class, tested natively, is about six times faster than the loop over char codes it replaced (2,000 chart
 * labels, ids and paths ×200: 53–68 against 320–420 ms), which cost 70 ms of the drawing worker's 4,000 charts.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f&<>"\ud800-\udfff\ufffe\uffff]/;

export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(/[&<>"]/g, (char) => ENTITIES[char]!);
}

/**
 * Numbers print with at most two decimals and never as -0, so output is stable and small: the digits of
 * `String(Math.round(value * 100) / 100)`, written from the whole hundredths (about 2.5× faster than printing the
 * double; bench/flow-hashes.js and an exhaustive check over ±30,000.00 found no difference).
 */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const hundredths = Math.round(value * 100);
  // NaN, infinities and numbers too large for exact hundredths: printed the slow way.
  if (!(hundredths > -1e12 && hundredths < 1e12)) return String(hundredths / 100);
  const magnitude = hundredths < 0 ? -hundredths : hundredths;
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude - whole * 100;
  const decimals = fraction === 0 ? '' : fraction < 10 ? `.0${fraction}` : fraction % 10 === 0 ? `.${fraction / 10}` : `.${fraction}`;
  // -0 (a value that rounds to zero from below) has no sign: `hundredths < 0` is false for it.
  return hundredths < 0 ? `-${whole}${decimals}` : `${whole}${decimals}`;
}

/** Text content, escaped. */
export function escaped(text: string): Markup {
  return escapeXml(text) as Markup;
}

/** One attribute; none when the value is undefined. */
export function attribute(name: string, value: string | number | undefined): Attributes {
  if (value === undefined) return '' as Attributes;
  return ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"` as Attributes;
}

/** Several attributes written once (constant styles), in the order given; undefined values are left out. */
export function attributes(values: Record<string, string | number | undefined>): Attributes {
  let out = '';
  for (const name of Object.keys(values)) out += attribute(name, values[name]);
  return out as Attributes;
}

/** An element; with an empty body it closes itself (`<g/>`). */
export function element(name: string, attributeList: Attributes | '', body: Markup | '' = ''): Markup {
  return (body ? `<${name}${attributeList}>${body}</${name}>` : `<${name}${attributeList}/>`) as Markup;
}

/** Several pieces of markup, one per line (readable diffs of generated files). */
export function lines(children: readonly Markup[]): Markup {
  return children.join('\n') as Markup;
}

/** Pieces of markup, or attribute lists, one after another; empty and absent pieces are left out. */
export function concat<T extends Markup | Attributes>(...pieces: ReadonlyArray<T | '' | undefined>): T {
  let out = '';
  for (const piece of pieces) if (piece) out += piece;
  return out as T;
}
