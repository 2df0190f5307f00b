#!/usr/bin/env node
// Site build benchmark: qingdan build on N synthetic items, each with its own flowchart, beside Eleventy 3.1.2
// building N plain markdown pages with a Handlebars layout, in one run on one machine; then an incremental rebuild
// after one item is edited.
//
//   node bench/site.js [--items 4000] [--runs 3] [--keep] [--dir /dev/shm]
//
// Goals (issue 5): full build ≤ 1.0× Eleventy's wall time; incremental rebuild ≤ 0.1× our full build.
// Wall time of each whole command (process start to exit), best of --runs, measured in this process; CPU time (user +
// system, all threads) beside it from /usr/bin/time where there is one. qingdan builds with --cache: the full build
// starts with no cache and no site (it pays for writing the cache), the rebuilds after an edit read it; one rebuild
// without --cache is timed too. Last, `qingdan serve` runs on the same catalogue and one item is edited several
// times: each edit is timed from the file's write to serve's line saying the site is updated (median reported).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { measure } from './measure.js';
import { timeServeEdits } from './serve-timing.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { items: { type: 'string', default: '4000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false }, dir: { type: 'string' } },
});
const ITEMS = Number(args.items);
const RUNS = Number(args.runs);
const PER_DEPARTMENT = 40;

