// Array helpers for the drawing code, which V8 compiles once only if each list it reads always has one hidden class.

/**
 * `items.map(fn)`, always as a packed array. Array.prototype.map returned the same list sometimes holey and
 * sometimes packed (over one run's 4,000 flow models: two hidden classes for each list), and the layout and SVG
 * code that read those lists was thrown away and compiled again ("wrong map" deoptimisations) as the other kind
 * turned up.
 */
export function mapped<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}

/** `count` values made by `fn`, as a packed array (see `mapped`). */
export function filled<U>(count: number, fn: (index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < count; i++) out.push(fn(i));
  return out;
}
