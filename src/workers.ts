// How many worker threads a job gets and how its files are shared out: validate's parsing and fmt use the same rule.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

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

/**
 * Starts `script` with `workerData` and gives the one message it posts (its results). A worker that throws rejects; one
 * that ends without posting (killed, out of memory) rejects too, rather than leaving the command waiting for ever.
 */
export function runWorker<T>(script: URL, workerData: unknown, transferList: TransferListItem[] = []): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData, transferList });
    let answered = false;
    worker.once('message', (results: T) => {
      answered = true;
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`worker thread ${script.pathname.split('/').slice(-2).join('/')} ended (exit code ${code}) without its results`));
    });
  });
}
