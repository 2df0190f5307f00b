// Every change class on its fixture pair: class, level, both messages and both positions, read from the fixture text.
import { describe, expect, it } from 'vitest';
import { changeClasses } from '../../src/diff/registry.js';
import type { Change, ChangeLevel } from '../../src/diff/types.js';
import { at, caseFiles, diffCase, diffCaseWith, diffCases, type Side } from './harness.js';

const P1 = '11339921MB000000104010010000000'; // 食品经营许可 (scjgj), with materials, fees, visits and a flow
const P2 = '11339921MB000000234070010000000'; // 食品小摊贩登记 (spj)
const P3 = '11339921MB000000234070020000000';

/** [file, needle with « at the exact point, text the needle comes after] */
type Needle = [file: string, needle: string, after?: string];

interface Expected {
  classId: string;
  level: ChangeLevel;
  code: string;
  en: string;
  zh: string;
  base?: Needle;
  head?: Needle;
}

const CASES: Record<string, Expected[]> = {
  'no-op': [],
  reorder: [],
  'time-unit-equal': [],
  'power-added-justified': [
    {
      classId: 'power/added',
      level: 'notice',
      code: '11339921MB000000104010020000000',
      en: 'New item "小餐饮经营许可" (licensing).',
      zh: '新增事项“小餐饮经营许可”（行政许可）。',
      head: ['powers.yaml', '11339921MB000000104010020000000'],
    },
  ],
  'power-added-unjustified': [
    {
      classId: 'power/added',
      level: 'breaking',
      code: '11339921MB000000104010020000000',
      en: 'New item "小餐饮经营许可" (licensing) has no justification.',
      zh: '新增事项“小餐饮经营许可”（行政许可）没有写明新增理由（justification）。',
      head: ['powers.yaml', '11339921MB000000104010020000000'],
    },
  ],
  // A cancelled item set back to active is an item added again (边减边增), with or without a new entry.
  'power-reactivated': [
    {
      classId: 'power/added',
      level: 'breaking',
      code: P2,
      en: 'New item "食品小摊贩登记" (confirmation) has no justification.',
      zh: '新增事项“食品小摊贩登记”（行政确认）没有写明新增理由（justification）。',
      base: ['powers.yaml', 'status: «cancelled'],
      head: ['powers.yaml', P2],
    },
  ],
  'power-removed': [
    {
      classId: 'power/removed',
      level: 'notice',
      code: P2,
      en: `Item "食品小摊贩登记" (${P2}) was deleted. If it was cancelled, keep the entry with status: cancelled.`,
      zh: `删除事项“食品小摊贩登记”（${P2}）。如属取消，建议保留条目并标 status: cancelled。`,
      base: ['powers.yaml', P2],
    },
  ],
  'power-cancelled': [
    {
      classId: 'power/cancelled',
      level: 'notice',
      code: P2,
      en: 'Item "食品小摊贩登记" cancelled.',
      zh: '取消事项“食品小摊贩登记”。',
      base: ['powers.yaml', P2],
      head: ['powers.yaml', 'status: «cancelled'],
    },
  ],
  // Suspended (暂停实施) and back: the item stays in the list, so neither added, removed nor cancelled.
  'power-suspended': [
    {
      classId: 'power/suspended',
      level: 'notice',
      code: P2,
      en: 'Item "食品小摊贩登记" suspended.',
      zh: '事项“食品小摊贩登记”暂停实施。',
      base: ['powers.yaml', P2],
      head: ['powers.yaml', 'status: «suspended'],
    },
  ],
  'power-resumed': [
    {
      classId: 'power/suspended',
      level: 'notice',
      code: P2,
      en: 'Item "食品小摊贩登记" resumed.',
      zh: '事项“食品小摊贩登记”恢复实施。',
      base: ['powers.yaml', 'status: «suspended'],
      head: ['powers.yaml', P2],
    },
  ],
  // Cancelled, and renamed, recategorised, shortened, with fewer materials, fees and steps at the same time: only the
  // cancellation matters.
  'power-cancelled-with-changes': [
    {
      classId: 'power/cancelled',
      level: 'notice',
      code: P1,
      en: 'Item "食品经营许可（已取消）" cancelled.',
      zh: '取消事项“食品经营许可（已取消）”。',
      base: ['powers.yaml', P1],
      head: ['powers.yaml', 'status: «cancelled'],
    },
  ],
  'power-recoded': [
    {
      classId: 'power/recoded',
      level: 'notice',
      code: P3,
      en: `Item "食品小摊贩登记" recoded: ${P2} → ${P3}.`,
      zh: `事项“食品小摊贩登记”重新编码：${P2} → ${P3}。`,
      base: ['powers.yaml', P2],
      head: ['powers.yaml', P3],
    },
  ],
  // Two items on the revision side fit the removed one equally well: no guessing, removed + added.
  'power-recoded-ambiguous': [
    {
      classId: 'power/removed',
      level: 'notice',
      code: P2,
      en: `Item "食品小摊贩登记" (${P2}) was deleted. If it was cancelled, keep the entry with status: cancelled.`,
      zh: `删除事项“食品小摊贩登记”（${P2}）。如属取消，建议保留条目并标 status: cancelled。`,
      base: ['powers.yaml', P2],
    },
    {
      classId: 'power/added',
      level: 'notice',
      code: P3,
      en: 'New item "食品小摊贩登记" (confirmation).',
      zh: '新增事项“食品小摊贩登记”（行政确认）。',
      head: ['powers.yaml', P3],
    },
    {
      classId: 'power/added',
      level: 'notice',
      code: '11339921MB000000234070030000000',
      en: 'New item "食品小摊贩登记" (confirmation).',
      zh: '新增事项“食品小摊贩登记”（行政确认）。',
      head: ['powers.yaml', '11339921MB000000234070030000000'],
    },
  ],
  // Two items that swapped codes: two recodes, not two renames with every field of the other item changed.
  'power-codes-swapped': [
    {
      classId: 'power/recoded',
      level: 'notice',
      code: P1,
      en: `Item "食品小摊贩登记" recoded: ${P2} → ${P1}.`,
      zh: `事项“食品小摊贩登记”重新编码：${P2} → ${P1}。`,
      base: ['powers.yaml', P2],
      head: ['powers.yaml', P1],
    },
    {
      classId: 'power/recoded',
      level: 'notice',
      code: P2,
      en: `Item "食品经营许可" recoded: ${P1} → ${P2}.`,
      zh: `事项“食品经营许可”重新编码：${P1} → ${P2}。`,
      base: ['powers.yaml', P1],
      head: ['powers.yaml', P2],
    },
  ],
  // A department's id edited (spj → shenpi) with its credit code kept: the same body, so no item moved (no
  // power/delegated), no flow lane changed, and no duty list removed and added.
  'department-id-renamed': [],
  // 食品小摊贩登记 made a sub-item (子项) of 食品经营许可: the list's structure changed, and diff said nothing.
  'power-parent-changed': [
    {
      classId: 'power/parent-changed',
      level: 'notice',
      code: P2,
      en: 'Item "食品小摊贩登记" is now a sub-item of "食品经营许可".',
      zh: '事项“食品小摊贩登记”改为“食品经营许可”的子项。',
      base: ['powers.yaml', P2],
      head: ['powers.yaml', `parent: «${P1}`],
    },
  ],
  'power-renamed': [
    {
      classId: 'power/renamed',
      level: 'notice',
      code: P1,
      en: 'Item renamed: "食品经营许可" → "食品经营许可（含小餐饮）".',
      zh: '事项更名：“食品经营许可” → “食品经营许可（含小餐饮）”。',
      base: ['powers.yaml', 'name: «食品经营许可\n'],
      head: ['powers.yaml', 'name: «食品经营许可（含小餐饮）'],
    },
  ],
  'power-category-changed': [
    {
      classId: 'power/category-changed',
      level: 'notice',
      code: P2,
      en: 'Item "食品小摊贩登记" moved from confirmation to other power.',
      zh: '事项“食品小摊贩登记”类型由行政确认改为其他行政权力。',
      base: ['powers.yaml', 'category: «confirmation'],
      head: ['powers.yaml', 'category: «other'],
    },
  ],
  'power-delegated': [
    {
      classId: 'power/delegated',
      level: 'notice',
      code: P2,
      en: 'Item "食品小摊贩登记" delegated (by 测试县市场监督管理局).',
      zh: '事项“食品小摊贩登记”委托下放（委托部门 测试县市场监督管理局）。',
      base: ['powers.yaml', P2],
      head: ['powers.yaml', 'status: «delegated'],
    },
  ],
  // Moved to another department (划转): under the national profile the code starts with the department's credit code,
  // so the code changes too. Same name and basis: the same item, recoded and moved — not removed and added.
  'power-moved': [
    {
      classId: 'power/recoded',
      level: 'notice',
      code: '11339921MB000000104070010000000',
      en: `Item "食品小摊贩登记" recoded: ${P2} → 11339921MB000000104070010000000.`,
      zh: `事项“食品小摊贩登记”重新编码：${P2} → 11339921MB000000104070010000000。`,
      base: ['powers.yaml', P2],
      head: ['powers.yaml', '11339921MB000000104070010000000'],
    },
    {
      classId: 'power/delegated',
      level: 'notice',
      code: '11339921MB000000104070010000000',
      en: 'Item "食品小摊贩登记" moved from department 测试县行政审批服务局 to 测试县市场监督管理局.',
      zh: '事项“食品小摊贩登记”实施主体由 测试县行政审批服务局 改为 测试县市场监督管理局。',
      base: ['powers.yaml', 'department: «spj', '食品小摊贩登记'],
      head: ['powers.yaml', 'department: «scjgj', '食品小摊贩登记'],
    },
  ],
  'time-promised-shortened': [
    {
      classId: 'time/promised-shortened',
      level: 'info',
      code: P2,
      en: '"食品小摊贩登记": promised time limit shortened from 3 working days to 1 working day.',
      zh: '“食品小摊贩登记”承诺时限由 3个工作日 缩短为 1个工作日。',
      base: ['powers.yaml', 'promised: «3'],
      head: ['powers.yaml', 'promised: «1'],
    },
  ],
  'time-promised-lengthened': [
    {
      classId: 'time/promised-lengthened',
      level: 'breaking',
      code: P1,
      en: '"食品经营许可": promised time limit lengthened from 5 working days to 8 working days.',
      zh: '“食品经营许可”承诺时限由 5个工作日 延长为 8个工作日。',
      base: ['powers.yaml', 'promised: «5'],
      head: ['powers.yaml', 'promised: «8'],
    },
  ],
  'time-statutory-changed': [
    {
      classId: 'time/statutory-changed',
      level: 'notice',
      code: P1,
      en: '"食品经营许可": statutory time limit changed from 20 working days to 15 working days.',
      zh: '“食品经营许可”法定时限由 20个工作日 改为 15个工作日。',
      base: ['powers.yaml', 'statutory: «20'],
      head: ['powers.yaml', 'statutory: «15'],
    },
  ],
  'material-added': [
    {
      classId: 'material/added',
      level: 'notice',
      code: P1,
      en: '"食品经营许可": new material "食品安全管理制度文本".',
      zh: '“食品经营许可”新增申请材料“食品安全管理制度文本”。',
      head: ['powers.yaml', '- name: «食品安全管理制度文本'],
    },
  ],
  // The base side names the material; the revision side points at the list it is missing from.
  'material-removed': [
    {
      classId: 'material/removed',
      level: 'info',
      code: P1,
      en: '"食品经营许可": material "营业执照" no longer required.',
      zh: '“食品经营许可”取消申请材料“营业执照”。',
      base: ['powers.yaml', '- name: «营业执照'],
      head: ['powers.yaml', '«- name: 食品经营许可申请书'],
    },
  ],
  'material-changed': [
    {
      classId: 'material/changed',
      level: 'info',
      code: P1,
      en: '"食品经营许可": material "食品经营许可申请书" changed: medium: both → electronic.',
      zh: '“食品经营许可”的材料“食品经营许可申请书”要求变化：medium: both → electronic。',
      base: ['powers.yaml', 'medium: «both', '食品经营许可申请书'],
      head: ['powers.yaml', 'medium: «electronic', '食品经营许可申请书'],
    },
  ],
  'visits-reduced': [
    {
      classId: 'visits/reduced',
      level: 'info',
      code: P1,
      en: '"食品经营许可": in-person visits down from 1 to 0.',
      zh: '“食品经营许可”到现场次数由 1 次减为 0 次。',
      base: ['powers.yaml', 'visits: «1'],
      head: ['powers.yaml', 'visits: «0', '食品经营许可'],
    },
  ],
  'visits-increased': [
    {
      classId: 'visits/increased',
      level: 'breaking',
      code: P1,
      en: '"食品经营许可": in-person visits up from 1 to 2.',
      zh: '“食品经营许可”到现场次数由 1 次增为 2 次。',
      base: ['powers.yaml', 'visits: «1'],
      head: ['powers.yaml', 'visits: «2'],
    },
  ],
  // A gain points at the base's online block and the revision's list of steps.
  'online-deepened': [
    {
      classId: 'online/deepened',
      level: 'info',
      code: P1,
      en: '"食品经营许可": now online too: online pre-review.',
      zh: '“食品经营许可”新增网上办理环节：网上预审。',
      base: ['powers.yaml', 'online: «{depth: [consult, intake, accept]}'],
      head: ['powers.yaml', 'online: {depth: «[consult, intake, pre-review, accept]}'],
    },
  ],
  'online-reduced': [
    {
      classId: 'online/reduced',
      level: 'breaking',
      code: P2,
      en: '"食品小摊贩登记": no longer online: online handling, result notification.',
      zh: '“食品小摊贩登记”不再支持网上办理环节：网上办理、结果信息反馈。',
      base: ['powers.yaml', 'online: {depth: «[consult, intake, accept, handle, result]}'],
      head: ['powers.yaml', 'online: «{depth', '食品小摊贩登记'],
    },
  ],
  'fee-added': [
    {
      classId: 'fee/added',
      level: 'breaking',
      code: P2,
      en: '"食品小摊贩登记": new fee "登记费" (20元/件).',
      zh: '“食品小摊贩登记”新增收费“登记费”（20元/件）。',
      head: ['powers.yaml', '- name: «登记费'],
    },
  ],
  'fee-removed': [
    {
      classId: 'fee/removed',
      level: 'info',
      code: P1,
      en: '"食品经营许可": fee "邮寄费" dropped.',
      zh: '“食品经营许可”取消收费“邮寄费”。',
      base: ['powers.yaml', '- name: «邮寄费'],
      head: ['powers.yaml', '«- name: 工本费'],
    },
  ],
  // A new standard points at the standard; a new basis or waiver at the fee's basis.
  'fee-changed': [
    {
      classId: 'fee/changed',
      level: 'notice',
      code: P1,
      en: '"食品经营许可": fee "工本费" changed from "10元/证" to "5元/证".',
      zh: '“食品经营许可”的收费“工本费”标准由“10元/证”改为“5元/证”。',
      base: ['powers.yaml', 'standard: «10元/证'],
      head: ['powers.yaml', 'standard: «5元/证'],
    },
    {
      classId: 'fee/changed',
      level: 'notice',
      code: P1,
      en: '"食品经营许可": the basis or waiver of fee "邮寄费" changed.',
      zh: '“食品经营许可”的收费“邮寄费”依据或减免变化。',
      base: ['powers.yaml', '«- law: sfbz', '邮寄费'],
      head: ['powers.yaml', '«- law: sfbz', '邮寄费'],
    },
  ],
  'basis-changed': [
    {
      classId: 'basis/changed',
      level: 'notice',
      code: P2,
      en: '"食品小摊贩登记": legal basis changed; added xzxkf 第三十二条; removed —.',
      zh: '“食品小摊贩登记”设定依据变化：新增 xzxkf 第三十二条；删除 —。',
      base: ['powers.yaml', '«- law: spaqf', '食品小摊贩登记'],
      head: ['powers.yaml', '«- law: spaqf', '食品小摊贩登记'],
    },
  ],
  // The revision drops the second item's entry on purpose (validate would say responsibility/missing).
  'responsibility-changed': [
    {
      classId: 'responsibility/changed',
      level: 'notice',
      code: P1,
      en: '"食品经营许可": duties or accountability changed.',
      zh: '“食品经营许可”的责任事项或追责有变化。',
      base: ['responsibilities.yaml', `«power: ${P1}`],
      head: ['responsibilities.yaml', `«power: ${P1}`],
    },
    {
      classId: 'responsibility/changed',
      level: 'notice',
      code: P2,
      en: '"食品小摊贩登记": responsibility entry removed.',
      zh: '“食品小摊贩登记”的责任清单条目被删除。',
      base: ['responsibilities.yaml', `«power: ${P2}`],
    },
  ],
  // A department's own duty list (部门职责) belongs to no item: code '', known by department and duty.
  'department-duty-added': [
    {
      classId: 'responsibility/changed',
      level: 'notice',
      code: '',
      en: 'Department 测试县市场监督管理局: duty "负责全县食品经营许可和食品安全监督管理" added.',
      zh: '测试县市场监督管理局新增部门职责“负责全县食品经营许可和食品安全监督管理”。',
      head: ['responsibilities.yaml', 'duty: «负责全县食品经营许可和食品安全监督管理'],
    },
  ],
  'department-duty-removed': [
    {
      classId: 'responsibility/changed',
      level: 'notice',
      code: '',
      en: 'Department 测试县市场监督管理局: duty "负责全县食品经营许可和食品安全监督管理" removed.',
      zh: '测试县市场监督管理局的部门职责“负责全县食品经营许可和食品安全监督管理”被删除。',
      base: ['responsibilities.yaml', 'duty: «负责全县食品经营许可和食品安全监督管理'],
    },
  ],
  'department-duty-changed': [
    {
      classId: 'responsibility/changed',
      level: 'notice',
      code: '',
      en: 'Department 测试县市场监督管理局: the tasks or boundaries of the duty "负责全县食品经营许可和食品安全监督管理" changed.',
      zh: '测试县市场监督管理局的部门职责“负责全县食品经营许可和食品安全监督管理”的工作事项或职责边界有变化。',
      base: ['responsibilities.yaml', 'duty: «负责全县食品经营许可和食品安全监督管理'],
      head: ['responsibilities.yaml', 'duty: «负责全县食品经营许可和食品安全监督管理'],
    },
  ],
  // Tasks in another order are the same duty list.
  'department-duty-reordered': [],
  'flow-steps-changed': [
    {
      classId: 'flow/steps-changed',
      level: 'info',
      code: P1,
      en: '"食品经营许可": flow spjy went from 6 to 7 steps (added: publicise; removed: —; changed: review).',
      zh: '“食品经营许可”的流程 spjy 环节由 6 个变为 7 个（新增：publicise；删除：—；变化：review）。',
      base: ['flows.yaml', '«- {id: start'],
      head: ['flows.yaml', '«- {id: start'],
    },
  ],
  // A sub-item (子项) is an item of its own: its changes carry its own code.
  'sub-items': [
    {
      classId: 'power/added',
      level: 'notice',
      code: '11339921MB000000104010010020000',
      en: 'New item "食品经营许可（变更）" (licensing).',
      zh: '新增事项“食品经营许可（变更）”（行政许可）。',
      head: ['powers.yaml', '11339921MB000000104010010020000'],
    },
    {
      classId: 'time/promised-shortened',
      level: 'info',
      code: '11339921MB000000104010010010000',
      en: '"食品经营许可（新办）": promised time limit shortened from 5 working days to 3 working days.',
      zh: '“食品经营许可（新办）”承诺时限由 5个工作日 缩短为 3个工作日。',
      base: ['powers.yaml', 'promised: «5', '食品经营许可（新办）'],
      head: ['powers.yaml', 'promised: «3', '食品经营许可（新办）'],
    },
  ],
  // Several yardsticks at once; the numbers of the summary are checked in summary.test.ts.
  'reform-summary': [
    {
      classId: 'power/added',
      level: 'notice',
      code: P3,
      en: 'New item "食品摊贩临时经营登记" (confirmation).',
      zh: '新增事项“食品摊贩临时经营登记”（行政确认）。',
      head: ['powers.yaml', P3],
    },
    {
      classId: 'fee/removed',
      level: 'info',
      code: P1,
      en: '"食品经营许可": fee "邮寄费" dropped.',
      zh: '“食品经营许可”取消收费“邮寄费”。',
      base: ['powers.yaml', '- name: «邮寄费'],
      head: ['powers.yaml', '«- name: 工本费'],
    },
    {
      classId: 'material/removed',
      level: 'info',
      code: P1,
      en: '"食品经营许可": material "营业执照" no longer required.',
      zh: '“食品经营许可”取消申请材料“营业执照”。',
      base: ['powers.yaml', '- name: «营业执照'],
      head: ['powers.yaml', '«- name: 食品经营许可申请书'],
    },
    {
      classId: 'online/deepened',
      level: 'info',
      code: P1,
      en: '"食品经营许可": now online too: online handling, result notification, e-licence.',
      zh: '“食品经营许可”新增网上办理环节：网上办理、结果信息反馈、电子证照反馈。',
      base: ['powers.yaml', 'online: «{depth: [consult, intake, accept]}'],
      head: ['powers.yaml', 'online: {depth: «[consult, intake, accept, handle, result, e-license]}'],
    },
    {
      classId: 'time/promised-shortened',
      level: 'info',
      code: P1,
      en: '"食品经营许可": promised time limit shortened from 5 working days to 4 working days.',
      zh: '“食品经营许可”承诺时限由 5个工作日 缩短为 4个工作日。',
      base: ['powers.yaml', 'promised: «5'],
      head: ['powers.yaml', 'promised: «4'],
    },
    {
      classId: 'visits/reduced',
      level: 'info',
      code: P1,
      en: '"食品经营许可": in-person visits down from 1 to 0.',
      zh: '“食品经营许可”到现场次数由 1 次减为 0 次。',
      base: ['powers.yaml', 'visits: «1'],
      head: ['powers.yaml', 'visits: «0', '食品经营许可'],
    },
    // The base's 3 working days are compared in the revision's unit: 24 hours.
    {
      classId: 'time/promised-shortened',
      level: 'info',
      code: P2,
      en: '"食品小摊贩登记": promised time limit shortened from 24 hours to 16 hours.',
      zh: '“食品小摊贩登记”承诺时限由 24小时 缩短为 16小时。',
      base: ['powers.yaml', 'promised: «3'],
      head: ['powers.yaml', 'promised: «16'],
    },
  ],
  // P2 fails the schema on the revision side, P3 on the base side: neither is compared; the rest still is.
  'schema-invalid': [
    {
      classId: 'time/promised-shortened',
      level: 'info',
      code: P1,
      en: '"食品经营许可": promised time limit shortened from 5 working days to 4 working days.',
      zh: '“食品经营许可”承诺时限由 5个工作日 缩短为 4个工作日。',
      base: ['powers.yaml', 'promised: «5'],
      head: ['powers.yaml', 'promised: «4'],
    },
  ],
};

