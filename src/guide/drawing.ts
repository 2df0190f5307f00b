// Flowcharts for guide pages, drawn on this thread or shared with one worker thread (drawings.worker.ts): on a large
// site the drawings are a third of the work, and a second core can make them while this one renders pages.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { layoutFlow } from '../flow/layout.js';
import { svgElement } from '../flow/svg.js';
import type { FlowModel } from '../flow/model.js';
import type { Locale } from '../findings.js';
import type { EntryFiles } from './opendata.js';
import { workerCount } from '../workers.js';

/** Inline SVG goes into HTML: no XML declaration, and ids already carry the flow id. */
export function drawFlow(model: FlowModel): string {
  return svgElement(layoutFlow(model));
}

/**
 * A flow model's JSON, made once: a large one-off build sends it to the drawing worker and puts it in the guide
 * page's reuse key (4,000 flows: 6 million characters, about 90 ms to make).
 */
const modelJson = new WeakMap<FlowModel, string>();
export function flowModelJson(model: FlowModel): string {
  let json = modelJson.get(model);
  if (json === undefined) {
    json = JSON.stringify(model);
    modelJson.set(model, json);
  }
  return json;
}

// Below this many drawings the worker's start-up (about 0.2 s of loading) costs more than it saves.
const WORKER_THRESHOLD = 200;
const WORKER_SCRIPT = new URL('./drawings.worker.js', import.meta.url);
// A worker that makes no progress for this long is given up on; its drawings are made here.
const PATIENCE_MS = 30_000;

/** Claims of the drawings (one slot per flow) and of the other jobs: free, the worker's, this thread's. */
export const FREE = 0;
export const WORKER = 1;
export const MAIN = 2;

/**
 * The slots of the jobs other than drawings: who makes the open data and the search index, whether the search index
 * was asked for, whether the flows were posted (a worker started before they were known waits for them).
 */
export const JOB = { openData: 0, search: 1, searchAsked: 2, flowsPosted: 3, size: 4 } as const;

/** The flowcharts to draw, in the order their pages are rendered, and their claim table. */
export interface FlowsJob {
  /** JSON of the flow models (objects parsed from JSON are fast to read). */
  models: string;
  claims: SharedArrayBuffer;
}

export interface DrawingJob {
  /**
   * A one-off build's catalogue as its JSON: the worker makes the open data that needs nothing but entries first,
   * then draws.
   */
  openData?: { catalogue: string; locale: Locale };
  /** The flows, when known as the worker starts; else they come as the port's first message (JOB.flowsPosted). */
  flows?: FlowsJob;
  /** Claims of the other jobs (JOB). */
  jobs: SharedArrayBuffer;
  /** Count of results posted, for waiting without spinning. */
  posted: SharedArrayBuffer;
  /** Both ways: the flows and the search request to the worker, the open data and search index back. */
  port: MessagePort;
  /**
   * The drawings, in the order they are made, on a port of their own: this thread takes each in when its page comes.
   * Taking in everything posted so far (2,000 drawings when the first guide page came, on 4,000 items) held up to
   * 2,900 of them at once, which the garbage collector copied and promoted for nothing.
   */
  drawings: MessagePort;
}

/** A drawing the worker made; without `svg` it failed, and this thread draws it again to report the error. */
export interface DrawingResult {
  index: number;
  svg?: string;
}

/** The open data the worker made; without `files` it failed, and this thread makes them. */
export interface OpenDataResult {
  openData: true;
  files?: EntryFiles;
}

/** The search index the worker made (searchIndexScript); without `script` it failed, and this thread makes it. */
export interface SearchResult {
  search: true;
  script?: string;
}

/** Sent to the worker once the guides are planned: their search entries as JSON. */
export interface SearchRequest {
  entries: string;
}

/**
 * The worker draws the flows in the order their pages come, from the moment the pages are planned; this thread
 * makes the site-wide files meanwhile, then renders the guide pages and finds their drawings made. A flow the
 * worker has not reached yet when its page comes is drawn here. Each flow is claimed in a shared table, so none is
 * drawn twice.
 */
export class SharedDrawings {
  private readonly index = new Map<string, number>();
  /** The drawings' claims: none until the flows are known. */
  private claims: Int32Array | undefined;
  private readonly jobs: Int32Array;
  private readonly posted: Int32Array;
  private readonly received = new Map<number, DrawingResult>();
  private openData: OpenDataResult | undefined;
  private search: SearchResult | undefined;
  private readonly port: MessagePort;
  private readonly drawingsPort: MessagePort;
  private readonly worker: Worker;

  private constructor(models: readonly FlowModel[] | undefined, openData: DrawingJob['openData']) {
    const job = { ...(openData ? { openData } : {}), ...(models ? { flows: this.flowsJob(models) } : {}), jobs: new SharedArrayBuffer(4 * JOB.size), posted: new SharedArrayBuffer(4) };
    this.jobs = new Int32Array(job.jobs);
    this.posted = new Int32Array(job.posted);
    const { port1, port2 } = new MessageChannel();
    const drawings = new MessageChannel();
    this.port = port1;
    this.drawingsPort = drawings.port1;
    this.worker = new Worker(WORKER_SCRIPT, { workerData: { ...job, port: port2, drawings: drawings.port2 } satisfies DrawingJob, transferList: [port2, drawings.port2] });
    // A worker that fails to start leaves its flows unclaimed: they are drawn here.
    this.worker.on('error', () => undefined);
  }

