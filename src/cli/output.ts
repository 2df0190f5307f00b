// Where a report goes (stdout or --output) and whether it is coloured: the same for every command.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, writeFailed } from '../errors.js';
import type { CliIo } from './io.js';
import { makeFolder } from '../files.js';

/**
 * --color/--no-color, then NO_COLOR and FORCE_COLOR (https://no-color.org), then whether the stream the report goes
 * to is a terminal: stdout for reports, stderr for what build, serve and flow say while they work.
 */
export function wantsColor(flags: { color?: boolean | undefined; output?: string }, io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (flags.color !== undefined) return flags.color;
  if (io.env.NO_COLOR) return false;
  // As Node and supports-color read it: 0 or false turns colour off even at a terminal; any other value (1–3, true,
  // empty) turns it on.
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return !flags.output && io[stream].isTTY === true;
}

/** Writes to --output (creating its folder) or stdout; a file that cannot be written is a usage error. */
export function writeReport(io: CliIo, output: string | undefined, text: string): void {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  try {
    const target = path.resolve(io.cwd, output);
    makeFolder(path.dirname(target));
    writeFileSync(target, text);
  } catch (error) {
    throw writeFailed(output, error);
  }
}

export const FAIL_ON = ['breaking', 'notice', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** --format and --fail-on of the commands that gate (diff, compare): an unknown value is a usage error. */
export function gateFlags<F>(flags: { format: string; failOn: string }, formatters: Record<string, F>): { formatter: F; failOn: FailOn } {
  const formatter = Object.hasOwn(formatters, flags.format) ? formatters[flags.format] : undefined;
  if (!formatter) throw new UsageError('bad-format', { format: flags.format, known: Object.keys(formatters).join(', ') });
  if (!(FAIL_ON as readonly string[]).includes(flags.failOn)) throw new UsageError('bad-option', { option: '--fail-on', value: flags.failOn, expected: FAIL_ON.join(', ') });
  return { formatter, failOn: flags.failOn as FailOn };
}
