// Thread priorities (src/threads.ts), read back from /proc in a separate node process: Linux only.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const THREADS = fileURLToPath(new URL('../dist/threads.js', import.meta.url));

/**
 * Starts a worker thread (which may lower itself), optionally sets every other thread to `preset` first, then calls
 * yieldToMainThread and reports each thread's nice value.
 */
function niceValues(options: { under?: number; workerYields?: boolean; preset?: number } = {}): { main: number; others: number[]; worker: number } {
  const script = `
    import { Worker } from 'node:worker_threads';
    import { readdirSync, readFileSync } from 'node:fs';
    import { setPriority } from 'node:os';
    import { yieldToMainThread } from ${JSON.stringify(THREADS)};
    const nice = (t) => Number(readFileSync('/proc/self/task/' + t + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
    const code = ${JSON.stringify(`Promise.all([import('node:worker_threads'), import('node:fs'), import(${JSON.stringify(THREADS)})]).then(([threads, fs, ours]) => { ${options.workerYields ? 'ours.yieldThisThread();' : ''} threads.parentPort.postMessage(fs.readlinkSync('/proc/thread-self').split('/').pop()); setInterval(() => undefined, 1000); })`)};
    const worker = new Worker(code, { eval: true });
    const workerThread = await new Promise((resolve) => worker.once('message', resolve));
    ${options.preset === undefined ? '' : `for (const t of readdirSync('/proc/self/task')) if (Number(t) !== process.pid) setPriority(Number(t), ${options.preset});`}
    const workerBefore = nice(workerThread);
    ${options.workerYields ? '' : 'yieldToMainThread();'}
    const others = readdirSync('/proc/self/task').filter((t) => Number(t) !== process.pid).map(nice);
    process.stdout.write(JSON.stringify({ main: nice(process.pid), others, worker: workerBefore }));
    process.exit(0);
  `;
  const command = options.under === undefined ? [process.execPath] : ['nice', '-n', String(options.under), process.execPath];
  const out = execFileSync(command[0]!, [...command.slice(1), '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { main: number; others: number[]; worker: number };
}

describe.runIf(process.platform === 'linux')('thread priorities', () => {
  it('lowers every thread but the main one by ten nice steps', () => {
    const { main, others } = niceValues();
    expect(main).toBe(0);
    // V8's platform threads, libuv's and the worker: several, all lowered.
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(new Set(others)).toEqual(new Set([10]));
  });

  it('counts from the nice value the process was started with, up to 19', () => {
    const { main, others } = niceValues({ under: 15 });
    expect(main).toBe(15);
    expect(new Set(others)).toEqual(new Set([19]));
  });

  it('never raises a thread that is already lower', () => {
    const { main, others } = niceValues({ preset: 17 });
    expect(main).toBe(0);
    expect(new Set(others)).toEqual(new Set([17]));
  });

  it('lets a worker lower itself alone', () => {
    const { main, worker, others } = niceValues({ workerYields: true });
    expect(main).toBe(0);
    expect(worker).toBe(10);
    // The other threads (V8's, libuv's) are left as they were.
    expect(others.filter((value) => value === 0).length).toBeGreaterThanOrEqual(2);
  });
});
