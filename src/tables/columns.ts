// The tables a catalogue is exported to and imported from, with the national column names and the other names
// spreadsheets use for the same column (2015-era 权责清单, national 实施清单, provincial variants).

export const TABLE_KINDS = [
  'powers', 'materials', 'fees', 'special-procedures', 'risk-points', 'responsibilities', 'department-duties',
  'departments', 'laws', 'flows',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export interface Column {
  /** What the column holds: a field path of the format (`time_limit.promised`) or an import-only name (`sub_item`). */
  field: string;
  /** The header export writes. */
  header: string;
  /** Other headers that mean the same. */
  aliases?: string[];
}

export interface TableSpec {
  kind: TableKind;
  /** Sheet name in a workbook, file name of a CSV. */
  title: string;
  /** Other sheet names that mean this table. */
  titles?: string[];
  columns: Column[];
  /** Columns that say which power (or department, flow) a row belongs to: merged in XLSX over a group of rows. */
  group?: string[];
}

const ITEM_KEY: Column[] = [
  { field: 'code', header: '实施编码', aliases: ['事项编码', '职权编码', '权力编码', '编码', '权力事项编码', '事项代码'] },
  { field: 'name', header: '事项名称', aliases: ['职权名称', '权力名称', '权力事项名称', '项目名称', '主项名称', '事项'] },
  { field: 'sub_item', header: '子项名称', aliases: ['子项', '子项事项名称', '子项目名称'] },
];

const DEPARTMENT: Column = { field: 'department', header: '实施主体', aliases: ['行使主体', '实施机关', '实施部门', '实施单位', '职权行使主体', '行使部门', '责任主体', '实施主体名称'] };

export const TABLES: Record<TableKind, TableSpec> = {
  powers: {
    kind: 'powers',
    title: '权力清单',
    titles: ['权责清单', '实施清单', '事项清单', '政务服务事项', '权力事项'],
    columns: [
      ...ITEM_KEY,
      { field: 'basic_code', header: '基本编码' },
      { field: 'parent', header: '主项编码' },
      { field: 'category', header: '事项类型', aliases: ['权力类型', '职权类别', '权力类别', '职权类型', '事项类别', '权力分类'] },
      DEPARTMENT,
      { field: 'credit_code', header: '实施主体编码', aliases: ['统一社会信用代码', '实施主体统一社会信用代码', '实施机构编码'] },
      { field: 'co_departments', header: '联办机构', aliases: ['联办部门', '协办机构', '协办部门'] },
      { field: 'delegated_by', header: '委托部门', aliases: ['委托机关'] },
      { field: 'level', header: '行使层级', aliases: ['层级', '实施层级', '行使层级（县级）'] },
      { field: 'status', header: '事项状态', aliases: ['状态'] },
      { field: 'status_since', header: '状态日期', aliases: ['状态起始日期'] },
      { field: 'status_note', header: '状态说明' },
      { field: 'basis', header: '设定依据', aliases: ['实施依据', '法律依据', '依据', '设定和实施依据', '设定依据和实施依据', '职权依据', '行使依据'] },
      { field: 'time_limit.statutory', header: '法定办结时限', aliases: ['法定时限', '法定期限', '法定办理时限'] },
      { field: 'time_limit.promised', header: '承诺办结时限', aliases: ['承诺时限', '承诺期限', '承诺办理时限'] },
      { field: 'time_limit.note', header: '时限说明', aliases: ['办结时限说明'] },
      { field: 'special_procedures', header: '特别程序' },
      { field: 'conditions', header: '受理条件', aliases: ['申请条件', '办理条件'] },
      { field: 'applicants', header: '服务对象', aliases: ['办理对象', '申请人类型', '服务对象类型'] },
      { field: 'materials', header: '申请材料', aliases: ['申请材料目录', '提交材料', '所需材料', '申报材料'] },
      { field: 'visits', header: '到办事现场次数', aliases: ['到现场次数', '跑动次数', '到办事现场次数（次）'] },
      { field: 'visit_reason', header: '必须现场办理原因说明', aliases: ['现场办理原因', '必须到现场原因'] },
      { field: 'online.depth', header: '网上办理深度', aliases: ['网办深度'] },
      { field: 'online.url', header: '网上办理地址', aliases: ['网办地址', '在线办理地址'] },
      { field: 'fees.charged', header: '是否收费' },
      { field: 'fees', header: '收费标准', aliases: ['收费依据及标准', '收费项目及标准'] },
      { field: 'location', header: '办理地点' },
      { field: 'hours', header: '办理时间' },
      { field: 'contact.consult', header: '咨询方式', aliases: ['咨询电话', '咨询渠道'] },
      { field: 'contact.complaint', header: '监督投诉方式', aliases: ['监督投诉渠道', '投诉电话', '监督电话', '投诉方式'] },
      { field: 'remedies.review', header: '行政复议' },
      { field: 'remedies.litigation', header: '行政诉讼' },
      { field: 'flow', header: '运行流程', aliases: ['流程标识'] },
      { field: 'justification', header: '新增理由' },
      { field: 'reviewed', header: '最近核查日期', aliases: ['核查日期'] },
      // The 2015-era 权责清单 holds each power's responsibilities in the same row.
      { field: 'duties', header: '责任事项', aliases: ['责任事项内容'] },
      { field: 'duties.basis', header: '责任事项依据' },
      { field: 'accountability.cases', header: '追责情形', aliases: ['问责情形', '追究责任情形'] },
      { field: 'accountability.basis', header: '追责依据', aliases: ['问责依据'] },
      { field: 'accountability.subjects', header: '追责对象范围', aliases: ['追责对象', '问责对象'] },
    ],
  },
  materials: {
    kind: 'materials',
    title: '申请材料',
    columns: [
      ...ITEM_KEY,
      { field: 'material.name', header: '材料名称' },
      { field: 'material.required', header: '材料必要性', aliases: ['是否必要', '必要性'] },
      { field: 'material.condition', header: '适用情形', aliases: ['提交情形'] },
      { field: 'material.source', header: '来源渠道', aliases: ['材料来源', '来源'] },
      { field: 'material.medium', header: '材料形式', aliases: ['材料类型', '载体'] },
      { field: 'material.originals', header: '原件份数', aliases: ['原件数'] },
      { field: 'material.copies', header: '复印件份数', aliases: ['复印件数'] },
      { field: 'material.blank_form', header: '空白表格', aliases: ['表格下载'] },
      { field: 'material.sample', header: '示例样表', aliases: ['样表'] },
      { field: 'material.basis', header: '材料依据', aliases: ['依据'] },
      { field: 'material.note', header: '备注', aliases: ['填报须知'] },
    ],
    group: ['code', 'name', 'sub_item'],
  },
  fees: {
    kind: 'fees',
    title: '收费项目',
    columns: [
      ...ITEM_KEY,
      { field: 'fee.name', header: '收费项目名称', aliases: ['收费项目'] },
      { field: 'fee.standard', header: '收费标准' },
      { field: 'fee.basis', header: '收费依据' },
      { field: 'fee.waivable', header: '是否允许减免', aliases: ['可否减免'] },
      { field: 'fee.waiver_basis', header: '减免依据' },
    ],
    group: ['code', 'name', 'sub_item'],
  },
  'special-procedures': {
    kind: 'special-procedures',
    title: '特别程序',
    columns: [
      ...ITEM_KEY,
      { field: 'procedure.name', header: '特别程序名称', aliases: ['特别程序种类'] },
      { field: 'procedure.duration', header: '特别程序时限', aliases: ['时限'] },
      { field: 'procedure.counted', header: '是否计入办结时限', aliases: ['计入办结时限'] },
      { field: 'procedure.basis', header: '特别程序依据', aliases: ['依据'] },
    ],
    group: ['code', 'name', 'sub_item'],
  },
  'risk-points': {
    kind: 'risk-points',
    title: '廉政风险点',
    titles: ['廉政风险防控'],
    columns: [
      ...ITEM_KEY,
      { field: 'risk.step', header: '风险环节', aliases: ['环节'] },
      { field: 'risk.description', header: '风险描述', aliases: ['风险点', '风险点描述'] },
      { field: 'risk.level', header: '风险等级' },
      { field: 'risk.controls', header: '防控措施' },
      { field: 'risk.owner', header: '责任人', aliases: ['防控责任人'] },
    ],
    group: ['code', 'name', 'sub_item'],
  },
  responsibilities: {
    kind: 'responsibilities',
    title: '责任清单',
    columns: [
      ...ITEM_KEY,
      DEPARTMENT,
      { field: 'duty.stage', header: '责任环节', aliases: ['环节', '责任阶段'] },
      { field: 'duties', header: '责任事项', aliases: ['责任事项内容', '责任内容'] },
      { field: 'duties.basis', header: '责任事项依据', aliases: ['责任依据'] },
      { field: 'accountability.cases', header: '追责情形', aliases: ['问责情形', '追究责任情形'] },
      { field: 'accountability.basis', header: '追责依据', aliases: ['问责依据'] },
      { field: 'accountability.subjects', header: '追责对象范围', aliases: ['追责对象', '问责对象'] },
    ],
    group: ['code', 'name', 'sub_item', 'department', 'accountability.cases', 'accountability.basis', 'accountability.subjects'],
  },
  'department-duties': {
    kind: 'department-duties',
    title: '部门职责',
    columns: [
      { field: 'department', header: '部门', aliases: ['部门名称', '实施主体'] },
      { field: 'duty', header: '职责', aliases: ['部门职责', '主要职责'] },
      { field: 'tasks', header: '具体工作事项', aliases: ['工作事项'] },
      { field: 'boundary.with', header: '相关部门', aliases: ['配合部门'] },
      { field: 'boundary.division', header: '职责分工', aliases: ['职责边界'] },
      { field: 'boundary.basis', header: '职责边界依据', aliases: ['边界依据'] },
    ],
    group: ['department', 'duty', 'tasks'],
  },
  departments: {
    kind: 'departments',
    title: '部门',
    titles: ['实施主体'],
    columns: [
      { field: 'id', header: '部门标识', aliases: ['标识'] },
      { field: 'name', header: '部门名称', aliases: ['名称'] },
      { field: 'credit_code', header: '统一社会信用代码' },
      { field: 'parent', header: '上级部门' },
      { field: 'level', header: '层级' },
      { field: 'address', header: '地址', aliases: ['办公地址'] },
      { field: 'hours', header: '办公时间' },
      { field: 'phone', header: '联系电话', aliases: ['电话'] },
      { field: 'url', header: '网址', aliases: ['网站'] },
    ],
  },
  laws: {
    kind: 'laws',
    title: '法律法规',
    titles: ['法律依据'],
    columns: [
      { field: 'id', header: '法规标识', aliases: ['标识'] },
      { field: 'title', header: '法规名称', aliases: ['名称'] },
      { field: 'kind', header: '法规类别', aliases: ['类别', '效力级别'] },
      { field: 'issuer', header: '制定机关', aliases: ['发布机关'] },
      { field: 'effective', header: '施行日期', aliases: ['实施日期'] },
      { field: 'articles', header: '引用条款', aliases: ['条款'] },
      { field: 'url', header: '原文链接', aliases: ['链接'] },
    ],
  },
  flows: {
    kind: 'flows',
    title: '运行流程',
    titles: ['流程'],
    columns: [
      { field: 'flow.id', header: '流程标识' },
      { field: 'flow.name', header: '流程名称' },
      { field: 'flow.powers', header: '实施编码', aliases: ['事项编码'] },
      { field: 'step.id', header: '步骤标识' },
      { field: 'step.name', header: '步骤名称', aliases: ['环节名称'] },
      { field: 'step.type', header: '步骤类型' },
      { field: 'step.department', header: '承办部门', aliases: ['承办机构'] },
      { field: 'step.role', header: '岗位', aliases: ['承办岗位'] },
      { field: 'step.duration', header: '步骤时限', aliases: ['时限'] },
      { field: 'step.counted', header: '计入办结时限' },
      { field: 'step.next', header: '下一步' },
      { field: 'step.branches', header: '分支' },
      { field: 'step.outputs', header: '产出', aliases: ['办理结果'] },
    ],
    group: ['flow.id', 'flow.name', 'flow.powers'],
  },
};

/** Columns understood but not kept: a running number is not data. */
export const IGNORED_HEADERS = ['序号', '编号', 'No', 'No.', '行号'];

/** Fields that hold an address: a hyperlink cell in their column gives its target (the text may be only 办事入口). */
export const LINK_FIELDS: ReadonlySet<string> = new Set(['online.url', 'material.blank_form', 'material.sample', 'url']);
