// Links on the public site: only http(s), tel: and mailto: ever become an href; phone numbers, e-mail addresses and
// web addresses inside catalogue text become links, everything else stays text (escaped by the templates).

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'tel:', 'mailto:']);

/** The URL when it is absolute and its scheme is one we allow, else undefined (javascript:, data:, relative…). */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // Browsers drop tabs and newlines inside URLs ("java\tscript:"), and so does the URL parser: what it accepts is
  // what a browser would follow.
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return undefined;
  return url.href;
}

/** A piece of catalogue text: plain, or a link whose href passed safeUrl. */
export interface Segment {
  text: string;
  href?: string;
}

// Web addresses, e-mail addresses, then phone numbers as written in China: area code + number (0570-1234301),
// mobiles (13812345678), and short service hotlines (12345, 12315, 110…) when written alone.
const LINKABLE = new RegExp(
  [
    String.raw`(?<web>https?:\/\/[^\s<>"'，。；、）)（(]+)`,
    String.raw`(?<mail>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})`,
    String.raw`(?<![\d-])(?<phone>0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|12\d{3}|11[0-9]|400-?\d{3}-?\d{4})(?![\d-])`,
  ].join('|'),
  'gu',
);

/** Splits text into plain segments and links; only safe schemes are produced. */
export function linkify(text: string | undefined): Segment[] {
  if (!text) return [];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINKABLE)) {
    const index = match.index ?? 0;
    const found = match[0];
    const groups = match.groups ?? {};
    const href = groups.web ? safeUrl(found) : groups.mail ? safeUrl(`mailto:${found}`) : safeUrl(`tel:${found.replace(/-/g, '')}`);
    if (!href) continue;
    if (index > last) segments.push({ text: text.slice(last, index) });
    // A phone number must not break at its hyphen: U+2011 is the non-breaking hyphen.
    segments.push({ text: href.startsWith('tel:') ? found.replace(/-/g, '\u2011') : found, href });
    last = index + found.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** A whole text that is a safe URL becomes one link; anything else is linkified. */
export function textOrLink(text: string | undefined): Segment[] {
  const href = safeUrl(text);
  return href ? [{ text: text!.trim(), href }] : linkify(text);
}
