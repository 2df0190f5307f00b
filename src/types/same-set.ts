/** `true` when the union types A and B have the same members, else `false`: a compile-time check of two id lists. */
export type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
