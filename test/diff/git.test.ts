// Revisions from git: which refs get through to git at all, and a catalogue read from blobs equals the one on disk.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { ProcessedFile } from '../../src/catalogue/process.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { diffCatalogues } from '../../src/diff/diff.js';
import { Git, GitSource, isPlausibleRef, repositoryPrefix } from '../../src/diff/git.js';
import { UsageError } from '../../src/errors.js';
import { caseFolder, TODAY } from './harness.js';
import { temporaryFolder } from '../temporary.js';

describe('isPlausibleRef', () => {
  it.each(['main', 'HEAD', 'HEAD~2', 'HEAD^', 'main^2', 'v1.0.0', 'origin/main', 'feature/青山-2026', '@{u}', 'main@{1}', 'a1b2c3d', '0123456789abcdef0123456789abcdef01234567'])('accepts %s', (ref) => {
    expect(isPlausibleRef(ref)).toBe(true);
  });

  it.each(['', '-x', '--upload-pack=touch x', '--output=x', '-', 'a..b', 'a b', 'HEAD:lists', 'a*', 'a?', 'a[1]', 'a\nb', 'a\\b', '$(touch x)', '`x`', 'x'.repeat(257)])('refuses %j', (ref) => {
    expect(isPlausibleRef(ref)).toBe(false);
  });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=qingdan@example.com', '-c', 'user.name=qingdan', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: cwd },
  });
}

/** A repository with the renamed-item fixture pair as two commits of data/lists. */
function repository(): { root: string } {
  const repo = temporaryFolder('qingdan-git-');
  git(repo, 'init', '-q');
  const root = path.join(repo, 'data', 'lists');
  mkdirSync(path.dirname(root), { recursive: true });
  cpSync(caseFolder('power-renamed', 'base'), root, { recursive: true });
  writeFileSync(path.join(root, 'notes.txt'), 'not YAML\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  cpSync(caseFolder('power-renamed', 'revision'), root, { recursive: true });
  git(repo, 'commit', '-q', '-a', '-m', 'revision');
  return { root };
}

describe('GitSource', () => {
  it('lists the YAML files of the catalogue folder at a commit, and reads them from blobs', () => {
    const { root } = repository();
    const gitRepo = new Git(root);
    expect(repositoryPrefix(gitRepo.topLevel(), root)).toBe('data/lists');
    const source = new GitSource(gitRepo, gitRepo.resolve('HEAD~1'), 'data/lists', 'data/lists', 'HEAD~1');
    expect(source.hasConfig()).toBe(true);
    expect(source.listFiles()).toEqual(['departments.yaml', 'flows.yaml', 'laws.yaml', 'powers.yaml', 'responsibilities.yaml']);
    expect(Buffer.from(source.readFile('powers.yaml')).toString('utf8')).toContain('name: 食品经营许可\n');
    expect(() => source.readFile('missing.yaml')).toThrow(/ENOENT/);
  });

  it('lists the files a folder on disk lists: a file with a dot name is read, a hidden folder and node_modules are not', () => {
    const { root } = repository();
    for (const file of ['.wip.yaml', '.drafts/powers.yaml', 'node_modules/x/a.yaml']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), 'laws: []\n');
    }
    git(root, 'add', '-A', '-f');
    git(root, 'commit', '-q', '-m', 'hidden');
    const gitRepo = new Git(root);
    const source = new GitSource(gitRepo, gitRepo.resolve('HEAD'), 'data/lists', 'data/lists', 'HEAD');
    expect(source.listFiles()).toEqual(new DirectorySource(root, root).listFiles());
    expect(source.listFiles()).toContain('.wip.yaml');
  });

  it('gives the same diff from two commits as from the two folders', async () => {
    const { root } = repository();
    const gitRepo = new Git(root);
    const at = (ref: string) => ({ source: new GitSource(gitRepo, gitRepo.resolve(ref), 'data/lists', 'lists', ref), label: ref });
    const fromGit = await diffCatalogues(at('HEAD~1'), at('HEAD'), { today: TODAY, locale: 'en' });
    const folder = (side: 'base' | 'revision') => ({ source: new DirectorySource(caseFolder('power-renamed', side), caseFolder('power-renamed', side), 'lists'), label: side });
    const fromFolders = await diffCatalogues(folder('base'), folder('revision'), { today: TODAY, locale: 'en' });
    const strip = ({ classId, level, message, fingerprint, base, head }: (typeof fromGit.changes)[number]) => ({ classId, level, message, fingerprint, base, head });
    expect(fromGit.changes.map(strip)).toEqual(fromFolders.changes.map(strip));
    expect(fromGit.changes.map((c) => c.head!.file)).toEqual(['lists/powers.yaml']);
  });

  it('refuses refs that are not there, or not plausible, with a sentence', () => {
    const { root } = repository();
    const gitRepo = new Git(root);
    const keyOf = (ref: string) => {
      try {
        gitRepo.resolve(ref);
        return 'resolved';
      } catch (error) {
        return error instanceof UsageError ? error.key : String(error);
      }
    };
    expect(keyOf('HEAD~1')).toBe('resolved');
    expect(keyOf('HEAD~5')).toBe('ref-missing');
    expect(keyOf('--upload-pack=x')).toBe('bad-ref');
    expect(keyOf('HEAD^{tree}')).toBe('ref-missing'); // a tree is not a commit
  });

  it('says when a folder is not in a repository, or outside it', () => {
    const outside = temporaryFolder('qingdan-nogit-');
    expect(() => new Git(outside).topLevel()).toThrow(UsageError);
    expect(() => repositoryPrefix('/repo', '/elsewhere/lists')).toThrow(UsageError);
  });
});