// --------------------------------------------------------------------------------------------------------------
// A catalogue that validates clean: departments with valid credit codes, one law, and per item a power, its
// responsibility entry and its own seven-step flow (a completeness check that loops back through 补正).
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(n) {
  const first17 = `11339921MB${String(n).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return first17 + CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}
const SUBJECTS = ['建筑工程', '食品经营', '道路运输', '公共场所卫生', '药品零售', '农药经营', '危险化学品', '旅馆业', '娱乐场所', '民办学校', '养老机构', '排污', '取水', '林木采伐', '渔业捕捞', '医疗机构', '建设用地', '户外广告', '燃气经营', '出版物零售'];
const KINDS = ['许可', '登记', '备案', '审批', '核准', '变更', '延续', '注销'];
const MATERIALS = ['申请书', '营业执照', '法定代表人身份证明', '场所使用证明', '设施设备清单', '管理制度文本', '专业技术人员资格证明', '平面布局图', '承诺书'];

function generate(dir) {
  const departments = [];
  const powers = new Map();
  const responsibilities = new Map();
  const flows = new Map();
  const departmentCount = Math.ceil(ITEMS / PER_DEPARTMENT);
  for (let d = 0; d < departmentCount; d++) {
    departments.push({ id: `d${d}`, name: `青山县第${d + 1}局`, credit_code: creditCode(d + 1), level: 'county', address: `青山县人民路${d + 1}号`, phone: `0570-12${String(d).padStart(5, '0')}` });
  }
  for (let i = 0; i < ITEMS; i++) {
    const department = departments[Math.floor(i / PER_DEPARTMENT)];
    const code = `${department.credit_code}4${String(1 + (i % 12)).padStart(2, '0')}${String(i).padStart(6, '0')}0000`;
    const name = `${SUBJECTS[i % SUBJECTS.length]}${KINDS[Math.floor(i / SUBJECTS.length) % KINDS.length]}（第${i + 1}项）`;
    const promised = 3 + (i % 10);
    const power = {
      code,
      name,
      category: 'licensing',
      department: department.id,
      level: 'county',
      basis: [{ law: 'xzxkf', article: '第三十八条', text: '申请人的申请符合法定条件、标准的，行政机关应当依法作出准予行政许可的书面决定。' }],
      time_limit: { statutory: 20, promised, unit: 'working-days' },
      conditions: ['申请人具有相应的主体资格', `${SUBJECTS[i % SUBJECTS.length]}符合有关规定`, '法律、法规规定的其他条件'],
      applicants: i % 3 ? ['legal-person'] : ['natural-person', 'legal-person'],
      materials: MATERIALS.slice(0, 3 + (i % 6)).map((material, m) => ({ name: material, required: m < 3 ? true : 'conditional', ...(m < 3 ? {} : { condition: '涉及的' }), source: m === 1 ? 'government' : 'applicant', medium: 'both', originals: 1, copies: m % 2 })),
      visits: i % 4 === 0 ? 1 : 0,
      ...(i % 4 === 0 ? { visit_reason: '需要核验原件' } : {}),
      online: { depth: i % 4 === 0 ? ['consult', 'intake', 'pre-review'] : ['consult', 'intake', 'accept', 'handle', 'result'], url: `https://zwfw.example.gov.cn/item/${code}` },
      location: '青山县政务服务中心一楼综合窗口',
      hours: '周一至周五 8:30—17:30',
      contact: { consult: department.phone, complaint: '12345政务服务便民热线' },
      remedies: { review: '可以依法申请行政复议', litigation: '可以依法提起行政诉讼' },
      flow: `f${i}`,
      reviewed: '2025-05-20',
    };
    const accept = { stage: 'accept', text: '依法受理申请' };
    const responsibility = { power: code, duties: [accept, { stage: 'review', text: '审查申请材料' }, { stage: 'decide', text: '作出决定' }], accountability: { cases: ['不依法受理的'], basis: [{ law: 'xzxkf', article: '第七十二条' }], subjects: ['直接责任人员'] } };
    const flow = {
      id: `f${i}`,
      name: `${name}流程`,
      power: code,
      steps: [
        { id: 'start', name: '申请人提交申请', type: 'start', next: 'intake' },
        { id: 'intake', name: '收件', type: 'task', department: department.id, duration: 0, next: 'check' },
        { id: 'check', name: '材料是否齐全', type: 'decision', department: department.id, branches: [{ to: 'review', when: '齐全' }, { to: 'fix', when: '不齐全' }] },
        { id: 'fix', name: '一次性告知补正', type: 'task', department: department.id, duration: 1, counted: false, next: 'intake' },
        { id: 'review', name: '审查', type: 'task', department: department.id, duration: Math.max(1, promised - 2), next: 'decide' },
        { id: 'decide', name: '作出决定', type: 'task', department: department.id, duration: 1, next: 'deliver' },
        { id: 'deliver', name: '送达', type: 'task', department: department.id, duration: 1, next: 'end' },
        { id: 'end', name: '办结', type: 'end' },
      ],
    };
    for (const [map, value] of [[powers, power], [responsibilities, responsibility], [flows, flow]]) {
      if (!map.has(department.id)) map.set(department.id, []);
      map.get(department.id).push(value);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  for (const folder of ['powers', 'responsibilities', 'flows']) mkdirSync(path.join(dir, folder), { recursive: true });
  // JSON is YAML: the files stay simple to write and every loader reads them the same way.
  writeFileSync(path.join(dir, 'qingdan.yaml'), 'name: 基准测试清单\nregion: 青山县\nlocale: zh-CN\nprofile: national\n');
  writeFileSync(path.join(dir, 'departments.yaml'), JSON.stringify({ departments }, null, 1));
  writeFileSync(path.join(dir, 'laws.yaml'), JSON.stringify({ laws: [{ id: 'xzxkf', title: '中华人民共和国行政许可法', kind: 'law', articles: ['第三十八条', '第七十二条'] }] }, null, 1));
  for (const [folder, map, key] of [['powers', powers, 'powers'], ['responsibilities', responsibilities, 'responsibilities'], ['flows', flows, 'flows']]) {
    for (const [id, list] of map) writeFileSync(path.join(dir, folder, `${id}.yaml`), JSON.stringify({ [key]: list }, null, 1));
  }
}

