// Worker thread: draws flowcharts in the order their pages come, skipping any the main thread took (see drawing.ts).
import { workerData } from 'node:worker_threads';
import { modelFromJson, type FlowModel } from '../flow/model.js';
import { drawFlow, FREE, WORKER, type DrawingJob, type DrawingResult } from './drawing.js';

const job = workerData as DrawingJob;
const models = JSON.parse(job.models) as FlowModel[];
const claims = new Int32Array(job.claims);
const posted = new Int32Array(job.posted);
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
  job.port.postMessage(result);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
}
job.port.close();
