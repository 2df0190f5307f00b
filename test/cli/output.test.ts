import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/cli/output.js';
import type { CliIo } from '../../src/cli/io.js';

function io(env: NodeJS.ProcessEnv, isTTY: boolean): CliIo {
  return { stdout: { write: () => true, isTTY }, stderr: { write: () => true }, cwd: '/', env };
}

describe('wantsColor', () => {
  it('follows --color/--no-color, then NO_COLOR, then FORCE_COLOR as Node reads it, then the terminal', () => {
    expect(wantsColor({}, io({}, true))).toBe(true);
    expect(wantsColor({}, io({}, false))).toBe(false);
    expect(wantsColor({}, io({}, true))).toBe(true);
    expect(wantsColor({ output: 'report.txt' }, io({}, true))).toBe(false);
    expect(wantsColor({ color: true }, io({ NO_COLOR: '1' }, false))).toBe(true);
    expect(wantsColor({ color: false }, io({ FORCE_COLOR: '1' }, true))).toBe(false);
    expect(wantsColor({}, io({ NO_COLOR: '1', FORCE_COLOR: '1' }, true))).toBe(false);
    // An empty NO_COLOR is not set (no-color.org).
    expect(wantsColor({}, io({ NO_COLOR: '' }, true))).toBe(true);
    for (const on of ['1', '2', '3', 'true', '']) expect(wantsColor({}, io({ FORCE_COLOR: on }, false)), on).toBe(true);
    // FORCE_COLOR=0 turned nothing off at a terminal; FORCE_COLOR=false turned colour on.
    for (const off of ['0', 'false']) expect(wantsColor({}, io({ FORCE_COLOR: off }, true)), off).toBe(false);
  });

  it('asks the stream the text goes to: stderr for what build, serve and flow say while they work', () => {
    const streams = (stdout: boolean, stderr: boolean, env: NodeJS.ProcessEnv = {}): CliIo => ({ stdout: { write: () => true, isTTY: stdout }, stderr: { write: () => true, isTTY: stderr }, cwd: '/', env });
    expect(wantsColor({}, streams(false, true), 'stderr')).toBe(true);
    expect(wantsColor({}, streams(true, false), 'stderr')).toBe(false);
    expect(wantsColor({}, streams(false, false, { FORCE_COLOR: '1' }), 'stderr')).toBe(true);
    expect(wantsColor({}, streams(true, true, { NO_COLOR: '1' }), 'stderr')).toBe(false);
    expect(wantsColor({ color: undefined }, streams(true, false))).toBe(true);
  });
});
