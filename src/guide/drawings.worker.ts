// Worker thread: makes a one-off build's open data, then draws flowcharts in the order their pages come, skipping
// any the main thread took (see drawing.ts).
import { workerData } from 'node:worker_threads';
import { modelFromJson, type FlowModel } from '../flow/model.js';
import { drawFlow, FREE, WORKER, type DrawingJob, type DrawingResult, type OpenDataResult } from './drawing.js';
import { entryFiles, openDataCatalogue } from './opendata.js';

const job = workerData as DrawingJob;
const claims = new Int32Array(job.claims);
const posted = new Int32Array(job.posted);
const post = (result: DrawingResult | OpenDataResult) => {
  job.port.postMessage(result);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
};
// The open data first: the main thread needs it before the guide pages, whose flowcharts come next.
if (job.openData && Atomics.compareExchange(claims, claims.length - 1, FREE, WORKER) === FREE) {
  let result: OpenDataResult;
  try {
    result = { openData: true, files: entryFiles(openDataCatalogue(job.openData.catalogue), job.openData.locale) };
  } catch {
    // Made again on the main thread, which reports what went wrong.
    result = { openData: true };
  }
  post(result);
}
const models = JSON.parse(job.models) as FlowModel[];
for (let i = 0; i < models.length; i++) {
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
job.port.close();