  /**
   * Whether a worker pays for `count` flows or guides, by the rule validate's parsing and fmt use (workers.ts):
   * QINGDAN_WORKERS when set, none under a TypeScript test runner, none below the threshold or on one core.
   */
  static allowed(count: number): boolean {
    return workerCount(WORKER_SCRIPT, undefined, count, WORKER_THRESHOLD) > 0;
  }

  /** Shared drawing when it pays (many flows, two cores, compiled code); undefined: draw everything here. */
  static start(models: readonly FlowModel[]): SharedDrawings | undefined {
    return SharedDrawings.allowed(models.length) ? new SharedDrawings(models, undefined) : undefined;
  }

  /**
   * A worker for a build that renders all of its `guides` pages, started before their flows are known (drawFlows
   * gives them): its start-up and the open data take the second core while this thread plans the pages.
   */
  static early(guides: number, openData: DrawingJob['openData']): SharedDrawings | undefined {
    return SharedDrawings.allowed(guides) ? new SharedDrawings(undefined, openData) : undefined;
  }

  private flowsJob(models: readonly FlowModel[]): FlowsJob {
    models.forEach((model, i) => this.index.set(model.id, i));
    const claims = new SharedArrayBuffer(4 * models.length);
    this.claims = new Int32Array(claims);
    // The same text as JSON.stringify(models).
    return { models: `[${models.map(flowModelJson).join(',')}]`, claims };
  }

  /** The flows of a worker started early, in the order their pages come; once. */
  drawFlows(models: readonly FlowModel[]): void {
    if (this.claims) return;
    this.port.postMessage(this.flowsJob(models));
    Atomics.store(this.jobs, JOB.flowsPosted, 1);
    Atomics.notify(this.jobs, JOB.flowsPosted);
  }

  draw(model: FlowModel): string {
    const i = this.index.get(model.id);
    if (i === undefined || !this.claims || Atomics.compareExchange(this.claims, i, FREE, MAIN) === FREE) return drawFlow(model);
    const drawn = this.wait(() => this.takeDrawing(i));
    this.received.delete(i);
    return drawn?.svg ?? drawFlow(model);
  }

  /**
   * The open data the worker was given to make: undefined when it was not, when it has not started on them (this
   * thread takes them over) or when it failed. The caller then makes them itself.
   */
  entryFiles(): EntryFiles | undefined {
    return this.fromWorker(JOB.openData, () => this.openData)?.files;
  }

  /** Hands the guides' search entries (JSON of searchEntry) to the worker, which makes the index between drawings. */
  requestSearchIndex(entries: string): void {
    this.port.postMessage({ entries } satisfies SearchRequest);
    Atomics.store(this.jobs, JOB.searchAsked, 1);
    Atomics.notify(this.jobs, JOB.searchAsked);
  }

  /** The search index script the worker made; undefined when it has not started on it (taken over here) or failed. */
  searchIndex(): string | undefined {
    return this.fromWorker(JOB.search, () => this.search)?.script;
  }

  /** A job's result: undefined at once when the worker had not claimed it (now this thread's), else when it comes. */
  private fromWorker<T>(slot: number, result: () => T | undefined): T | undefined {
    if (Atomics.compareExchange(this.jobs, slot, FREE, MAIN) === FREE) return undefined;
    return this.wait(() => {
      this.takeIn();
      return result();
    });
  }

  /** Takes in the open data and search index the worker has posted so far, without waiting. */
  private takeIn(): void {
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      const result = message.message as OpenDataResult | SearchResult;
      if ('openData' in result) this.openData = result;
      else this.search = result;
    }
  }

  /** Drawing `i`, taking in drawings posted so far until it comes (in page order, it is the next one), without waiting. */
  private takeDrawing(i: number): DrawingResult | undefined {
    let found = this.received.get(i);
    while (!found) {
      const message = receiveMessageOnPort(this.drawingsPort);
      if (!message) break;
      const result = message.message as DrawingResult;
      this.received.set(result.index, result);
      if (result.index === i) found = result;
    }
    return found;
  }

  /**
   * Whether asking for the search index now would wait for the worker (it is making it, or has not begun): the
   * build then renders guide pages first and writes the index after them, instead of idling.
   */
  searchPending(): boolean {
    this.takeIn();
    return this.search === undefined && Atomics.load(this.jobs, JOB.search) !== MAIN;
  }

  /** Until `result` (which takes in what it needs) gives something, or the worker has stalled for PATIENCE_MS. */
  private wait<T>(result: () => T | undefined): T | undefined {
    let waited = 0;
    for (;;) {
      const found = result();
      if (found) return found;
      if (waited >= PATIENCE_MS) return undefined;
      const seen = Atomics.load(this.posted, 0);
      const started = performance.now();
      Atomics.wait(this.posted, 0, seen, 100);
      // Progress resets the patience: only a stalled worker is given up on.
      waited = Atomics.load(this.posted, 0) === seen ? waited + (performance.now() - started) : 0;
    }
  }

  async close(): Promise<void> {
    this.port.close();
    this.drawingsPort.close();
    await this.worker.terminate();
  }
}
