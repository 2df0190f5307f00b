// The catalogue format v1, written once: the JSON Schemas in schemas/ and the TypeScript types both come from here.
import { Type, type Static, type TSchema, type SchemaOptions } from '@sinclair/typebox';
import { LABELS } from '../i18n/labels.js';
import { CATEGORIES, LEVELS, STATUSES, TIME_UNITS, ONLINE_STEPS, DUTY_STAGES, LAW_KINDS, STEP_TYPES, SEVERITY_SETTINGS, SECTION_NAMES } from './values.js';

/** Bilingual title/description, so editors explain every field in Chinese and English. */
function doc(zh: string, en: string, more?: { zh: string; en: string }): SchemaOptions {
  const description = more ? `${zh}：${more.zh}\n\n${en}: ${more.en}` : `${zh} — ${en}`;
  return { title: `${zh} (${en})`, description, markdownDescription: description };
}

/**
 * A string enum rendered as JSON Schema `enum` (not anyOf of consts), so errors read as one sentence; with a label
 * table, editors also explain each value (`markdownEnumDescriptions`, read by the YAML language server).
 */
function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}, labels?: string) {
  const descriptions = labels ? { markdownEnumDescriptions: values.map((v) => `${LABELS['zh-CN'][labels]?.[v]?.trim() ?? v} — ${LABELS.en[labels]?.[v]?.split('|').pop()?.trim() ?? v}`) } : {};
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...descriptions, ...options });
}

const Text = (options: SchemaOptions = {}) => Type.String({ minLength: 1, ...options });
const DateString = (options: SchemaOptions = {}) => Type.String({ format: 'date', ...options });
const Slug = (options: SchemaOptions = {}) =>
  Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', ...options });
const TextList = (options: SchemaOptions = {}) => Type.Array(Text(), options);

/**
 * Entries of a list (a department, a power, a material, a step…) also accept `x-…` keys: extension fields that the
 * tool keeps but never reads, e.g. columns an import could not map (`x-承办机构`). Anything else stays an error.
 */
const EXTENSIONS = { patternProperties: { '^x-': {} } } as const;

export { CATEGORIES, LEVELS, STATUSES, TIME_UNITS, ONLINE_STEPS, DUTY_STAGES, LAW_KINDS, STEP_TYPES, SEVERITY_SETTINGS, SECTION_NAMES } from './values.js';

export type Category = (typeof CATEGORIES)[number];
export type Level = (typeof LEVELS)[number];
export type Status = (typeof STATUSES)[number];
export type TimeUnit = (typeof TIME_UNITS)[number];
export type OnlineStep = (typeof ONLINE_STEPS)[number];

export const Citation = Type.Object(
  {
    law: Slug(doc('法律法规', 'law id', { zh: 'laws 中某条的 id', en: 'the id of an entry in laws' })),
    article: Type.Optional(Text(doc('条款', 'article', { zh: '如 第七条；法规列出 articles 时必须是其中之一', en: 'e.g. 第七条; must be one of the law\'s articles when it lists them' }))),
    text: Type.Optional(Text(doc('条文摘录', 'quoted text'))),
  },
  { additionalProperties: false, ...doc('依据', 'legal citation') },
);
const Citations = (options: SchemaOptions) => Type.Array(Citation, options);

export const Department = Type.Object(
  {
    id: Slug(doc('部门标识', 'department id', { zh: '小写英文标识，其他地方用它引用本部门', en: 'lowercase slug other entries use to refer to this department' })),
    name: Text(doc('部门名称', 'department name')),
    credit_code: Type.Optional(
      Type.String({
        pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$',
        ...doc('统一社会信用代码', 'unified social credit code', { zh: '18 位，GB 32100', en: '18 characters, GB 32100' }),
      }),
    ),
    parent: Type.Optional(Slug(doc('上级部门', 'parent department id'))),
    level: StringEnum(LEVELS, doc('层级', 'level'), 'level'),
    address: Type.Optional(Text(doc('地址', 'address'))),
    hours: Type.Optional(Text(doc('办公时间', 'office hours'))),
    phone: Type.Optional(Text(doc('电话', 'phone'))),
    url: Type.Optional(Type.String({ format: 'uri', ...doc('网址', 'website') })),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('部门（实施主体）', 'department (implementing body)') },
);