// --------------------------------------------------------------------------------------------------------------
// The Eleventy side: N markdown pages of similar length through one Handlebars layout.
function eleventyProject(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/_includes'), { recursive: true });
  mkdirSync(path.join(dir, 'src/items'), { recursive: true });
  writeFileSync(
    path.join(dir, 'eleventy.config.mjs'),
    `import handlebarsPlugin from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'node_modules/@11ty/eleventy-plugin-handlebars/handlebarsConfig.js')).href)};\nexport default function (config) {\n  config.addPlugin(handlebarsPlugin);\n  return { dir: { input: 'src', output: '_site' } };\n}\n`,
  );
  writeFileSync(
    path.join(dir, 'src/_includes/layout.hbs'),
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>{{title}}</title><link rel="stylesheet" href="/assets/site.css"></head>\n<body>\n<header><a href="/">基准测试清单</a></header>\n<main>\n<h1>{{title}}</h1>\n{{{content}}}\n</main>\n<footer>我要咨询 · 我要投诉</footer>\n</body>\n</html>\n',
  );
  for (let i = 0; i < ITEMS; i++) {
    const title = `${SUBJECTS[i % SUBJECTS.length]}${KINDS[Math.floor(i / SUBJECTS.length) % KINDS.length]}（第${i + 1}项）`;
    const materials = MATERIALS.slice(0, 3 + (i % 6)).map((m, n) => `| ${n + 1} | ${m} | 必需 | 1 | ${n % 2} | 纸质和电子 | 申请人自备 |`).join('\n');
    writeFileSync(
      path.join(dir, 'src/items', `${i}.md`),
      `---\nlayout: layout.hbs\ntitle: "${title}"\n---\n\n## 受理条件\n\n- 申请人具有相应的主体资格\n- ${SUBJECTS[i % SUBJECTS.length]}符合有关规定\n- 法律、法规规定的其他条件\n\n## 申请材料\n\n| 序号 | 材料 | 是否必需 | 原件 | 复印件 | 载体 | 来源 |\n|---|---|---|---|---|---|---|\n${materials}\n\n## 办理流程\n\n1. 申请人提交申请\n2. 收件（即办）\n3. 材料是否齐全：齐全转审查，不齐全一次性告知补正\n4. 审查\n5. 作出决定\n6. 送达\n\n## 办理时限\n\n承诺 ${3 + (i % 10)} 个工作日，法定 20 个工作日。\n\n## 咨询与投诉\n\n- 咨询：0570-1234567\n- 投诉：12345政务服务便民热线\n`,
    );
  }
}

