// "Did you mean …?" for references that miss by a typo.
import { closest, distance } from 'fastest-levenshtein';

export function suggest(value: string, candidates: string[]): string | undefined {
  if (!candidates.length) return undefined;
  const guess = closest(value, candidates);
  return distance(value, guess) <= Math.max(1, Math.floor(value.length / 4)) ? guess : undefined;
}