export const Law = Type.Object(
  {
    id: Slug(doc('法规标识', 'law id')),
    title: Text(doc('名称', 'title')),
    kind: StringEnum(LAW_KINDS, doc('类别', 'kind'), 'lawKind'),
    issuer: Type.Optional(Text(doc('制定机关', 'issuer'))),
    effective: Type.Optional(DateString(doc('施行日期', 'effective date'))),
    articles: Type.Optional(
      TextList(doc('条款清单', 'article labels', { zh: '列出时，引用必须指向其中之一', en: 'when present, citations must name one of them' })),
    ),
    url: Type.Optional(Type.String({ format: 'uri', ...doc('原文链接', 'link to the text') })),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('法律法规', 'law or regulation') },
);

export const TimeLimit = Type.Object(
  {
    statutory: Type.Number({ minimum: 0, ...doc('法定办结时限', 'statutory time limit') }),
    promised: Type.Number({ minimum: 0, ...doc('承诺办结时限', 'promised time limit') }),
    unit: StringEnum(TIME_UNITS, doc('单位', 'unit', { zh: 'working-days 工作日 · days 自然日 · hours 小时', en: 'working-days · days · hours' }), 'unit'),
    note: Type.Optional(Text(doc('说明', 'note'))),
  },
  { additionalProperties: false, ...doc('办结时限', 'time limit') },
);

export const SpecialProcedure = Type.Object(
  {
    name: Text(doc('特别程序名称', 'name', { zh: '如 听证、专家评审、检测', en: 'e.g. hearing, expert review, testing' })),
    duration: Type.Number({ minimum: 0, ...doc('时长', 'duration') }),
    unit: StringEnum(TIME_UNITS, doc('单位', 'unit'), 'unit'),
    counted: Type.Boolean(doc('是否计入办结时限', 'counted in the time limit')),
    basis: Type.Optional(Citations(doc('依据', 'basis'))),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('特别程序', 'special procedure') },
);

export const Material = Type.Object(
  {
    name: Text(doc('材料名称', 'material name')),
    required: Type.Union([Type.Boolean(), Type.Literal('conditional')], doc('是否必需', 'required', { zh: 'true、false 或 conditional（需写 condition）', en: 'true, false or conditional (then give condition)' })),
    condition: Type.Optional(Text(doc('适用情形', 'condition'))),
    source: StringEnum(['applicant', 'government', 'intermediary', 'issuer'] as const, doc('来源', 'source', { zh: 'applicant 申请人自备 · government 政府部门核发 · intermediary 中介机构 · issuer 出具单位', en: 'who provides it' })),
    medium: StringEnum(['paper', 'electronic', 'both'] as const, doc('载体', 'medium')),
    originals: Type.Optional(Type.Integer({ minimum: 0, ...doc('原件份数', 'originals') })),
    copies: Type.Optional(Type.Integer({ minimum: 0, ...doc('复印件份数', 'copies') })),
    blank_form: Type.Optional(Text(doc('空白表格', 'blank form'))),
    sample: Type.Optional(Text(doc('示例样表', 'sample'))),
    basis: Type.Optional(Citations(doc('依据', 'basis'))),
    note: Type.Optional(Text(doc('备注', 'note'))),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('申请材料', 'material') },
);

export const Fee = Type.Object(
  {
    name: Text(doc('收费项目', 'fee name')),
    standard: Text(doc('收费标准', 'standard')),
    basis: Type.Optional(Citations(doc('收费依据', 'basis'))),
    waivable: Type.Optional(Type.Boolean(doc('可减免', 'waivable'))),
    waiver_basis: Type.Optional(Citations(doc('减免依据', 'waiver basis'))),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('收费', 'fee') },
);

export const RiskPoint = Type.Object(
  {
    step: Text(doc('环节', 'step')),
    description: Text(doc('风险描述', 'description')),
    level: StringEnum(['high', 'medium', 'low'] as const, doc('风险等级', 'risk level')),
    controls: TextList(doc('防控措施', 'controls')),
    owner: Text(doc('责任人', 'owner')),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('廉政风险点', 'risk point') },
);

