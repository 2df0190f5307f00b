// Worker thread: formats (and, unless checking, writes) a share of the files of a large `qingdan fmt` run.
import { parentPort, workerData } from 'node:worker_threads';
import { formatFiles } from './index.js';
import type { FmtFile } from './files.js';

export interface FmtJob {
  files: FmtFile[];
  check: boolean;
}

const job = workerData as FmtJob;
parentPort!.postMessage(formatFiles(job.files, { check: job.check }));
