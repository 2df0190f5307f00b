// The words flowcharts print, in both languages; durations read "3个工作日" / "3 working days", 0 reads 即办.
import { format } from '../i18n/index.js';
import { TOO_LARGE } from '../i18n/labels.js';
import type { Locale } from '../findings.js';
import type { TimeUnit } from '../schema/definitions.js';

export interface FlowWords {
  immediate: string;
  /** A total beyond what a number holds (steps of 1e308 days summed): said instead of "Infinity". */
  tooLarge: string;
  notCounted: string;
  counted: string;
  special: string;
  item: string;
  promised: string;
  statutory: string;
  longest: string;
  specialProcedures: string;
  legend: string;
  legendTerminator: string;
  legendTask: string;
  legendDecision: string;
  legendNotCounted: string;
  legendBranch: string;
  legendLoop: string;
  unassignedLane: string;
  listSeparator: string;
  colon: string;
  /** Screen-reader description. */
  descLanes: string;
  descSteps: string;
  descGoesTo: string;
  descReturnsTo: string;
  descWhen: string;
  descEnd: string;
  role: string;
  outputs: string;
  department: string;
}

export const FLOW_WORDS: Record<Locale, FlowWords> = {
  'zh-CN': {
    immediate: '即办',
    tooLarge: TOO_LARGE['zh-CN'].label,
    notCounted: '不计入办结时限',
    counted: '计入办结时限',
    special: '【特别程序】',
    item: '事项',
    promised: '承诺办结时限',
    statutory: '法定办结时限',
    longest: '流程最长用时',
    specialProcedures: '特别程序',
    legend: '图例',
    legendTerminator: '开始／结束',
    legendTask: '办理环节及时限',
    legendDecision: '判断',
    legendNotCounted: '不计入办结时限的环节',
    legendBranch: '条件分支',
    legendLoop: '退回（如补正）',
    unassignedLane: '（未指定部门）',
    listSeparator: '、',
    colon: '：',
    descLanes: '泳道（承办部门）',
    descSteps: '步骤',
    descGoesTo: '转',
    descReturnsTo: '退回',
    descWhen: '条件',
    descEnd: '结束',
    role: '岗位',
    outputs: '产出',
    department: '部门',
  },
  en: {
    immediate: 'immediate',
    tooLarge: TOO_LARGE.en.label,
    notCounted: 'not counted in the time limit',
    counted: 'counted in the time limit',
    special: '[special procedure]',
    item: 'Item',
    promised: 'Promised time limit',
    statutory: 'Statutory time limit',
    longest: 'Longest path of the flow',
    specialProcedures: 'Special procedures',
    legend: 'Legend',
    legendTerminator: 'start / end',
    legendTask: 'task and its time limit',
    legendDecision: 'decision',
    legendNotCounted: 'not counted in the time limit',
    legendBranch: 'branch condition',
    legendLoop: 'return (e.g. correction)',
    unassignedLane: '(no department)',
    listSeparator: ', ',
    colon: ': ',
    descLanes: 'Lanes (departments)',
    descSteps: 'Steps',
    descGoesTo: 'goes to',
    descReturnsTo: 'returns to',
    descWhen: 'when',
    descEnd: 'end',
    role: 'Role',
    outputs: 'Outputs',
    department: 'Department',
  },
};

/** "3个工作日", "即办", "1 working day"; a sum too large for a number says so instead of "Infinity天". */
export function formatDuration(locale: Locale, value: number, unit: TimeUnit): string {
  if (value === 0) return FLOW_WORDS[locale].immediate;
  if (!Number.isFinite(value)) return FLOW_WORDS[locale].tooLarge;
  return format('{value|time:unit}', { value, unit }, locale);
}

/** "（不计入办结时限）" / " (not counted in the time limit)". */
export function parenthesised(locale: Locale, text: string): string {
  return locale === 'zh-CN' ? `（${text}）` : ` (${text})`;
}

/** What `qingdan flow` says on the terminal. */
export const FLOW_MESSAGES: Record<Locale, Record<'unknownFlow' | 'unknownFlowSuggest' | 'notDrawn' | 'notDrawnFormat' | 'wrote' | 'stdoutOne' | 'noFlows', string>> = {
  'zh-CN': {
    unknownFlow: '没有流程 {id}。可用的流程：{known}',
    unknownFlowSuggest: '没有流程 {id}，是否应为 {suggestion}？可用的流程：{known}',
    notDrawn: '流程 {id} 有错误，未绘制。',
    notDrawnFormat: '流程 {id}（{place}）不符合格式，未绘制：即使把 schema/* 规则设为 warning 或 off，不符合格式的流程也不会绘制。请按 qingdan validate 列出的格式问题修正。',
    wrote: '已生成 {count} 张流程图（{format}）：{out}',
    stdoutOne: '--out - 只能输出一张流程图，现有 {count} 个流程；请指定一个流程，或指定输出目录。',
    noFlows: '清单中没有流程（flows）。',
  },
  en: {
    unknownFlow: 'There is no flow {id}. Flows: {known}',
    unknownFlowSuggest: 'There is no flow {id}; did you mean {suggestion}? Flows: {known}',
    notDrawn: 'Flow {id} has errors and was not drawn.',
    notDrawnFormat: 'Flow {id} ({place}) does not match the format and was not drawn: setting schema/* rules to warning or off does not draw such a flow. Fix the format problems qingdan validate lists.',
    wrote: 'Wrote {count} {count|plural:flowchart:flowcharts} ({format}) to {out}',
    stdoutOne: '--out - writes one flowchart, but {count} flows are selected; name one flow, or give an output folder.',
    noFlows: 'The catalogue has no flows.',
  },
};

export function flowMessage(locale: Locale, key: keyof (typeof FLOW_MESSAGES)['en'], data: Record<string, string | number>): string {
  return format(FLOW_MESSAGES[locale][key], data, locale);
}
