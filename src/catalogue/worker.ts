// Worker thread: reads, parses and schema-checks a share of a large catalogue's files.
import { parentPort, workerData } from 'node:worker_threads';
import { DirectorySource, MemorySource, type CatalogueSource } from './source.js';
import { readProcessed } from './load.js';
import type { Projection } from './process.js';

/** A folder to read from (`root`), or the files' bytes in one transferred buffer with [path, offset, length] ranges. */
export interface WorkerJob {
  root?: string;
  displayRoot: string;
  files: string[];
  projection: Projection;
  bytes?: ArrayBuffer;
  ranges?: Array<[string, number, number]>;
}

const job = workerData as WorkerJob;
const source: CatalogueSource =
  job.root !== undefined
    ? new DirectorySource(job.root, process.cwd(), job.displayRoot)
    : new MemorySource(Object.fromEntries((job.ranges ?? []).map(([relativePath, offset, length]) => [relativePath, new Uint8Array(job.bytes!, offset, length)])), job.displayRoot);
parentPort!.postMessage(job.files.map((relativePath) => readProcessed(source, relativePath, 'file', job.projection)));
