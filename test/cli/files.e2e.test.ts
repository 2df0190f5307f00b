// Commands writing below a folder where the file system refuses to make one (Linux /proc answers ENOENT): each says
// it cannot write there and ends (exit 2), where Node's recursive mkdir used to loop for ever.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

const LISTS = path.join(ROOT, 'lists');
const NOWHERE = '/proc/qingdan-test';
const CSV = path.join(ROOT, 'test/fixtures/import/national.utf8-bom.csv');

describe.runIf(process.platform === 'linux' && existsSync('/proc/self'))('writing where no folder can be made (the real binary)', () => {
  const cases: [string, string[], string][] = [
    ['validate --output', ['validate', LISTS, '-o', `${NOWHERE}/report.txt`], `qingdan: 无法写入 ${NOWHERE}/report.txt（ENOENT）：无法在此处创建文件夹。请换一个位置。`],
    ['diff --output', ['diff', LISTS, LISTS, '-o', `${NOWHERE}/diff.md`], `qingdan: 无法写入 ${NOWHERE}/diff.md（ENOENT）：`],
    ['export -f xlsx', ['export', LISTS, '-f', 'xlsx', '-o', `${NOWHERE}/a/清单.xlsx`], `qingdan: 无法写入 ${NOWHERE}/a/清单.xlsx（ENOENT）：`],
    ['flow --out', ['flow', '-C', LISTS, '--out', `${NOWHERE}/charts`, 'homestead-approval'], `qingdan: 无法写入 ${NOWHERE}/charts/`],
    ['import --out', ['import', CSV, '--kind', 'powers', '--out', `${NOWHERE}/lists`], `${NOWHERE}/lists`],
    ['init', ['init', `${NOWHERE}/new`], `qingdan: 无法写入 ${NOWHERE}/new/`],
    ['build --out', ['build', LISTS, '--out', `${NOWHERE}/site`], `qingdan: 无法写入 ${NOWHERE}（ENOENT）：`],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}: says it cannot write there, exit 2`, async () => {
      const result = await runCli(args, { cwd: temporaryFolder('qingdan-files-'), timeout: 20_000 });
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('内部错误');
      expect(result.code).toBe(2);
    });
  }

  it('validate --cache with its cache there: checks as without a cache (the cache only saves time)', async () => {
    const result = await runCli(['validate', LISTS, '--cache', '--cache-location', `${NOWHERE}/cache/x`], { timeout: 20_000 });
    expect(result.stdout).toContain('没有发现问题');
    expect(result.code).toBe(0);
  });
});
