// Matching names across offices that typed the same thing differently: full-width vs half-width punctuation, 《》
// around titles, spaces and invisible characters, and trailing notes about originals and copies ("（原件及复印件）"). Such a match is "loose",
// and the report says so.

const TITLE_MARKS = /[《》〈〉「」『』“”‘’"'\u300a\u300b]/g;
const SPACE = /\s+/g;
/**
 * Invisible format characters (zero-width space and joiners, soft hyphen, BOM, direction marks): pasted from web pages
 * and Word files into names, they made 食品经营许可申请书 and the same name with a U+200B two materials, one
 * "extra" (breaking) and one "missing", that no one could see apart.
 */
const INVISIBLE = /\p{Cf}/gu;
const COPY_WORD = '(?:原件|复印件|影印件|扫描件|电子件|复印)';
/** A parenthetical that only says which form to bring: 原件, 复印件, how many, checked or kept. */
const COPY_NOTE = new RegExp(`\\((?:${COPY_WORD}|核验|查验|交验|验|收取|提交|留存|各|份|[0-9一二三四五六七八九十两]|及|和|与|或|、|,|;|/)+\\)$`, 'u');
/** The same note without brackets at the very end: "营业执照复印件", "身份证原件及复印件". */
const COPY_TAIL = new RegExp(`${COPY_WORD}(?:(?:及|和|与|或|、|/)${COPY_WORD})*(?:各?[0-9一二三四五六七八九十两]+份)?$`, 'u');

/** Text with widths unified and spaces dropped: how fee standards and article labels compare. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(SPACE, '');
}

/** The form two names are compared in when an exact match fails. */
export function looseName(name: string): string {
  let text = compact(name).replace(TITLE_MARKS, '').toLowerCase();
  // Strip notes one at a time from the end ("（复印件）（一份）"), never down to nothing.
  for (;;) {
    const next = text.replace(COPY_NOTE, '');
    const stripped = next !== text ? next : text.replace(COPY_TAIL, '');
    if (stripped === text || stripped === '') return text;
    text = stripped;
  }
}

/** Whether two names differ only in what looseName ignores. */
export function sameLoosely(a: string, b: string): boolean {
  return a !== b && looseName(a) === looseName(b);
}

export interface NamedMatch<T> {
  reference: T;
  local: T;
  referenceIndex: number;
  localIndex: number;
  /** Matched only after normalising (the names are not identical). */
  loose: boolean;
}

export interface NameMatching<T> {
  matched: NamedMatch<T>[];
  /** Reference items with no local counterpart. */
  missing: Array<{ item: T; index: number }>;
  /** Local items with no reference counterpart. */
  extra: Array<{ item: T; index: number }>;
}

/** Pairs two lists by name: identical names first, then loose ones. Order alone is never a difference. */
export function matchNames<T extends { name: string }>(reference: readonly T[] | undefined, local: readonly T[] | undefined): NameMatching<T> {
  const refs = reference ?? [];
  const locals = local ?? [];
  const localUsed = new Set<number>();
  const pairs = new Map<number, { localIndex: number; loose: boolean }>();
  const byExact = new Map<string, number[]>();
  locals.forEach((item, index) => byExact.set(item.name.trim(), [...(byExact.get(item.name.trim()) ?? []), index]));
  refs.forEach((item, index) => {
    const localIndex = byExact.get(item.name.trim())?.find((i) => !localUsed.has(i));
    if (localIndex === undefined) return;
    localUsed.add(localIndex);
    pairs.set(index, { localIndex, loose: false });
  });
  const byLoose = new Map<string, number[]>();
  locals.forEach((item, index) => {
    if (localUsed.has(index)) return;
    const key = looseName(item.name);
    byLoose.set(key, [...(byLoose.get(key) ?? []), index]);
  });
  refs.forEach((item, index) => {
    if (pairs.has(index)) return;
    const localIndex = byLoose.get(looseName(item.name))?.find((i) => !localUsed.has(i));
    if (localIndex === undefined) return;
    localUsed.add(localIndex);
    pairs.set(index, { localIndex, loose: true });
  });
  const matched: NamedMatch<T>[] = [];
  const missing: Array<{ item: T; index: number }> = [];
  refs.forEach((item, index) => {
    const pair = pairs.get(index);
    if (pair) matched.push({ reference: item, local: locals[pair.localIndex]!, referenceIndex: index, localIndex: pair.localIndex, loose: pair.loose });
    else missing.push({ item, index });
  });
  const extra = locals.flatMap((item, index) => (localUsed.has(index) ? [] : [{ item, index }]));
  return { matched, missing, extra };
}

/** A law title as offices cite it: the same law, whatever marks or widths surround it. */
export function lawKey(title: string): string {
  return compact(title).replace(TITLE_MARKS, '');
}
