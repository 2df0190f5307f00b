// `qingdan serve`'s resident rebuild as an editor waits for it: from the moment a catalogue file is written to the
// moment serve says the site is updated (its watcher's debounce and the writes included), for several edits in a
// row. Shared by bench/site.js and bench/serve-edits.js.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Starts `bin serve catalogue --out out`, then edits `file` `edits` times (each edit renames one material and the
 * next renames it back) and gives each edit's wall time and the time serve reported, in seconds.
 */
export async function timeServeEdits({ bin, catalogue, file, out, edits, cwd }) {
  const editOne = (from, to) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  rmSync(out, { recursive: true, force: true });
  const child = spawn(process.execPath, [bin, 'serve', catalogue, '--out', out, '--port', '0'], { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  let buffer = '';
  let waiting;
  child.stderr.on('data', (chunk) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (waiting?.match.test(line)) {
        const { resolve } = waiting;
        waiting = undefined;
        resolve(line);
      }
    }
  });
  const next = (match) => new Promise((resolve) => (waiting = { match, resolve }));
  await next(/http:\/\/127\.0\.0\.1:\d+/);
  const times = [];
  for (let i = 0; i < edits; i++) {
    const built = next(/已生成网站|^Built /);
    const started = performance.now();
    if (i % 2 === 0) editOne('"管理制度文本"', `"管理制度文本（服务${i}）"`);
    else editOne(`"管理制度文本（服务${i - 1}）"`, '"管理制度文本"');
    const line = await built;
    const reported = Number(/(?:用时|in) ([\d.]+)/.exec(line)?.[1]);
    times.push({ wall: (performance.now() - started) / 1000, reported });
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill();
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(out, { recursive: true, force: true });
  return times;
}
