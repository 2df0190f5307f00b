// Flows the example catalogue does not have: long Chinese names, eight lanes, nested loops, four-way decisions, and
// seeded random flows — for the layout's geometry facts and the renderers' tests.
import type { Department, Flow, Power, Step } from '../../src/schema/definitions.js';
import type { FlowInput } from '../../src/flow/model.js';

export const DEPARTMENTS: Array<Pick<Department, 'id' | 'name'>> = [
  { id: 'window', name: '青山县政务服务中心综合受理窗口' },
  { id: 'review', name: '青山县市场监督管理局' },
  { id: 'site', name: '青山县住房和城乡建设局建筑业管理科' },
  { id: 'plan', name: '青山县自然资源和规划局' },
  { id: 'env', name: '澜川市生态环境局青山分局' },
  { id: 'fire', name: '青山县消防救援大队' },
  { id: 'town', name: '青山县禾溪镇人民政府' },
  { id: 'gov', name: '青山县人民政府' },
];

export const POWER: Power = {
  code: '11339921MB1C4572XQ4010010000000',
  name: '食品经营许可',
  category: 'licensing',
  department: 'review',
  basis: [{ law: 'spaqf' }],
  time_limit: { statutory: 20, promised: 10, unit: 'working-days' },
  special_procedures: [{ name: '听证', duration: 15, unit: 'days', counted: false }],
};

export function input(flow: Flow, locale: 'zh-CN' | 'en' = 'zh-CN'): FlowInput {
  return { flow, departments: DEPARTMENTS, powers: [POWER], locale };
}

const task = (id: string, name: string, department: string, next: string | string[], extra: Partial<Step> = {}): Step => ({ id, name, type: 'task', department, duration: 1, next, ...extra });
const decision = (id: string, name: string, department: string, branches: Array<[string, string]>): Step => ({
  id,
  name,
  type: 'decision',
  department,
  branches: branches.map(([to, when]) => ({ to, when })),
});
const start = (next: string, name = '申请人提交申请'): Step => ({ id: 'start', name, type: 'start', next });
const end = (id: string, name = '办结'): Step => ({ id, name, type: 'end' });

export const STRESS: Record<string, Flow> = {
  'long-names': {
    id: 'long-names',
    name: '关于对未取得食品生产经营许可从事食品生产经营活动以及超范围、超限量使用食品添加剂的违法行为进行立案调查和行政处罚的流程',
    power: POWER.code,
    steps: [
      start('intake', '申请人通过“浙里办”移动端、政务服务网或者到县政务服务中心综合受理窗口现场提交全部申请材料'),
      task('intake', '综合受理窗口对申请材料进行形式审查并出具材料接收凭证，同时将电子材料推送至承办部门业务系统', 'window', 'check'),
      decision('check', '申请材料是否齐全、是否符合法定形式，以及申请事项是否属于本行政机关的职权范围', 'window', [
        ['review', '申请材料齐全、符合法定形式，且申请事项属于本行政机关职权范围的，予以受理'],
        ['fix', '申请材料不齐全或者不符合法定形式的，当场或者在五日内一次性告知申请人需要补正的全部内容'],
      ]),
      task('fix', '一次性告知需要补正的全部内容（Supplementary-materials-notification-https://example.gov.cn/qingshan/notice）', 'window', 'intake', { counted: false, duration: 5 }),
      task('review', '审查人员对申请材料的实质内容进行核查，必要时组织听证或者专家评审并形成书面审查意见', 'review', 'hearing'),
      task('hearing', '组织听证', 'review', 'done', { counted: false, duration: 15, unit: 'days' }),
      end('done', '办结并将许可决定书及电子证照通过邮寄或者窗口领取方式送达申请人'),
    ],
  },
  'eight-lanes': {
    id: 'eight-lanes',
    name: '八个部门联合审批流程',
    power: POWER.code,
    steps: [
      start('a'),
      task('a', '收件', 'window', 'b'),
      task('b', '市场监管审查', 'review', ['c', 'd', 'e']),
      task('c', '施工条件核查', 'site', 'f'),
      task('d', '规划核验', 'plan', 'f'),
      task('e', '环评审查', 'env', 'f'),
      task('f', '消防审查', 'fire', 'g'),
      task('g', '属地意见', 'town', 'h'),
      decision('h', '是否批准', 'gov', [
        ['i', '批准'],
        ['j', '不批准'],
      ]),
      task('i', '发证', 'window', 'end-ok'),
      task('j', '告知理由', 'window', 'end-no'),
      end('end-ok', '办结（准予）'),
      end('end-no', '办结（不予）'),
    ],
  },
  'nested-loops': {
    id: 'nested-loops',
    name: '多重退回流程',
    power: POWER.code,
    steps: [
      start('intake'),
      task('intake', '收件', 'window', 'complete'),
      decision('complete', '材料是否齐全', 'window', [
        ['review', '齐全'],
        ['intake', '不齐全，退回补正'],
      ]),
      task('review', '初审', 'review', 'ok'),
      decision('ok', '初审是否通过', 'review', [
        ['second', '通过'],
        ['review', '需要补充说明，重新初审'],
        ['intake', '材料有误，退回窗口'],
      ]),
      task('second', '复审', 'review', 'final'),
      decision('final', '复审结论', 'gov', [
        ['issue', '同意'],
        ['second', '复审意见需修改'],
        ['complete', '需重新核对材料'],
      ]),
      task('issue', '发证', 'window', 'done'),
      end('done'),
    ],
  },
  'four-branches': {
    id: 'four-branches',
    name: '四分支判断流程',
    power: POWER.code,
    steps: [
      start('intake'),
      task('intake', '收件', 'window', 'route'),
      decision('route', '按申请类型分流', 'window', [
        ['a', '新办'],
        ['b', '变更经营场所、主要设备设施、经营布局的'],
        ['c', '延续'],
        ['done', '注销（直接办结）'],
      ]),
      task('a', '现场核查', 'site', 'decide'),
      task('b', '书面审查', 'review', 'decide'),
      task('c', '延续审查', 'review', 'c2'),
      task('c2', '延续公示', 'plan', 'decide'),
      task('decide', '作出决定', 'review', 'done'),
      end('done'),
    ],
  },
  'fan-in': {
    id: 'fan-in',
    name: '两个判断汇入同一环节',
    power: POWER.code,
    steps: [
      start('split'),
      task('split', '分送', 'window', ['q1', 'q2']),
      decision('q1', '甲审查', 'window', [
        ['merge', '甲同意'],
        ['no', '甲不同意'],
      ]),
      decision('q2', '乙审查', 'window', [
        ['merge', '乙同意'],
        ['no', '乙不同意'],
      ]),
      task('merge', '汇总', 'window', 'done'),
      task('no', '不予许可', 'window', 'done'),
      end('done'),
    ],
  },
  'self-loop': {
    id: 'self-loop',
    name: '自循环判断',
    power: POWER.code,
    steps: [
      start('wait'),
      decision('wait', '公示期是否届满', 'town', [
        ['wait', '未届满，继续公示'],
        ['next', '届满'],
      ]),
      task('next', '发证', 'town', 'done', { duration: 0 }),
      end('done'),
    ],
  },
  // Two decisions of one column both send a branch to one step, and the lower one also branches elsewhere: the upper
  // one's arrow comes down into the row the lower one leaves by, so the lower one's bus must turn first.
  'crossing-branches': {
    id: 'crossing-branches',
    name: '两个判断分送同一环节',
    power: POWER.code,
    steps: [
      start('split'),
      task('split', '分送', 'window', ['window-check', 'review-check']),
      decision('window-check', '窗口审查', 'window', [
        ['decide', '甲'],
        ['notify', '乙'],
      ]),
      decision('review-check', '业务审查', 'review', [
        ['decide', '丙'],
        ['refuse', '丁'],
      ]),
      task('decide', '作出决定', 'review', 'done'),
      task('refuse', '退件', 'review', 'done-refused'),
      task('notify', '告知', 'window', 'done-notified'),
      end('done'),
      end('done-refused', '办结（不予）'),
      end('done-notified', '办结（告知）'),
    ],
  },
  'one-step': {
    id: 'one-step',
    name: '即办',
    power: POWER.code,
    steps: [start('do'), task('do', '当场办结', 'window', 'done', { duration: 0 }), end('done')],
  },
};

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['收件', '受理', '材料审查', '现场核查', '专家评审', '作出决定', '制证', '送达', '公示', '一次性告知需补正的全部内容', '征求相关部门意见', '组织听证', '集体讨论决定', '报分管负责人审批'];
const CONDITIONS = ['符合条件', '不符合条件', '材料齐全', '需要现场核查的', '申请人放弃听证', '逾期未补正', '情节复杂或者重大违法的'];

