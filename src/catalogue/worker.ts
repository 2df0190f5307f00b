// Worker thread: reads, parses and schema-checks a share of a large catalogue's files.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { DirectorySource, MemorySource, type CatalogueSource } from './source.js';
import { readProcessed } from './load.js';
import type { ProcessedFile, Projection } from './process.js';

/**
 * A folder to read from (`root`), or the files' bytes in one transferred buffer with [path, offset, length] ranges.
 * With `next`, the files are shared out as they go: each thread takes the next one not taken (see processFiles).
 */
export interface WorkerJob {
  root?: string;
  displayRoot: string;
  files: string[];
  projection: Projection;
  bytes?: ArrayBuffer;
  ranges?: Array<[string, number, number]>;
  /** The index of the next file to take, shared by every thread parsing this job's files. */
  next?: SharedArrayBuffer;
  /** With `next`: where each result goes as soon as it is made, as [index, result] (the main thread takes them in between its own files). */
  port?: MessagePort;
}

/** What a worker posts when it is done: its results (none when they went to `port` as they were made). */
export interface WorkerResults {
  results: ProcessedFile[];
}

const job = workerData as WorkerJob;
const source: CatalogueSource =
  job.root !== undefined
    ? new DirectorySource(job.root, process.cwd(), job.displayRoot)
    : new MemorySource(Object.fromEntries((job.ranges ?? []).map(([relativePath, offset, length]) => [relativePath, new Uint8Array(job.bytes!, offset, length)])), job.displayRoot);
const processed = (relativePath: string) => readProcessed(source, relativePath, 'file', job.projection);
if (job.next && job.port) {
  const next = new Int32Array(job.next);
  for (let i = Atomics.add(next, 0, 1); i < job.files.length; i = Atomics.add(next, 0, 1)) job.port.postMessage([i, processed(job.files[i]!)]);
  // Every result is on the port by now: this says so.
  parentPort!.postMessage({ results: [] } satisfies WorkerResults);
} else {
  parentPort!.postMessage({ results: job.files.map(processed) } satisfies WorkerResults);
}
