// Build progress: a bar redrawn in place on a terminal; in CI and logs, a plain line at each quarter of a large build.
import type { Output } from '../cli/io.js';

const WIDTH = 24;
/** Below this many pages a build is over before a progress line could help. */
const PLAIN_MINIMUM = 400;

export function progressReporter(stream: Output, label: string): { update(done: number, total: number): void; end(): void } {
  const tty = stream.isTTY === true;
  let lastQuarter = 0;
  let drawn = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      if (!total) return;
      if (tty) {
        const now = Date.now();
        if (done < total && now - lastDraw < 50) return;
        lastDraw = now;
        const filled = Math.round((done / total) * WIDTH);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
        drawn = true;
        return;
      }
      if (total < PLAIN_MINIMUM) return;
      const quarter = Math.floor((done / total) * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        stream.write(`${label} ${done}/${total}\n`);
      }
    },
    end() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
