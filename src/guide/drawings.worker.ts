// Worker thread: makes a one-off build's open data, then draws flowcharts in the order their pages come, skipping
// any the main thread took (see drawing.ts).
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { modelFromJson, type FlowModel } from '../flow/model.js';
import { drawFlow, extraSlots, FREE, WORKER, type DrawingJob, type DrawingResult, type OpenDataResult, type SearchRequest, type SearchResult } from './drawing.js';
import { buildSearchIndex, searchIndexScript, type SearchEntry } from './search.js';
import { entryFiles, openDataCatalogue } from './opendata.js';

const job = workerData as DrawingJob;
const claims = new Int32Array(job.claims);
const posted = new Int32Array(job.posted);
const slots = extraSlots(claims.length - 3);
const post = (result: DrawingResult | OpenDataResult | SearchResult) => {
  job.port.postMessage(result);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
};
// The open data first: the main thread needs it before the guide pages, whose flowcharts come next.
if (job.openData && Atomics.compareExchange(claims, slots.openData, FREE, WORKER) === FREE) {
  let result: OpenDataResult;
  try {
    result = { openData: true, files: entryFiles(openDataCatalogue(job.openData.catalogue), job.openData.locale) };
  } catch {
    // Made again on the main thread, which reports what went wrong.
    result = { openData: true };
  }
  post(result);
}
/** The search index, when the main thread has asked for it and not taken it over. */
const searchIfAsked = () => {
  const request = receiveMessageOnPort(job.port)?.message as SearchRequest | undefined;
  if (!request || Atomics.compareExchange(claims, slots.search, FREE, WORKER) !== FREE) return;
  let result: SearchResult;
  try {
    result = { search: true, script: searchIndexScript(buildSearchIndex(JSON.parse(request.entries) as SearchEntry[])) };
  } catch {
    result = { search: true };
  }
  post(result);
};
const models = JSON.parse(job.models) as FlowModel[];
for (let i = 0; i < models.length; i++) {
  searchIfAsked();
  // The main thread claims a flow when its page is rendered and it is not drawn yet: one it holds is skipped.
  if (Atomics.compareExchange(claims, i, FREE, WORKER) !== FREE) continue;
  let result: DrawingResult;
  try {
    result = { index: i, svg: drawFlow(modelFromJson(models[i]!)) };
  } catch {
    // Not reported from here: the main thread draws it again and raises the error where the build reports it.
    result = { index: i };
  }
  post(result);
}
// A one-off build asks for the search index once its guides are planned: wait for that, unless it was made already
// or the main thread took it over.
if (job.openData) {
  while (Atomics.load(claims, slots.search) === FREE && Atomics.load(claims, slots.searchAsked) === 0) Atomics.wait(claims, slots.searchAsked, 0, 100);
  searchIfAsked();
}
job.port.close();