// --------------------------------------------------------------------------------------------------------------
/** One run of a command, timed by bench/measure.js; a failing build stops the benchmark. */
async function time(command, commandArgs, cwd) {
  const r = await measure([command, ...commandArgs], { cwd, env: { CI: 'true', NO_COLOR: '1' } });
  if (r.exit !== 0) throw new Error(`${[command, ...commandArgs].join(' ')} exited ${r.exit}:\n${r.stderr}`);
  return r;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const best = (list) => list.reduce((a, b) => (b.wall < a.wall ? b : a));
const fmt = (seconds) => `${seconds.toFixed(2)} s`;
const fmtCpu = (seconds) => (Number.isNaN(seconds) ? '—' : fmt(seconds));

// --dir /dev/shm times the two tools without the disk: on this project's ext4 disks, creating files within a minute
// or so of deleting many (each round removes the sites it made) makes the kernel scan past every recently deleted
// inode (`recently_deleted` in a perf profile), which doubled either tool's time in some rounds.
const work = mkdtempSync(path.join(args.dir ?? tmpdir(), 'qingdan-site-bench-'));
const catalogue = path.join(work, 'catalogue');
const site = path.join(work, 'site');
const eleventy = path.join(work, 'eleventy');
const bin = path.join(ROOT, 'bin/qingdan.js');
const eleventyBin = path.join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs');

process.stdout.write(`Generating ${ITEMS} items with flowcharts and ${ITEMS} markdown pages in ${work}\n`);
generate(catalogue);
eleventyProject(eleventy);

const cache = path.join(work, 'cache');
const eleventyTimes = [];
const fullTimes = [];
const incrementalTimes = [];
const uncachedTimes = [];
const build = async () => await time(process.execPath, [bin, 'build', catalogue, '--out', site, '--cache', '--cache-location', cache], ROOT);
const file = path.join(catalogue, 'powers/d0.yaml');
const editOne = (from, to) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
for (let run = 0; run < RUNS; run++) {
  rmSync(path.join(eleventy, '_site'), { recursive: true, force: true });
  eleventyTimes.push(await time(process.execPath, [eleventyBin, '--quiet'], eleventy));
  rmSync(site, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  fullTimes.push(await build());
  // Edit one item's materials, then rebuild: with the cache, then (another edit) without it.
  editOne('"管理制度文本"', `"管理制度文本（修订${run}）"`);
  incrementalTimes.push(await build());
  editOne(`"管理制度文本（修订${run}）"`, '"管理制度文本"');
  uncachedTimes.push(await time(process.execPath, [bin, 'build', catalogue, '--out', site], ROOT));
  process.stdout.write(
    `run ${run + 1}: eleventy ${fmt(eleventyTimes.at(-1).wall)}, qingdan full ${fmt(fullTimes.at(-1).wall)}, incremental ${fmt(incrementalTimes.at(-1).wall)} (without --cache ${fmt(uncachedTimes.at(-1).wall)})\n`,
  );
}
// `qingdan serve`: the resident rebuild an editor waits for. From the moment an item's file is written to the moment
// serve says the site is updated (its watcher's debounce and the writes included), for several edits in a row.
const serveTimes = await timeServeEdits({ bin, catalogue, file, out: path.join(work, 'serve-site'), edits: Math.max(5, RUNS * 2), cwd: ROOT });
process.stdout.write(`serve: ${serveTimes.map((t) => `${fmt(t.wall)} (reported ${fmt(t.reported)})`).join(', ')}\n`);

const pages = Number(execFileSync('find', [site, '-name', '*.html'], { encoding: 'utf8' }).trim().split('\n').length);
const full = best(fullTimes);
const eleventyBest = best(eleventyTimes);
const incremental = best(incrementalTimes);
const uncached = best(uncachedTimes);
process.stdout.write(
  [
    '',
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; best of ${RUNS} by wall time`,
    `| build | wall time | CPU time | ratio |`,
    `|---|---:|---:|---|`,
    `| Eleventy 3.1.2, ${ITEMS} markdown pages, Handlebars layout | ${fmt(eleventyBest.wall)} | ${fmtCpu(eleventyBest.cpu)} | 1.00 |`,
    `| qingdan build, ${ITEMS} items with flowcharts (${pages} pages), full (no cache, no site) | ${fmt(full.wall)} | ${fmtCpu(full.cpu)} | ${(full.wall / eleventyBest.wall).toFixed(2)} × Eleventy |`,
    `| qingdan build --cache after editing one item | ${fmt(incremental.wall)} | ${fmtCpu(incremental.cpu)} | ${(incremental.wall / full.wall).toFixed(2)} × full |`,
    `| qingdan build (no cache) after editing one item | ${fmt(uncached.wall)} | ${fmtCpu(uncached.cpu)} | ${(uncached.wall / full.wall).toFixed(2)} × full |`,
    `| qingdan serve: file saved → site updated, median of ${serveTimes.length} edits (best ${fmt(Math.min(...serveTimes.map((t) => t.wall)))}) | ${fmt(median(serveTimes.map((t) => t.wall)))} | — | ${(median(serveTimes.map((t) => t.wall)) / full.wall).toFixed(2)} × full |`,
    '',
    // A busy host slows each round differently (Eleventy's own time has varied by a factor of two here): each
    // round's pair, and the medians, say more than the best of each alone.
    `full build against Eleventy, round by round: ${fullTimes.map((t, i) => `${(t.wall / eleventyTimes[i].wall).toFixed(2)} ×`).join(', ')}; medians ${fmt(median(eleventyTimes.map((t) => t.wall)))} (Eleventy) and ${fmt(median(fullTimes.map((t) => t.wall)))} (qingdan) = ${(median(fullTimes.map((t) => t.wall)) / median(eleventyTimes.map((t) => t.wall))).toFixed(2)} ×`,
    '',
  ].join('\n'),
);
if (!args.keep) rmSync(work, { recursive: true, force: true });
