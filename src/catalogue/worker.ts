// Worker thread: reads, parses and schema-checks a share of a large catalogue's files.
import { parentPort, workerData } from 'node:worker_threads';
import { DirectorySource } from './source.js';
import { readProcessed } from './load.js';
import type { Projection } from './process.js';

interface Job {
  root: string;
  displayRoot: string;
  files: string[];
  projection: Projection;
}

const job = workerData as Job;
const source = new DirectorySource(job.root, process.cwd(), job.displayRoot);
parentPort!.postMessage(job.files.map((relativePath) => readProcessed(source, relativePath, 'file', job.projection)));
