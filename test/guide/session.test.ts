// A resident build (`serve`) keeps models and keys between builds and writes only what changed: after each kind of
// edit its site must be the very bytes a fresh build of the same catalogue writes.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAndBuild, type SiteJob, type SiteOutcome } from '../../src/guide/pipeline.js';
import { MANIFEST, SiteSession } from '../../src/guide/build.js';
import { copyCatalogue, edit } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

const LISTS = path.resolve(import.meta.dirname, '../../lists');

function quietIo(cwd: string) {
  return { stdout: { write: () => true }, stderr: { write: () => true }, cwd, env: {} };
}

function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(root, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)]))
    .sort();
}

/** Every file but the manifest (whose keys for site-wide pages are the session's own), compared byte for byte. */
function expectSameSite(actual: string, expected: string): void {
  const files = filesUnder(expected).filter((file) => file !== MANIFEST);
  expect(filesUnder(actual).filter((file) => file !== MANIFEST)).toEqual(files);
  const different = files.filter((file) => !readFileSync(path.join(actual, file)).equals(readFileSync(path.join(expected, file))));
  expect(different).toEqual([]);
}

describe('a resident build session (serve)', () => {
  it('writes the same bytes as a fresh build after every kind of edit, and rewrites only what an edit reaches', async () => {
    const catalogue = copyCatalogue(LISTS);
    const work = temporaryFolder('qingdan-session-');
    const io = quietIo(work);
    let templates: string[] = [];
    const job = (out: string): SiteJob => ({ root: catalogue, out, templates, incremental: true, toolVersion: 'test', color: false });
    const session = new SiteSession();
    const resident = path.join(work, 'resident');
    const build = async () => {
      const outcome = await validateAndBuild(job(resident), io, session);
      const fresh = path.join(work, `fresh-${Math.random().toString(36).slice(2)}`);
      const full = await validateAndBuild({ ...job(fresh), incremental: false }, io);
      expect(full.ok).toBe(outcome.ok);
      if (outcome.ok) expectSameSite(resident, fresh);
      return outcome;
    };
    const rendered = (outcome: SiteOutcome) => (outcome.ok ? outcome.result.rendered : -1);

    expect(rendered(await build())).toBeGreaterThan(50);
    const untouched = path.join(resident, 'items', readdirSync(path.join(resident, 'items')).find((name) => !name.startsWith('11339921MB1C4572XQ'))!);
    const before = statSync(untouched);

    // One material of one item: that item's page only (the search index and open data change with it). The lists of
    // guides show no materials: they are left as they were (template-reads.ts).
    const list = path.join(resident, 'categories', 'licensing.html');
    const listBefore = statSync(list);
    edit(path.join(catalogue, 'powers/scjgj.yaml'), 'name: 食品经营许可申请书', 'name: 食品经营许可申请书（样本）');
    expect(rendered(await build())).toBe(1);
    const after = statSync(untouched);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    const listAfter = statSync(list);
    expect([listAfter.ino, listAfter.mtimeMs]).toEqual([listBefore.ino, listBefore.mtimeMs]);
    // The item's name is in the lists: they are written again (and are what a fresh build makes).
    edit(path.join(catalogue, 'powers/scjgj.yaml'), '    name: 食品经营许可（新办）\n', '    name: 食品经营许可（首次申请）\n');
    expect(rendered(await build())).toBeGreaterThan(0);
    expect(statSync(list).ino).not.toBe(listBefore.ino);
    expect(readFileSync(list, 'utf8')).toContain('食品经营许可（首次申请）');

    // A page removed from the folder by hand comes back with the next build.
    rmSync(untouched);
    edit(path.join(catalogue, 'powers/scjgj.yaml'), '# 复核日期见各事项 reviewed 字段。', '# 复核日期见各事项 reviewed 字段. ');
    expect(rendered(await build())).toBe(1);
    edit(path.join(catalogue, 'powers/scjgj.yaml'), '# 复核日期见各事项 reviewed 字段. ', '# 复核日期见各事项 reviewed 字段。');
    await build();

    // A comment: nothing.
    edit(path.join(catalogue, 'powers/scjgj.yaml'), '# 复核日期见各事项 reviewed 字段。', '# 复核日期见各事项 reviewed 字段（已核对）。');
    expect(rendered(await build())).toBe(0);

    // A department's name: its items, the flows whose lanes name it, its lists.
    edit(path.join(catalogue, 'departments.yaml'), 'name: 青山县行政审批服务局', 'name: 青山县行政审批局');
    expect(rendered(await build())).toBeGreaterThan(1);

    // A law's title, a flow step, a duty, an item's status and a parent link.
    edit(path.join(catalogue, 'laws.yaml'), 'title: 中华人民共和国行政许可法', 'title: 中华人民共和国行政许可法（2019年修正）');
    expect((await build()).ok).toBe(true);
    edit(path.join(catalogue, 'flows/scjgj.yaml'), 'name: 收件\n', 'name: 收件登记\n');
    expect((await build()).ok).toBe(true);
    edit(path.join(catalogue, 'responsibilities/scjgj.yaml'), 'stage: accept', 'stage: review');
    expect((await build()).ok).toBe(true);

    // An error stops the build and leaves the session as it was; the fix builds again.
    edit(path.join(catalogue, 'powers/scjgj.yaml'), 'department: scjgj', 'department: no-such-department');
    expect((await build()).ok).toBe(false);
    edit(path.join(catalogue, 'powers/scjgj.yaml'), 'department: no-such-department', 'department: scjgj');
    expect((await build()).ok).toBe(true);

    // An item cancelled: its guide leaves the site folder (and comes back when it is in force again).
    const gaj = path.join(catalogue, 'powers/gaj.yaml');
    const registration = path.join(resident, 'items/11339921002541353N4070010000000.html');
    expect(existsSync(registration)).toBe(true);
    edit(gaj, 'name: 机动车注册登记\n    category: confirmation\n    department: gaj\n    level: county\n    status: active', 'name: 机动车注册登记\n    category: confirmation\n    department: gaj\n    level: county\n    status: cancelled\n    status_since: 2026-01-01');
    expect((await build()).ok).toBe(true);
    expect(existsSync(registration)).toBe(false);
    // …and from what the session keeps of the manifest.
    expect(session.manifestPairs.has('items/11339921002541353N4070010000000.html')).toBe(false);
    edit(gaj, 'status: cancelled\n    status_since: 2026-01-01', 'status: active');
    expect((await build()).ok).toBe(true);
    expect(existsSync(registration)).toBe(true);

    // A partial of the user's own templates, added and then edited: every page that uses it.
    const overrides = path.join(work, 'templates');
    mkdirSync(path.join(overrides, 'partials'), { recursive: true });
    writeFileSync(path.join(overrides, 'partials', 'footer.hbs'), '<footer><p>本站由青山县审改办维护</p></footer>\n');
    templates = [overrides];
    expect((await build()).ok).toBe(true);
    // Unchanged templates are not compiled again; an edited one is.
    const compiled = session.templates;
    expect((await build()).ok).toBe(true);
    expect(session.templates).toBe(compiled);
    writeFileSync(path.join(overrides, 'partials', 'footer.hbs'), '<footer><p>本站由青山县审改办维护（试运行）</p></footer>\n');
    expect((await build()).ok).toBe(true);
    expect(session.templates).not.toBe(compiled);
    expect(readFileSync(path.join(resident, 'index.html'), 'utf8')).toContain('（试运行）');

    // The site's name: every page.
    edit(path.join(catalogue, 'qingdan.yaml'), 'name: ', 'name: 新');
    expect(rendered(await build())).toBe(rendered(await validateAndBuild({ ...job(path.join(work, 'count')), incremental: false }, io)));
  }, 240_000);
});
