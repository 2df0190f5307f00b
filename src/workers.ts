// How many worker threads a job gets and how its files are shared out: validate's parsing and fmt use the same rule.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Worker threads for a job of `totalBytes`: `requested` if given (else QINGDAN_WORKERS, a whole number), none below
 * `threshold` bytes (a worker's start-up would cost more than it saves), else one less than the cores, at most three.
 * None when `script` is not there to start: under a TypeScript test runner there is only the source.
 */
export function workerCount(script: URL, requested: number | undefined, totalBytes: number, threshold: number): number {
  const fromEnvironment = process.env.QINGDAN_WORKERS;
  if (requested === undefined && fromEnvironment !== undefined && /^\d+$/.test(fromEnvironment)) requested = Number(fromEnvironment);
  if (!script.pathname.endsWith('.js') || !existsSync(fileURLToPath(script))) return 0;
  if (requested !== undefined) return requested;
  if (totalBytes < threshold) return 0;
  return Math.min(Math.max(availableParallelism() - 1, 0), 3);
}

/** Splits items into `parts` shares of about equal size, keeping each share's items in order. */
export function shares<T>(items: readonly T[], sizeOf: (item: T) => number, parts: number): T[][] {
  const total = items.reduce((sum, item) => sum + sizeOf(item), 0);
  const out: T[][] = Array.from({ length: parts }, () => []);
  let acc = 0;
  for (const item of items) {
    const index = Math.min(parts - 1, Math.floor((acc / Math.max(total, 1)) * parts));
    out[index]!.push(item);
    acc += sizeOf(item);
  }
  return out;
}
