// Human labels for the catalogue's English slugs, per locale: every human-facing output shows these, never the slug.
import type { Locale } from '../findings.js';

type Table = Record<string, string>;

export const LABELS: Record<Locale, Record<string, Table>> = {
  'zh-CN': {
    unit: { 'working-days': '个工作日', days: '天', hours: '小时' },
    category: {
      licensing: '行政许可', penalty: '行政处罚', coercion: '行政强制', levy: '行政征收', benefit: '行政给付',
      inspection: '行政检查', confirmation: '行政确认', reward: '行政奖励', adjudication: '行政裁决',
      other: '其他行政权力', 'public-service': '公共服务', 'review-forward': '审核转报',
    },
    level: { national: '国家级', provincial: '省级', municipal: '市级', county: '县级', township: '乡镇（街道）级' },
    status: { active: '在用', suspended: '暂停', delegated: '委托下放', cancelled: '取消' },
    stage: { accept: '受理', review: '审查', decide: '决定', deliver: '送达', supervise: '事后监管', other: '其他' },
    online: { consult: '互联网咨询', intake: '网上收件', 'pre-review': '网上预审', accept: '网上受理', handle: '网上办理', result: '结果信息反馈', 'e-license': '电子证照反馈' },
    lawKind: { law: '法律', 'administrative-regulation': '行政法规', 'local-regulation': '地方性法规', rule: '规章', 'normative-document': '规范性文件' },
    section: { departments: '部门', laws: '法律法规', powers: '权力清单', responsibilities: '责任清单', flows: '运行流程' },
  },
  en: {
    unit: { 'working-days': ' working day| working days', days: ' day| days', hours: ' hour| hours' },
    category: {
      licensing: 'licensing', penalty: 'penalty', coercion: 'coercion', levy: 'levy', benefit: 'benefit',
      inspection: 'inspection', confirmation: 'confirmation', reward: 'reward', adjudication: 'adjudication',
      other: 'other power', 'public-service': 'public service', 'review-forward': 'review and forward',
    },
    level: { national: 'national', provincial: 'provincial', municipal: 'municipal', county: 'county', township: 'township' },
    status: { active: 'active', suspended: 'suspended', delegated: 'delegated', cancelled: 'cancelled' },
    stage: { accept: 'acceptance', review: 'review', decide: 'decision', deliver: 'delivery', supervise: 'supervision', other: 'other' },
    online: { consult: 'online enquiry', intake: 'online submission', 'pre-review': 'online pre-review', accept: 'online acceptance', handle: 'online handling', result: 'result notification', 'e-license': 'e-licence' },
    lawKind: { law: 'law', 'administrative-regulation': 'administrative regulation', 'local-regulation': 'local regulation', rule: 'rule', 'normative-document': 'normative document' },
    section: { departments: 'departments', laws: 'laws', powers: 'powers', responsibilities: 'responsibilities', flows: 'flows' },
  },
};

/**
 * A number too large to compute with — time limits of 1e308 days summed, or converted to hours, overflow — said in
 * words wherever it would show as `Infinity`: `label` stands alone (a flowchart's 最长用时, a cell of a table),
 * `inSentence` takes a number's place in a message ("shortened from … to 5 working days").
 */
export const TOO_LARGE: Record<Locale, { label: string; inSentence: string }> = {
  'zh-CN': { label: '过大，无法计算', inSentence: '过大、无法计算的时长' },
  en: { label: 'too large to compute', inSentence: 'a time too large to compute' },
};

export function label(locale: Locale, table: string, value: string): string {
  return LABELS[locale][table]?.[value] ?? value;
}