export const Power = Type.Object(
  {
    code: Text(doc('事项编码', 'item code', { zh: 'national 方案下为 31 位实施编码', en: 'the 31-character implementation code under the national profile' })),
    name: Text(doc('事项名称', 'item name')),
    category: StringEnum(CATEGORIES, doc('事项类型', 'category'), 'category'),
    department: Slug(doc('实施主体', 'department id')),
    parent: Type.Optional(Text(doc('主项编码', 'code of the main item'))),
    co_departments: Type.Optional(Type.Array(Slug(), doc('联办机构', 'co-departments'))),
    delegated_by: Type.Optional(Slug(doc('委托部门', 'delegated by'))),
    level: Type.Optional(StringEnum(LEVELS, doc('行使层级', 'level'), 'level')),
    status: Type.Optional(StringEnum(STATUSES, { default: 'active', ...doc('状态', 'status') }, 'status')),
    status_since: Type.Optional(DateString(doc('状态起始日期', 'status since'))),
    status_note: Type.Optional(Text(doc('状态说明', 'status note'))),
    basis: Citations({ minItems: 1, ...doc('设定依据', 'legal basis') }),
    time_limit: TimeLimit,
    special_procedures: Type.Optional(Type.Array(SpecialProcedure, doc('特别程序', 'special procedures'))),
    conditions: Type.Optional(TextList(doc('受理条件', 'conditions'))),
    applicants: Type.Optional(Type.Array(StringEnum(['natural-person', 'legal-person'] as const), doc('服务对象', 'applicants'))),
    materials: Type.Optional(Type.Array(Material, doc('申请材料', 'materials'))),
    visits: Type.Optional(Type.Integer({ minimum: 0, default: 0, ...doc('到办事现场次数', 'in-person visits') })),
    visit_reason: Type.Optional(Text(doc('必须现场办理的原因', 'reason for visits'))),
    online: Type.Optional(
      Type.Object(
        {
          depth: Type.Array(StringEnum(ONLINE_STEPS, {}, 'online'), { uniqueItems: true, ...doc('网上办理深度', 'online depth') }),
          url: Type.Optional(Type.String({ format: 'uri', ...doc('网办地址', 'online service URL') })),
        },
        { additionalProperties: false, ...doc('网上办理', 'online service') },
      ),
    ),
    fees: Type.Optional(Type.Array(Fee, doc('收费', 'fees', { zh: '空或缺省表示不收费', en: 'empty or absent means free' }))),
    location: Type.Optional(Text(doc('办理地点', 'location'))),
    hours: Type.Optional(Text(doc('办理时间', 'hours'))),
    contact: Type.Optional(
      Type.Object(
        { consult: Type.Optional(Text(doc('咨询方式', 'consult'))), complaint: Type.Optional(Text(doc('监督投诉方式', 'complaint'))) },
        { additionalProperties: false, ...doc('联系方式', 'contact') },
      ),
    ),
    remedies: Type.Optional(
      Type.Object(
        { review: Type.Optional(Text(doc('行政复议', 'administrative review'))), litigation: Type.Optional(Text(doc('行政诉讼', 'administrative litigation'))) },
        { additionalProperties: false, ...doc('救济途径', 'remedies') },
      ),
    ),
    flow: Type.Optional(Slug(doc('运行流程', 'flow id'))),
    risk_points: Type.Optional(Type.Array(RiskPoint, doc('廉政风险点', 'risk points'))),
    justification: Type.Optional(Text(doc('新增理由', 'justification'))),
    reviewed: Type.Optional(DateString(doc('最近核查日期', 'last reviewed'))),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('权力事项', 'power item') },
);

export const Duty = Type.Object(
  {
    stage: StringEnum(DUTY_STAGES, doc('环节', 'stage', { zh: 'accept 受理 · review 审查 · decide 决定 · deliver 送达 · supervise 事后监管 · other 其他', en: 'stage of the duty' }), 'stage'),
    text: Text(doc('责任内容', 'duty')),
    basis: Type.Optional(Citations(doc('依据', 'basis'))),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('责任事项', 'duty') },
);

export const Accountability = Type.Object(
  {
    cases: TextList({ minItems: 1, ...doc('追责情形', 'cases') }),
    basis: Type.Optional(Citations(doc('追责依据', 'basis'))),
    subjects: Type.Optional(TextList(doc('追责对象', 'subjects'))),
  },
  { additionalProperties: false, ...doc('追责', 'accountability') },
);

