// Thread priorities. On a machine with few cores a command's main thread is its critical path, and everything else
// in the process competes with it for the CPU: V8's compiler and garbage-collector threads (several seconds of CPU
// in a large site build), libuv's file threads and our worker threads, whose results the main thread can wait for
// when it needs them. Those threads are asked to yield to the main thread: a higher nice value for each, on Linux,
// where a thread's priority can be set on its own. Elsewhere, or when the system refuses, nothing changes.
import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How much the other threads yield, in nice steps above the main thread's own (a process started with `nice` keeps
 * its place): ten steps give a thread about a tenth of a core that the main thread wants too.
 */
const STEPS = 10;
const LOWEST = 19;

function lower(threadId: number): void {
  try {
    const target = Math.min(LOWEST, getPriority(process.pid) + STEPS);
    // Never raised: only a thread above the target is moved (raising needs privileges, and is not ours to do).
    if (getPriority(threadId) < target) setPriority(threadId, target);
  } catch {
    // Not permitted, or the thread has just ended: it keeps its priority.
  }
}

/** Lowers the priority of every thread of the process but the main one (call it again after threads are started). */
export function yieldToMainThread(): void {
  if (process.platform !== 'linux') return;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const thread of threads) if (Number(thread) !== process.pid) lower(Number(thread));
}

/** Lowers the priority of the calling thread (a worker's first step). */
export function yieldThisThread(): void {
  if (process.platform !== 'linux') return;
  try {
    lower(Number(readlinkSync('/proc/thread-self').split('/').pop()));
  } catch {
    // No /proc: nothing to do.
  }
}
