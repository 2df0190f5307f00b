// Runs the real binary, as users and CI do, and captures what it prints and returns.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporaryFolder } from '../temporary.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/qingdan.js');

/** Longer than any test's own timeout (the longest is 60 s), so that only a process left hanging is killed. */
const CHILD_LIMIT_MS = 120_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `timeout` (ms): the process is killed after it, for a test about something that used to hang. Without one, after
 * CHILD_LIMIT_MS: a run that hangs fails its test at vitest's timeout, and would otherwise stay behind, running,
 * after the suite (one did, from a build whose helper thread was not closed).
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { PATH: process.env.PATH, ...options.env }, maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? CHILD_LIMIT_MS },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Tests about what a user may not read need a user: root reads everything, so as root they run as nobody (setpriv). */
export const AS_ROOT = process.getuid?.() === 0;
export const CAN_DROP_ROOT = AS_ROOT && spawnSync('setpriv', ['--version']).status === 0;

/** The program and arguments that run the real binary as nobody (uid 65534) when we are root, as ourselves otherwise. */
export function unprivileged(args: string[]): [string, string[]] {
  return CAN_DROP_ROOT ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
}

/** runCli, as a user that permissions stop (see unprivileged). */
export function runUnprivileged(args: string[], cwd: string): Promise<CliResult> {
  const [program, argv] = unprivileged(args);
  return new Promise((resolve) => {
    execFile(program, argv, { cwd, env: { PATH: process.env.PATH } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A writable copy of a catalogue folder in a fresh temporary directory; returns the copy's path. */
export function copyCatalogue(from: string, name = 'lists'): string {
  const dir = temporaryFolder('qingdan-');
  const target = path.join(dir, name);
  cpSync(from, target, { recursive: true });
  return target;
}

/** Replaces `find` by `replace` in a file, failing loudly when `find` is not there (so a test cannot silently do nothing). */
export function edit(file: string, find: string, replace: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(find)) throw new Error(`${file} does not contain ${JSON.stringify(find)}`);
  writeFileSync(file, text.replace(find, replace));
}

/** 1-based line and column where `needle` first occurs in a file (after `after`, if given). */
export function positionOf(file: string, needle: string, after = ''): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`${file} does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
