// Preload that prints each JavaScript thread's CPU time when it ends (main thread and worker threads), from
// /proc/thread-self/stat; what is left of the process's CPU (/usr/bin/time) went to V8's helper threads
// (optimising compiler, garbage collector) and libuv's. Linux only; run by hand:
//
//   NODE_OPTIONS="--require ./bench/thread-cpu.cjs" /usr/bin/time -f "%e s %U user %S sys" node bin/qingdan.js build …
const { readFileSync } = require('node:fs');
const { isMainThread, threadId, parentPort } = require('node:worker_threads');

const started = Date.now();
let reported = false;
function report() {
  if (reported) return;
  reported = true;
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    const ticks = 100; // USER_HZ
    process.stderr.write(`[thread ${threadId}${isMainThread ? ' main' : ''}] user ${(fields[11] / ticks).toFixed(2)} s, sys ${(fields[12] / ticks).toFixed(2)} s, alive ${((Date.now() - started) / 1000).toFixed(2)} s\n`);
  } catch {
    // Not Linux: nothing to say.
  }
}
process.on('exit', report);
// A worker terminated by its parent may never see 'exit': it reports when its port closes too.
if (!isMainThread && parentPort) parentPort.once('close', report);