export const PowerResponsibility = Type.Object(
  {
    power: Text(doc('事项编码', 'power code')),
    duties: Type.Array(Duty, { minItems: 1, ...doc('责任事项', 'duties') }),
    accountability: Type.Optional(Accountability),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('事项责任', 'responsibility for a power') },
);

export const DepartmentResponsibility = Type.Object(
  {
    department: Slug(doc('部门', 'department id')),
    duty: Text(doc('职责', 'duty')),
    tasks: TextList({ minItems: 1, ...doc('具体工作事项', 'tasks') }),
    boundaries: Type.Optional(
      Type.Array(
        Type.Object(
          {
            with: Slug(doc('相关部门', 'other department id')),
            division: Text(doc('职责分工', 'division of duty')),
            basis: Type.Optional(Citations(doc('依据', 'basis'))),
          },
          { additionalProperties: false, ...doc('职责边界', 'boundary') },
        ),
        doc('职责边界', 'boundaries'),
      ),
    ),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('部门职责', 'department duty') },
);

// Per-power and per-department entries are told apart by which key they carry; `if/then/else`
// keeps ajv's errors about the chosen genre instead of a wall of oneOf noise.
export const Responsibility = Type.Unsafe<Static<typeof PowerResponsibility> | Static<typeof DepartmentResponsibility>>({
  ...doc('责任清单条目', 'responsibility entry', { zh: '按事项（power）或按部门（department）', en: 'per power or per department' }),
  // Annotations only: without them the YAML language server completes only the `else` genre's keys in a new entry.
  type: 'object',
  properties: { power: { ...doc('事项编码', 'power code', { zh: '写 power 即为按事项的责任条目', en: 'an entry with power is a per-power entry' }) } },
  if: { type: 'object', properties: { power: {} }, required: ['power'] },
  then: PowerResponsibility,
  else: DepartmentResponsibility,
});

const StepRef = Slug(doc('步骤标识', 'step id'));

export const Step = Type.Object(
  {
    id: StepRef,
    name: Text(doc('步骤名称', 'step name')),
    type: StringEnum(STEP_TYPES, doc('类型', 'type', { zh: 'start 开始 · task 办理 · decision 判断 · end 结束', en: 'start · task · decision · end' })),
    department: Type.Optional(Slug(doc('承办部门（泳道）', 'department (lane)'))),
    role: Type.Optional(Text(doc('岗位', 'role'))),
    duration: Type.Optional(Type.Number({ minimum: 0, ...doc('时限', 'duration') })),
    unit: Type.Optional(StringEnum(TIME_UNITS, doc('单位', 'unit', { zh: '缺省为事项时限的单位', en: 'defaults to the item\'s time-limit unit' }), 'unit')),
    counted: Type.Optional(Type.Boolean({ default: true, ...doc('计入办结时限', 'counted in the time limit') })),
    next: Type.Optional(Type.Union([StepRef, Type.Array(StepRef, { minItems: 1 })], doc('下一步', 'next step(s)'))),
    branches: Type.Optional(
      Type.Array(
        Type.Object(
          { to: StepRef, when: Type.Optional(Type.String(doc('条件', 'condition'))) },
          { additionalProperties: false, ...doc('分支', 'branch') },
        ),
        doc('分支', 'branches'),
      ),
    ),
    outputs: Type.Optional(TextList(doc('产出', 'outputs'))),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('流程步骤', 'step') },
);

export const Flow = Type.Object(
  {
    id: Slug(doc('流程标识', 'flow id')),
    name: Text(doc('流程名称', 'flow name')),
    power: Type.Optional(Text(doc('事项编码', 'power code'))),
    powers: Type.Optional(TextList({ minItems: 1, ...doc('事项编码', 'power codes') })),
    steps: Type.Array(Step, { minItems: 1, ...doc('步骤', 'steps') }),
  },
  { additionalProperties: false, ...EXTENSIONS, ...doc('运行流程', 'flow') },
);

export type SectionName = (typeof SECTION_NAMES)[number];

