// "Did you mean …?" for references that miss by a typo.
import { closest, distance } from 'fastest-levenshtein';

export function suggest(value: string, candidates: string[]): string | undefined {
  if (!candidates.length) return undefined;
  const guess = closest(value, candidates);
  // Short ids allow one edit; longer ones two or a quarter of their length, so a swapped pair (reveiw) is caught.
  const allowed = value.length <= 3 ? 1 : Math.max(2, Math.floor(value.length / 4));
  return distance(value, guess) <= allowed ? guess : undefined;
}
