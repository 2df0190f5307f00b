// Worker thread: makes a one-off build's open data, then draws flowcharts in the order their pages come, skipping
// any the main thread took (see drawing.ts).
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { modelFromJson, type FlowModel } from '../flow/model.js';
import { drawFlow, FREE, JOB, WORKER, type DrawingJob, type DrawingResult, type FlowsJob, type OpenDataResult, type SearchRequest, type SearchResult } from './drawing.js';
import { buildSearchIndex, searchIndexScript, type SearchEntry } from './search.js';
import { entryFiles, openDataCatalogue } from './opendata.js';

const job = workerData as DrawingJob;
const jobs = new Int32Array(job.jobs);
const posted = new Int32Array(job.posted);
const post = (result: DrawingResult | OpenDataResult | SearchResult) => {
  ('index' in result ? job.drawings : job.port).postMessage(result);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
};
/** What `make` gives; undefined when it throws: the main thread then makes it again and reports what went wrong. */
const attempt = <T>(make: () => T): T | undefined => {
  try {
    return make();
  } catch {
    return undefined;
  }
};
/** Waits, without spinning, until the main thread sets a slot of the job table. */
const awaitSlot = (slot: number) => {
  while (Atomics.load(jobs, slot) === 0) Atomics.wait(jobs, slot, 0, 100);
};
// The open data first: the main thread needs it before the guide pages, whose flowcharts come next.
const openData = job.openData;
if (openData && Atomics.compareExchange(jobs, JOB.openData, FREE, WORKER) === FREE) {
  post({ openData: true, files: attempt(() => entryFiles(openDataCatalogue(openData.catalogue), openData.locale)) });
}
// A worker started before the pages were planned gets its flows as the port's first message.
let flows = job.flows;
if (!flows) {
  awaitSlot(JOB.flowsPosted);
  flows = receiveMessageOnPort(job.port)!.message as FlowsJob;
}
const claims = new Int32Array(flows.claims);
/** The search index, when the main thread has asked for it and not taken it over. */
const searchIfAsked = () => {
  const request = receiveMessageOnPort(job.port)?.message as SearchRequest | undefined;
  if (!request || Atomics.compareExchange(jobs, JOB.search, FREE, WORKER) !== FREE) return;
  post({ search: true, script: attempt(() => searchIndexScript(buildSearchIndex(JSON.parse(request.entries) as SearchEntry[]))) });
};
const models = JSON.parse(flows.models) as FlowModel[];
for (let i = 0; i < models.length; i++) {
  searchIfAsked();
  // The main thread claims a flow when its page is rendered and it is not drawn yet: one it holds is skipped.
  if (Atomics.compareExchange(claims, i, FREE, WORKER) !== FREE) continue;
  post({ index: i, svg: attempt(() => drawFlow(modelFromJson(models[i]!))) });
}
// A one-off build asks for the search index once its guides are planned: wait for that, unless it was made already
// or the main thread took it over.
if (job.openData) {
  while (Atomics.load(jobs, JOB.search) === FREE && Atomics.load(jobs, JOB.searchAsked) === 0) Atomics.wait(jobs, JOB.searchAsked, 0, 100);
  searchIfAsked();
}
job.port.close();
job.drawings.close();
