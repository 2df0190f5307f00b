import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/guide/progress.js';

function stream(isTTY: boolean) {
  let text = '';
  return { out: { isTTY, write: (t: string) => ((text += t), true) }, text: () => text };
}

describe('build progress', () => {
  it('redraws one bar in place on a terminal and clears it at the end', () => {
    const s = stream(true);
    const progress = progressReporter(s.out, '生成办事指南');
    for (let i = 1; i <= 10; i++) progress.update(i, 10);
    progress.end();
    expect(s.text()).not.toContain('\n');
    expect(s.text()).toContain('\r生成办事指南 [########################] 10/10');
    expect(s.text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('writes plain lines, one per quarter, when not a terminal (CI) and only for large builds', () => {
    const small = stream(false);
    const quiet = progressReporter(small.out, 'pages');
    for (let i = 1; i <= 100; i++) quiet.update(i, 100);
    expect(small.text()).toBe('');
    const large = stream(false);
    const progress = progressReporter(large.out, 'pages');
    for (let i = 1; i <= 4000; i++) progress.update(i, 4000);
    progress.end();
    expect(large.text()).toBe('pages 1000/4000\npages 2000/4000\npages 3000/4000\npages 4000/4000\n');
    expect(large.text()).not.toContain('\r');
  });
});