/**
 * A random flow: a main line of tasks and decisions over `lanes` lanes; decisions branch forward (skipping steps),
 * to side steps, or back (loops); every step is reachable and reaches an end.
 */
export function randomFlow(seed: number, options: { steps?: number; lanes?: number } = {}): Flow {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const laneCount = options.lanes ?? 1 + Math.floor(rand() * 6);
  const lanes = DEPARTMENTS.slice(0, laneCount).map((d) => d.id);
  const length = options.steps ?? 6 + Math.floor(rand() * 20);
  const steps: Step[] = [start('s0')];
  const main: string[] = [];
  for (let i = 0; i < length; i++) main.push(`s${i}`);
  const ends: Step[] = [end('end-main', '办结')];
  main.forEach((id, i) => {
    const next = i + 1 < main.length ? main[i + 1]! : 'end-main';
    const department = pick(lanes);
    if (i > 0 && rand() < 0.35) {
      const branches: Array<[string, string]> = [[next, pick(CONDITIONS)]];
      const count = 1 + Math.floor(rand() * 3);
      for (let b = 0; b < count; b++) {
        const r = rand();
        if (r < 0.3) branches.push([main[Math.floor(rand() * i)]!, `退回${pick(CONDITIONS)}`]);
        else if (r < 0.6 && i + 2 < main.length) branches.push([main[i + 2 + Math.floor(rand() * (main.length - i - 2))]!, pick(CONDITIONS)]);
        else {
          const side = `${id}-side${b}`;
          const target = rand() < 0.5 ? next : (ends.push(end(`${side}-end`, '办结（不予）')), `${side}-end`);
          steps.push(task(side, pick(NAMES), pick(lanes), target, { counted: rand() < 0.8 }));
          branches.push([side, pick(CONDITIONS)]);
        }
      }
      steps.push(decision(id, `${pick(NAMES)}是否${pick(CONDITIONS)}`, department, branches));
    } else {
      const targets = [next];
      if (rand() < 0.1 && i + 2 < main.length) targets.push(main[i + 2]!);
      steps.push(task(id, pick(NAMES), department, targets.length === 1 ? targets[0]! : targets, { counted: rand() < 0.9, duration: Math.floor(rand() * 5) }));
    }
  });
  return { id: `random-${seed}`, name: `随机流程 ${seed}`, power: POWER.code, steps: [...steps, ...ends] };
}