export const sectionSchemas = {
  departments: Type.Array(Department, doc('部门', 'departments')),
  laws: Type.Array(Law, doc('法律法规', 'laws')),
  powers: Type.Array(Power, doc('权力清单', 'power list')),
  responsibilities: Type.Array(Responsibility, doc('责任清单', 'responsibility list')),
  flows: Type.Array(Flow, doc('运行流程', 'flows')),
} satisfies Record<SectionName, TSchema>;

export const CHANGE_LEVEL_SETTINGS = ['off', 'info', 'notice', 'breaking'] as const;
export type ChangeLevelSetting = (typeof CHANGE_LEVEL_SETTINGS)[number];

export const Waiver = Type.Object(
  {
    fingerprint: Type.String({ pattern: '^[0-9a-f]{12}$', ...doc('变更指纹', 'change fingerprint', { zh: 'qingdan diff 输出的 12 位指纹', en: 'the 12-character fingerprint qingdan diff prints' }) }),
    reason: Text(doc('理由', 'reason')),
    expires: DateString(doc('到期日', 'expiry date', { zh: '过期后豁免失效并提示', en: 'after this date the waiver stops working, and says so' })),
    approved_by: Type.Optional(Text(doc('批准人', 'approved by'))),
  },
  { additionalProperties: false, ...doc('豁免', 'waiver') },
);

export const Config = Type.Object(
  {
    name: Text(doc('清单名称', 'catalogue name')),
    region: Type.Optional(Text(doc('地区', 'region'))),
    locale: Type.Optional(StringEnum(['zh-CN', 'en'] as const, doc('语言', 'locale'))),
    profile: Type.Optional(Text({ default: 'national', ...doc('编码方案', 'profile', { zh: '如 national、sichuan', en: 'e.g. national, sichuan' }) })),
    code_pattern: Type.Optional(Text(doc('事项编码正则', 'code pattern', { zh: '覆盖编码方案的事项编码格式（正则表达式）', en: 'regular expression overriding the profile\'s code format' }))),
    rules: Type.Optional(
      Type.Record(Type.String(), StringEnum(SEVERITY_SETTINGS), doc('规则级别', 'rule severities', { zh: '规则 id → off | info | warning | error；可用 schema/* 这样的前缀', en: 'rule id → off | info | warning | error; prefixes like schema/* allowed' })),
    ),
    diff: Type.Optional(
      Type.Object(
        {
          levels: Type.Optional(
            Type.Record(Type.String(), StringEnum(CHANGE_LEVEL_SETTINGS), doc('变更级别', 'change levels', { zh: '变更类别 id → off | info | notice | breaking；可用 power/* 这样的前缀', en: 'change class id → off | info | notice | breaking; prefixes like power/* allowed' })),
          ),
          waivers: Type.Optional(Type.Array(Waiver, doc('豁免', 'waivers', { zh: '按指纹接受某项具体变更', en: 'accept a specific change by its fingerprint' }))),
        },
        { additionalProperties: false, ...doc('变更比对（qingdan diff）', 'diff settings') },
      ),
    ),
    compare: Type.Optional(
      Type.Object(
        {
          levels: Type.Optional(
            Type.Record(Type.String(), StringEnum(CHANGE_LEVEL_SETTINGS), doc('差异级别', 'divergence levels', { zh: '差异类别 id → off | info | notice | breaking；可用 standard/* 这样的前缀。本清单作为参照时生效', en: 'divergence class id → off | info | notice | breaking; prefixes like standard/* allowed. Applies when this catalogue is the reference' })),
          ),
        },
        { additionalProperties: false, ...doc('跨地区比对（qingdan compare）', 'compare settings') },
      ),
    ),
  },
  { additionalProperties: false, ...doc('qingdan.yaml 清单配置', 'qingdan.yaml catalogue configuration') },
);

export type Citation = Static<typeof Citation>;
export type Department = Static<typeof Department>;
export type Law = Static<typeof Law>;
export type Power = Static<typeof Power>;
export type Material = Static<typeof Material>;
export type Fee = Static<typeof Fee>;
export type PowerResponsibility = Static<typeof PowerResponsibility>;
export type DepartmentResponsibility = Static<typeof DepartmentResponsibility>;
export type Responsibility = PowerResponsibility | DepartmentResponsibility;
export type Step = Static<typeof Step>;
export type Flow = Static<typeof Flow>;
export type Config = Static<typeof Config>;
export type Waiver = Static<typeof Waiver>;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
