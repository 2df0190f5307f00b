// Flowcharts for guide pages, drawn on this thread or shared with one worker thread (drawings.worker.ts): on a large
// site the drawings are a third of the work, and a second core can make them while this one renders pages.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { layoutFlow } from '../flow/layout.js';
import { svgElement } from '../flow/svg.js';
import type { FlowModel } from '../flow/model.js';
import type { Locale } from '../findings.js';
import type { EntryFiles } from './opendata.js';

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

/** Slots of the shared claim table: who draws each flow, who makes the open data and the search index. */
export const FREE = 0;
export const WORKER = 1;
export const MAIN = 2;

/** Where the jobs other than drawings sit in the claim table of `flows` drawings (its last three slots). */
export function extraSlots(flows: number): { openData: number; search: number; searchAsked: number; size: number } {
  return { openData: flows, search: flows + 1, searchAsked: flows + 2, size: flows + 3 };
}

export interface DrawingJob {
  /** JSON of the flow models in the order their pages are rendered (objects parsed from JSON are fast to read). */
  models: string;
  /**
   * A one-off build's catalogue as its JSON: the worker makes the open data that needs nothing but entries first,
   * then draws. Its claim is the slot after the flows'.
   */
  openData?: { catalogue: string; locale: Locale };
  claims: SharedArrayBuffer;
  /** Count of drawings posted, for waiting without spinning. */
  posted: SharedArrayBuffer;
  port: MessagePort;
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
  private readonly claims: Int32Array;
  private readonly posted: Int32Array;
  private readonly received = new Map<number, DrawingResult>();
  private openData: OpenDataResult | undefined;
  private search: SearchResult | undefined;
  private readonly slots: ReturnType<typeof extraSlots>;
  private readonly port: MessagePort;
  private readonly worker: Worker;

  private constructor(models: readonly FlowModel[], openData: DrawingJob['openData']) {
    models.forEach((model, i) => this.index.set(model.id, i));
    this.slots = extraSlots(models.length);
    // The same text as JSON.stringify(models).
    const job = { models: `[${models.map(flowModelJson).join(',')}]`, ...(openData ? { openData } : {}), claims: new SharedArrayBuffer(4 * this.slots.size), posted: new SharedArrayBuffer(4) };
    this.claims = new Int32Array(job.claims);
    this.posted = new Int32Array(job.posted);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SCRIPT, { workerData: { ...job, port: port2 } satisfies DrawingJob, transferList: [port2] });
    // A worker that fails to start leaves its flows unclaimed: they are drawn here.
    this.worker.on('error', () => undefined);
  }

  /** Shared drawing when it pays (many flows, two cores, compiled code); undefined: draw everything here. */
  static start(models: readonly FlowModel[], openData?: DrawingJob['openData']): SharedDrawings | undefined {
    const requested = process.env.QINGDAN_WORKERS;
    if (requested === '0') return undefined;
    // Compiled output only: under a TypeScript test runner there is no worker script to start.
    if (!WORKER_SCRIPT.pathname.endsWith('.js') || !existsSync(fileURLToPath(WORKER_SCRIPT))) return undefined;
    if (requested === undefined && (models.length < WORKER_THRESHOLD || availableParallelism() < 2)) return undefined;
    return new SharedDrawings(models, openData);
  }

  draw(model: FlowModel): string {
    const i = this.index.get(model.id);
    if (i === undefined || Atomics.compareExchange(this.claims, i, FREE, MAIN) === FREE) return drawFlow(model);
    const drawn = this.wait(() => this.received.get(i));
    this.received.delete(i);
    return drawn?.svg ?? drawFlow(model);
  }

  /**
   * The open data the worker was given to make: undefined when it was not, when it has not started on them (this
   * thread takes them over) or when it failed. The caller then makes them itself.
   */
  entryFiles(): EntryFiles | undefined {
    return this.fromWorker(this.slots.openData, () => this.openData)?.files;
  }

  /** Hands the guides' search entries (JSON of searchEntry) to the worker, which makes the index between drawings. */
  requestSearchIndex(entries: string): void {
    this.port.postMessage({ entries } satisfies SearchRequest);
    Atomics.store(this.claims, this.slots.searchAsked, 1);
    Atomics.notify(this.claims, this.slots.searchAsked);
  }

  /** The search index script the worker made; undefined when it has not started on it (taken over here) or failed. */
  searchIndex(): string | undefined {
    return this.fromWorker(this.slots.search, () => this.search)?.script;
  }

  /** A job's result: undefined at once when the worker had not claimed it (now this thread's), else when it comes. */
  private fromWorker<T>(slot: number, result: () => T | undefined): T | undefined {
    return Atomics.compareExchange(this.claims, slot, FREE, MAIN) === FREE ? undefined : this.wait(result);
  }

  /** Takes in what the worker posted until `result` gives something, or the worker has stalled for PATIENCE_MS. */
  private wait<T>(result: () => T | undefined): T | undefined {
    let waited = 0;
    for (;;) {
      for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
        const result = message.message as DrawingResult | OpenDataResult | SearchResult;
        if ('openData' in result) this.openData = result;
        else if ('search' in result) this.search = result;
        else this.received.set(result.index, result);
      }
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
    await this.worker.terminate();
  }
}
