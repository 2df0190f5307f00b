// "Did you mean …?" for references that miss by a typo.
import { closest, distance } from 'fastest-levenshtein';

/** Two neighbouring characters swapped (reveiw, ref/lwa): one slip of the fingers, though Levenshtein counts two. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ: number[] = [];
  for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i);
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const swapped = candidates.find((candidate) => isSwap(value, candidate));
  if (swapped) return swapped;
  // Among equally close candidates prefer the one sharing the longest start (mzjj → mzj, not zjj).
  const best = Math.min(...candidates.map((candidate) => distance(value, candidate)));
  const shared = (candidate: string) => {
    let n = 0;
    while (n < candidate.length && candidate[n] === value[n]) n++;
    return n;
  };
  const guess = candidates.filter((candidate) => distance(value, candidate) === best).sort((a, b) => shared(b) - shared(a))[0] ?? closest(value, candidates);
  // Up to 7 characters one edit (article labels like 第四十二条 differ from each other in two); longer ids two, or a
  // quarter of their length.
  const allowed = value.length <= 7 ? 1 : Math.max(2, Math.floor(value.length / 4));
  return distance(value, guess) <= allowed ? guess : undefined;
}
