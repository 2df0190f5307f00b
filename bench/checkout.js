// A built copy of qingdan at a given git revision, so that a benchmark measures one known commit — not a dist/
// that may be older than src/, or rebuilt half-way through a run by someone's `npm test`.
//
//   prepareQingdan('HEAD') → { dir, bin, commit }   (bench/.tools/qingdan-<sha>/, built once and reused)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export function prepareQingdan(ref) {
  const rev = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short=12', `${ref}^{commit}`], { encoding: 'utf8' });
  if (rev.status !== 0) throw new Error(`git cannot resolve ${ref}: ${rev.stderr.trim()}`);
  const commit = rev.stdout.trim();
  const dir = path.join(ROOT, 'bench/.tools', `qingdan-${commit}`);
  const bin = path.join(dir, 'bin/qingdan.js');
  if (existsSync(path.join(dir, '.built'))) return { dir, bin, commit };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // git archive | tar: a clean tree of that commit, without touching the work tree or the index.
  const extract = spawnSync('sh', ['-c', `git -C ${JSON.stringify(ROOT)} archive ${commit} | tar -x -C ${JSON.stringify(dir)}`], { stdio: 'inherit' });
  if (extract.status !== 0) throw new Error(`could not extract ${commit}`);
  // The repository's installed dependencies (the lock file rarely changes between the commits compared).
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build failed for ${commit}`);
  spawnSync('sh', ['-c', `touch ${JSON.stringify(path.join(dir, '.built'))}`]);
  return { dir, bin, commit };
}