function position(name: string, side: Side, needle: Needle | undefined) {
  return needle ? at(name, side, ...needle) : undefined;
}

function actual(change: Change) {
  const place = (p: Change['base']) => (p ? { file: p.file, line: p.line, column: p.column } : undefined);
  return { classId: change.classId, level: change.level, code: change.code, en: change.messages.en, zh: change.messages['zh-CN'], base: place(change.base), head: place(change.head) };
}

const order = (a: { classId: string; code: string; en: string }, b: { classId: string; code: string; en: string }) =>
  `${a.classId} ${a.code} ${a.en}`.localeCompare(`${b.classId} ${b.code} ${b.en}`);

describe('change classes on fixture pairs', () => {
  it('has an expectation for every fixture pair, and a fixture pair for every expectation', () => {
    expect(Object.keys(CASES).sort()).toEqual(diffCases());
  });

  it('covers every registered change class, with a message in both languages', () => {
    const covered = new Set(Object.values(CASES).flatMap((list) => list.map((e) => e.classId)));
    expect(changeClasses.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(Object.keys(CASES))('%s: exactly the expected changes, levels, messages and positions', async (name) => {
    const result = await diffCase(name);
    const expected = CASES[name]!.map((e) => ({
      classId: e.classId,
      level: e.level,
      code: e.code,
      en: e.en,
      zh: e.zh,
      base: position(name, 'base', e.base),
      head: position(name, 'revision', e.head),
    }));
    expect(result.changes.map(actual).sort(order)).toEqual(expected.sort(order));
  });

  // Resumed by writing the status out: the change is on the status line, where GitHub shows the annotation (it was
  // placed on the code line, which the pull request did not touch).
  it('says when a sub-item becomes a main item, and not when its main item was only recoded', async () => {
    const reversed = await diffCaseWith('power-parent-changed', { base: caseFiles('power-parent-changed', 'revision'), revision: caseFiles('power-parent-changed', 'base') });
    expect(reversed.changes.map((c) => [c.classId, c.message])).toEqual([['power/parent-changed', 'Item "食品小摊贩登记" is no longer a sub-item of "食品经营许可": it is a main item.']]);
    const recoded = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replaceAll(P1, '11339921MB000000104010090000000')]));
    const result = await diffCaseWith('power-parent-changed', { base: caseFiles('power-parent-changed', 'revision'), revision: recoded(caseFiles('power-parent-changed', 'revision')) });
    expect(result.changes.map((c) => c.classId)).toEqual(['power/recoded']);
  });

  it('places a resumption at its status line when the status is written out', async () => {
    const powers = caseFiles('power-resumed', 'revision')['powers.yaml']!.replace('    name: 食品小摊贩登记\n    category: confirmation\n    department: spj\n    level: county\n', '    name: 食品小摊贩登记\n    category: confirmation\n    department: spj\n    level: county\n    status: active\n');
    const result = await diffCaseWith('power-resumed', { revision: { 'powers.yaml': powers } });
    expect(result.changes.map((c) => [c.classId, c.message, c.head?.path.at(-1), c.head?.line, c.head?.column])).toEqual([
      ['power/suspended', 'Item "食品小摊贩登记" resumed.', 'status', powers.split('\n').indexOf('    status: active') + 1, 13],
    ]);
  });

  it('reports a recode as one power/recoded on the new code, not as a removal and an addition', async () => {
    const result = await diffCase('power-recoded');
    expect(result.changes.map((c) => c.classId)).toEqual(['power/recoded']);
    expect(result.changes[0]!.code).toBe(P3);
    expect(result.changes[0]!.base!.path).toEqual(['powers', 1, 'code']);
    expect(result.changes[0]!.head!.path).toEqual(['powers', 1, 'code']);
  });

  it.each(['no-op', 'reorder', 'time-unit-equal'])('%s: no change, no skipped item, the same yardsticks on both sides', async (name) => {
    const result = await diffCase(name);
    expect(result.changes).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.departments).toEqual([]);
    expect(result.total.head).toEqual(result.total.base);
  });

  it('leaves schema-invalid entries out, on either side, instead of calling them removed or added', async () => {
    const result = await diffCase('schema-invalid');
    expect(result.skipped).toEqual([P2, P3]);
    expect(result.changes.filter((c) => c.code === P2 || c.code === P3)).toEqual([]);
  });

  it('gives a new item without justification the level breaking, with one justified notice', async () => {
    const [justified] = (await diffCase('power-added-justified')).changes;
    const [unjustified] = (await diffCase('power-added-unjustified')).changes;
    expect([justified!.level, unjustified!.level]).toEqual(['notice', 'breaking']);
    expect(justified!.fingerprint).not.toBe(unjustified!.fingerprint);
  });

  it('does not count an entry that arrives already cancelled (a record of the past) as an added item', async () => {
    const powers = caseFiles('power-added-unjustified', 'revision')['powers.yaml']!.replace('    name: 小餐饮经营许可\n', '    name: 小餐饮经营许可\n    status: cancelled\n');
    const result = await diffCaseWith('power-added-unjustified', { revision: { 'powers.yaml': powers } });
    expect(result.changes).toEqual([]);
  });

  it('counts a reactivated item as added in the summary', async () => {
    const result = await diffCase('power-reactivated');
    expect(result.departments).toMatchObject([{ department: 'spj', added: 1, cancelled: 0, base: { items: 0 }, head: { items: 1 } }]);
  });

  it('compares limits too large to round (×100) without a phantom change, and says one too large for a number in words', async () => {
    const powers = (side: Side, from: string, to: string) => caseFiles('time-promised-shortened', side)['powers.yaml']!.replace(from, to);
    // 1e307 on both sides: the same limit. Rounded to hundredths it overflowed to Infinity on the base side only.
    const same = await diffCaseWith('time-promised-shortened', {
      base: { 'powers.yaml': powers('base', 'promised: 3,', 'promised: 1e307,') },
      revision: { 'powers.yaml': powers('revision', 'promised: 1,', 'promised: 1e307,') },
    });
    expect(same.changes).toEqual([]);
    // 1e308 days are more hours than a number holds: the base's limit in the revision's unit is too large to compute.
    const hours = await diffCaseWith('time-promised-shortened', {
      base: { 'powers.yaml': powers('base', '{statutory: 10, promised: 3, unit: working-days}', '{statutory: 10, promised: 1e308, unit: days}') },
      revision: { 'powers.yaml': powers('revision', '{statutory: 10, promised: 1, unit: working-days}', '{statutory: 240, promised: 16, unit: hours}') },
    });
    expect(hours.changes.map(actual)).toEqual([
      {
        classId: 'time/promised-shortened',
        level: 'info',
        code: P2,
        en: '"食品小摊贩登记": promised time limit shortened from a time too large to compute to 16 hours.',
        zh: '“食品小摊贩登记”承诺时限由 过大、无法计算的时长 缩短为 16小时。',
        // Each side's promised value in the edited line (`{statutory: 240, promised: «16`).
        base: { file: 'time-promised-shortened_base/powers.yaml', line: 44, column: 43 },
        head: { file: 'time-promised-shortened_revision/powers.yaml', line: 44, column: 44 },
      },
    ]);
  });

  it('speaks the head catalogue language when no locale is asked for', async () => {
    const result = await diffCase('power-renamed', { locale: undefined });
    expect(result.locale).toBe('zh-CN');
    expect(result.changes[0]!.message).toBe('事项更名：“食品经营许可” → “食品经营许可（含小餐饮）”。');
  });
});