describe('reading blobs', () => {
  const at = (gitRepo: Git, ref: string) => new GitSource(gitRepo, gitRepo.resolve(ref), 'data/lists', 'lists', ref);

  it('parses a file both revisions share once: the two catalogues hold the same data for it', async () => {
    const { root } = repository();
    const gitRepo = new Git(root);
    const shared = new Map<string, ProcessedFile>();
    const base = await loadCatalogue(at(gitRepo, 'HEAD~1'), { shared });
    const head = await loadCatalogue(at(gitRepo, 'HEAD'), { shared });
    // power-renamed changes powers.yaml only: five files in the base, one more for the head's powers.yaml.
    expect(shared.size).toBe(6);
    expect(head.catalogue.sections.laws[0]!.value).toBe(base.catalogue.sections.laws[0]!.value);
    expect(head.catalogue.sections.responsibilities[0]!.value).toBe(base.catalogue.sections.responsibilities[0]!.value);
    expect(head.catalogue.sections.powers[0]!.value).not.toBe(base.catalogue.sections.powers[0]!.value);
    expect(head.catalogue.sections.powers.map((p) => p.value.name)).not.toEqual(base.catalogue.sections.powers.map((p) => p.value.name));
  });

  it('does not share a parse between two paths with the same content: findings name their own file', async () => {
    const { root } = repository();
    const gitRepo = new Git(root);
    cpSync(path.join(root, 'laws.yaml'), path.join(root, 'laws-copy.yaml'));
    git(path.dirname(path.dirname(root)), 'add', '-A');
    git(path.dirname(path.dirname(root)), 'commit', '-q', '-m', 'copy');
    const shared = new Map<string, ProcessedFile>();
    await loadCatalogue(at(gitRepo, 'HEAD~1'), { shared });
    const head = await loadCatalogue(at(gitRepo, 'HEAD'), { shared });
    // HEAD~1's five files, and laws-copy.yaml parsed on its own although its blob is laws.yaml's.
    expect(shared.size).toBe(6);
    expect([...new Set(head.catalogue.sections.laws.map((entry) => entry.file))]).toEqual(['lists/laws-copy.yaml', 'lists/laws.yaml']);
  });

  it('reads each blob once, and names a blob git cannot give', () => {
    const { root } = repository();
    const gitRepo = new Git(root);
    const id = gitRepo.run(['rev-parse', 'HEAD:data/lists/laws.yaml']).trim();
    const first = gitRepo.readBlobs([id]).get(id)!;
    expect(Buffer.from(first).toString('utf8')).toContain('laws:');
    expect(gitRepo.readBlobs([id, id]).get(id)).toBe(first);
    const absent = '0123456789abcdef0123456789abcdef01234567';
    expect(() => gitRepo.readBlobs([absent])).toThrow(`git cat-file could not read blob ${absent}: ${absent} missing`);
  });

  it('refuses a revision whose blobs git cannot read, as a broken side (exit 2), not an internal error', async () => {
    const { root } = repository();
    const gitRepo = new Git(root);
    const id = gitRepo.run(['rev-parse', 'HEAD~1:data/lists/laws.yaml']).trim();
    // A corrupt repository: the base's laws.yaml is gone from the object store (it is loose: nothing was packed).
    rmSync(path.join(path.dirname(path.dirname(root)), '.git', 'objects', id.slice(0, 2), id.slice(2)));
    const source = at(gitRepo, 'HEAD~1');
    expect(() => source.readFile('laws.yaml')).toThrow(`git cat-file could not read blob ${id}`);
    const refused = await diffCatalogues({ source, label: 'HEAD~1' }, { source: at(gitRepo, 'HEAD'), label: 'HEAD' }, { today: TODAY, locale: 'en' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as UsageError).key).toBe('diff-broken-side');
  });
});
