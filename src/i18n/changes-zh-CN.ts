// 中文消息：qingdan diff 的变更类别，按类别 id 与消息 id 索引。
import type { RuleMessages } from './types.js';

export const changes: RuleMessages = {
  'power/added': { description: '新增事项，或已取消的事项恢复在用。没有新增理由（justification）时为 breaking，防止“边减边增”；清单的第一个版本（基准版本中还没有清单）不要求理由。', messages: { added: '新增事项“{name}”（{category|category}）。', unjustified: '新增事项“{name}”（{category|category}）没有写明新增理由（justification）。' } },
  'power/removed': { description: '事项从清单中删除（而不是标为取消）。', messages: { removed: '删除事项“{name}”（{code}）。如属取消，建议保留条目并标 status: cancelled。' } },
  'power/cancelled': { description: '事项状态改为取消。', messages: { cancelled: '取消事项“{name}”。' } },
  'power/suspended': { description: '事项暂停实施，或恢复实施（取消见 power/cancelled）。', messages: { suspended: '事项“{name}”暂停实施。', resumed: '事项“{name}”恢复实施。' } },
  'power/parent-changed': { description: '事项成为另一事项的子项、改为主项，或改属另一主项。', messages: { 'became-sub': '事项“{name}”改为“{to}”的子项。', 'became-main': '事项“{name}”不再是“{from}”的子项，改为主项。', moved: '子项“{name}”由“{from}”改属“{to}”。' } },
  'power/recoded': { description: '编码变更而名称和依据未变：同一事项重新编码（实施主体变了时另报 power/delegated）。', messages: { recoded: '事项“{name}”重新编码：{from} → {to}。' } },
  'power/renamed': { description: '事项名称变更。', messages: { renamed: '事项更名：“{from}” → “{to}”。' } },
  'power/category-changed': { description: '事项类型变更。', messages: { changed: '事项“{name}”类型由{from|category}改为{to|category}。' } },
  'power/delegated': {
    description: '事项下放、委托或划转：实施主体或行使层级变化。',
    messages: { department: '事项“{name}”实施主体由 {from} 改为 {to}。', level: '事项“{name}”行使层级由{from|level}改为{to|level}。', status: '事项“{name}”委托下放（委托部门 {by}）。' },
  },
  'time/promised-shortened': { description: '承诺时限缩短（减时间）。', messages: { shortened: '“{name}”承诺时限由 {from|time:unit} 缩短为 {to|time:unit}。' } },
  'time/promised-lengthened': { description: '承诺时限延长。', messages: { lengthened: '“{name}”承诺时限由 {from|time:unit} 延长为 {to|time:unit}。' } },
  'time/statutory-changed': { description: '法定时限变更。', messages: { changed: '“{name}”法定时限由 {from|time:unit} 改为 {to|time:unit}。' } },
  'material/added': { description: '新增申请材料。', messages: { added: '“{name}”新增申请材料“{material}”。' } },
  'material/removed': { description: '减少申请材料（减材料）。', messages: { removed: '“{name}”取消申请材料“{material}”。' } },
  'material/changed': { description: '申请材料的要求变化（是否必需、份数、载体、来源、情形）。', messages: { changed: '“{name}”的材料“{material}”要求变化：{changes}。' } },
  'visits/reduced': { description: '到现场次数减少（减跑动）。', messages: { reduced: '“{name}”到现场次数由 {from} 次减为 {to} 次。' } },
  'visits/increased': { description: '到现场次数增加。', messages: { increased: '“{name}”到现场次数由 {from} 次增为 {to} 次。' } },
  'online/deepened': { description: '网上办理深度提高。', messages: { deepened: '“{name}”新增网上办理环节：{steps|online}。' } },
  'online/reduced': { description: '网上办理深度降低。', messages: { reduced: '“{name}”不再支持网上办理环节：{steps|online}。' } },
  'fee/added': { description: '新增收费。', messages: { added: '“{name}”新增收费“{fee}”（{standard}）。' } },
  'fee/removed': { description: '取消收费。', messages: { removed: '“{name}”取消收费“{fee}”。' } },
  'fee/changed': { description: '收费标准、依据或减免变化。', messages: { standard: '“{name}”的收费“{fee}”标准由“{from}”改为“{to}”。', other: '“{name}”的收费“{fee}”依据或减免变化。' } },
  'basis/changed': { description: '设定依据变化。', messages: { changed: '“{name}”设定依据变化：新增 {added}；删除 {removed}。' } },
  'responsibility/changed': { description: '事项的责任事项或追责变化，或部门职责（工作事项、职责边界）变化。', messages: { changed: '“{name}”的责任事项或追责有变化。', added: '“{name}”新增责任清单条目。', removed: '“{name}”的责任清单条目被删除。', 'duty-changed': '{department}的部门职责“{duty}”的工作事项或职责边界有变化。', 'duty-added': '{department}新增部门职责“{duty}”。', 'duty-removed': '{department}的部门职责“{duty}”被删除。' } },
  'flow/steps-changed': { description: '运行流程的环节变化（减环节）。', messages: { changed: '“{name}”的流程 {flow} 环节由 {before} 个变为 {after} 个（新增：{added}；删除：{removed}；变化：{changed}）。' } },
};
