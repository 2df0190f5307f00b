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

/**
 * `mapped` for lists kept after the drawing (a flow model's lanes, steps, links and limits): the same code with an
 * allocation site of its own. V8 decides per allocation site whether to allocate straight into the old generation;
 * while the models' lasting lists and the layout's throwaway ones shared `mapped`'s, the layout's were put there too
 * (bench/site-drawings.js with --trace-gc: each scavenge kept about 3 MB and took 10–35 ms instead of 1–3 ms).
 */
export function mappedToKeep<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}
