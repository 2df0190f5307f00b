#!/usr/bin/env node
// Flowchart benchmark, run by hand after `npm run build`:
//
//   node bench/flow.js [--flows 4000] [--rounds 5] [--formats svg,mermaid,dot,bpmn]
//
// Times model + layout + render per flow, for the example catalogue's flows (lists/) and for synthetic flows of
// the typical size (10–15 steps, 3–4 lanes, a 材料补正 loop, decisions, a step not counted in the time limit).
// The budget (issue 4) is 3 ms per typical flow for SVG. Loading and validating the catalogue are not timed here
// (bench/run.js measures validate).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (module) => import(path.join(ROOT, 'dist', module));
const { validateCatalogueAsync } = await dist('validate.js');
const { DirectorySource } = await dist('catalogue/source.js');
const { describeFlow, flowInput } = await dist('flow/model.js');
const { layoutFlow } = await dist('flow/layout.js');
const { renderers } = await dist('flow/index.js');

const { values: args } = parseArgs({
  options: {
    flows: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '5' },
    formats: { type: 'string', default: 'svg,mermaid,dot,bpmn' },
    seed: { type: 'string', default: '1' },
  },
});

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same flows.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  { id: 'xzspj', name: '青山县行政审批服务局' },
  { id: 'scjgj', name: '青山县市场监督管理局' },
  { id: 'zjj', name: '青山县住房和城乡建设局' },
  { id: 'zrzyj', name: '青山县自然资源和规划局' },
  { id: 'xfjy', name: '青山县消防救援大队' },
];
const OBJECTS = ['食品经营', '药品零售', '特种设备使用', '建设工程施工', '排污', '城市道路占用', '户外广告设置', '娱乐场所经营', '民办学校设立', '医疗机构执业'];
const REVIEWS = ['材料审查', '施工许可条件审查', '书面审查并提出审查意见', '技术审查'];
const CHECKS = ['现场核查', '用地、规划许可信息核验', '组织专家评审', '征求相关部门意见'];

/** A typical flow: 10–15 steps over 3–4 lanes. */
function syntheticFlow(index, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const lanes = DEPARTMENTS.slice(0, 3 + Math.floor(rand() * 2)).map((d) => d.id);
  const object = pick(OBJECTS);
  const steps = [
    { id: 'start', name: '申请人提交申请（线上或者窗口）', type: 'start', next: 'intake' },
    { id: 'intake', name: '收件', type: 'task', department: lanes[0], duration: 0, next: 'complete' },
    {
      id: 'complete', name: '材料是否齐全、符合法定形式', type: 'decision', department: lanes[0],
      branches: [{ to: 'accept', when: '材料齐全、符合法定形式' }, { to: 'supplement', when: '材料不齐全或者不符合法定形式' }],
    },
    { id: 'supplement', name: '一次性告知需补正的全部内容', type: 'task', department: lanes[0], duration: 0, next: 'intake' },
    { id: 'accept', name: '受理', type: 'task', department: lanes[0], duration: 1, next: lanes.length > 3 ? ['review', 'check'] : 'review' },
    { id: 'review', name: pick(REVIEWS), type: 'task', department: lanes[1], duration: 1 + Math.floor(rand() * 3), next: 'decide' },
  ];
  if (lanes.length > 3) steps.push({ id: 'check', name: pick(CHECKS), type: 'task', department: lanes[3], duration: 2, counted: rand() < 0.5, next: 'decide' });
  steps.push(
    { id: 'decide', name: '审核并作出决定', type: 'task', department: lanes[1], duration: 1, next: 'grant' },
    {
      id: 'grant', name: '是否符合许可条件', type: 'decision', department: lanes[1],
      branches: [{ to: 'issue', when: '符合条件，准予许可' }, { to: 'refuse', when: '不符合条件，不予许可' }],
    },
    { id: 'issue', name: '制发许可证并送达', type: 'task', department: lanes[0], duration: 1, next: 'end-granted' },
    { id: 'refuse', name: '出具不予行政许可决定书并告知救济途径', type: 'task', department: lanes[1], duration: 1, next: 'end-refused' },
  );
  if (rand() < 0.5) steps.push({ id: 'archive', name: '归档', type: 'task', department: lanes[2], duration: 0, next: 'end-granted' }), (steps.at(-3).next = 'archive');
  steps.push({ id: 'end-granted', name: '办结（准予许可）', type: 'end' }, { id: 'end-refused', name: '办结（不予许可）', type: 'end' });
  const power = {
    code: `11339921MB1C4572XQ40100${String(index).padStart(5, '0')}000`,
    name: `${object}许可`,
    category: 'licensing',
    department: lanes[1],
    basis: [{ law: 'xzxkf' }],
    time_limit: { statutory: 20, promised: 10, unit: 'working-days' },
  };
  return { flow: { id: `flow-${index}`, name: `${object}许可办理流程`, power: power.code, steps }, departments: DEPARTMENTS, powers: [power], locale: 'zh-CN' };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

async function time(label, inputs, format, rounds) {
  const renderer = renderers[format];
  const wall = [];
  const cpu = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    // A small set (lists/ has 19 flows) is drawn several times per round so that a round is long enough to time.
    const repeat = Math.max(1, Math.ceil(400 / inputs.length));
    for (let k = 0; k < repeat; k++) for (const input of inputs) await renderer.render(layoutFlow(describeFlow(input)));
    const used = process.cpuUsage(cpuStarted);
    wall.push(Number(process.hrtime.bigint() - started) / 1e6 / inputs.length / repeat);
    cpu.push((used.user + used.system) / 1e3 / inputs.length / repeat);
  }
  const steps = inputs.reduce((sum, input) => sum + input.flow.steps.length, 0) / inputs.length;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
  console.log(
    `${label.padEnd(34)} ${format.padEnd(8)} ${String(inputs.length).padStart(5)} flows  ${steps.toFixed(1).padStart(5)} steps/flow  ` +
      `${stats(wall).median.toFixed(3)} ms/flow wall (best ${stats(wall).min.toFixed(3)}), ${stats(cpu).median.toFixed(3)} ms/flow CPU`,
  );
}

const rounds = Number(args.rounds);
const formats = args.formats.split(',');
const listsRoot = path.join(ROOT, 'lists');
const result = await validateCatalogueAsync(new DirectorySource(listsRoot, ROOT), { explicitLocale: 'zh-CN' });
const listInputs = result.catalogue.sections.flows.map((entry) => flowInput(result.catalogue, entry.value, 'zh-CN'));
const rand = random(Number(args.seed));
const synthetic = Array.from({ length: Number(args.flows) }, (_, i) => syntheticFlow(i + 1, rand));

console.log(`node ${process.version}, ${rounds} rounds (medians); model + layout + render per flow; load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores\n`);
for (const format of formats) {
  // Warm-up, so that the first measurement does not pay for the JIT.
  for (const input of [...listInputs, ...synthetic.slice(0, 300)]) await renderers[format].render(layoutFlow(describeFlow(input)));
  await time('lists/ (example catalogue)', listInputs, format, rounds);
  await time(`synthetic (${synthetic.length} typical flows)`, synthetic, format, rounds);
}
