// 中文消息：qingdan compare 的差异类别，按类别 id 与消息 id 索引。
import type { RuleMessages } from './types.js';

export const standards: RuleMessages = {
  'standard/name': { description: '同一事项（基本编码相同）名称与参照不同；仅全角半角、空格、书名号不同时为 info。', messages: { different: '“{name}”在本地名为“{local}”。', trivial: '“{name}”在本地写作“{local}”，仅标点、全半角或空格不同。' } },
  'standard/category': { description: '同一事项的事项类型与参照不同。', messages: { different: '“{name}”事项类型为{local|category}，{against}为{reference|category}。' } },
  'standard/basis': { description: '设定依据与参照不同（按法律法规名称和条款比较，不看各清单自己的 id）。', messages: { different: '“{name}”设定依据与{against}不同：{against}有而本地无 {referenceOnly}；本地多出 {localOnly}。' } },
  'standard/material-extra': { description: '本地要求参照没有的申请材料（非必需材料为 notice）。', messages: { extra: '“{name}”本地多要求材料“{material}”，{against}没有。', 'extra-optional': '“{name}”本地多列非必需材料“{material}”，{against}没有。' } },
  'standard/material-missing': { description: '参照要求的申请材料本地没有列出。', messages: { missing: '“{name}”本地没有列出{against}要求的材料“{material}”。' } },
  'standard/time': { description: '承诺办结时限与参照不同：长于参照为 breaking，短于参照为更优（info）。', messages: { longer: '“{name}”本地承诺 {local|time:unit}，长于{against}的 {reference|time:unit}。', shorter: '“{name}”本地承诺 {local|time:unit}，短于{against}的 {reference|time:unit}（更优）。' } },
  'standard/visits': { description: '到办事现场次数与参照不同：多于参照为 breaking，少于参照为更优（info）。', messages: { more: '“{name}”本地需到现场 {local} 次，{against}为 {reference} 次。', fewer: '“{name}”本地到现场 {local} 次，少于{against}的 {reference} 次（更优）。' } },
  'standard/fees': { description: '收费与参照不同：多收费为 breaking，标准不同为 notice，参照收费而本地免收为更优（info）。', messages: { extra: '“{name}”本地收取{against}没有的费用“{fee}”（{standard}）。', standard: '“{name}”的收费“{fee}”本地标准为“{local}”，{against}为“{reference}”。', free: '“{name}”本地不收取{against}的费用“{fee}”（更优）。' } },
  'standard/online': { description: '网上办理深度与参照不同：缺少参照的环节为 notice，多出的环节为更优（info）。', messages: { less: '“{name}”本地不支持{against}的网上办理环节：{steps|online}。', more: '“{name}”本地还支持网上办理环节：{steps|online}（更优）。' } },
  'standard/missing': { description: '参照清单中的事项本地没有（或已取消）。', messages: { missing: '参照事项“{name}”（基本编码 {code}）本地清单中没有。', 'missing-peers': '过半地区都有事项“{name}”（基本编码 {code}），本地清单中没有。' } },
  'standard/extra': { description: '本地事项在参照清单中没有（“清单之外无权力”），或参照已取消。', messages: { extra: '本地事项“{name}”（基本编码 {code}）参照清单中没有。', 'extra-peers': '本地事项“{name}”（基本编码 {code}）多数地区没有。', 'cancelled-in-reference': '本地事项“{name}”（基本编码 {code}）在参照清单中已取消，本地仍在用。' } },
};
