#!/usr/bin/env node
// Synthetic catalogues in the v1 format, for the benchmark in bench/run.js.
//
//   node bench/generate.js --powers 100000 --out bench/data/100k [--seed 1]
//
// Deterministic: the same --powers and --seed give the same bytes. The catalogue is meant to validate clean
// (`qingdan validate <out>` exits 0 with no findings), so that every tool measured does the same, full work.
//
// Layout (every catalogue file sits one folder below the root, so one glob `<out>/*/*.yaml` names them all and
// leaves qingdan.yaml, which has its own schema, out):
//   qingdan.yaml
//   departments/departments.yaml        ~1 department per 100 powers, valid GB 32100 credit codes
//   laws/laws.yaml                      ~50 laws and regulations with article lists
//   powers/<dept>.yaml                  ~100 powers per department
//   responsibilities/<dept>.yaml        the department's duty list + one entry per active or delegated power
//   flows/<dept>.yaml                   a flow for ~1 power in 10
//
// Scalars that some YAML loaders would turn into something else (codes that could read as numbers, dates that
// js-yaml's default schema turns into Date objects) are quoted, so ajv-cli, Spectral and qingdan all see strings.
import { mkdirSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from './random.js';

const { values: args } = parseArgs({
  options: {
    powers: { type: 'string', default: '10000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'per-department': { type: 'string', default: '100' },
    defects: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help || !args.out) {
  process.stdout.write('usage: node bench/generate.js --powers N --out DIR [--seed S] [--per-department 100] [--defects N]\n');
  process.exit(args.help ? 0 : 2);
}
const TOTAL = Number(args.powers);
const PER_DEPARTMENT = Number(args['per-department']);
const DEFECTS = Number(args.defects);
if (!Number.isInteger(TOTAL) || TOTAL < 1 || !Number.isInteger(PER_DEPARTMENT) || PER_DEPARTMENT < 1) {
  process.stderr.write('--powers and --per-department must be positive integers\n');
  process.exit(2);
}
const OUT = path.resolve(args.out);

// ---------------------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers.
const random = seededRandom(args.seed);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
function sample(list, n) {
  const copy = [...list];
  const out = [];
  for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return out;
}
const pad = (n, width) => String(n).padStart(width, '0');
/** A YAML scalar: plain when it is safe in every loader, double-quoted (JSON is valid YAML) otherwise. */
function s(text) {
  const str = String(text);
  if (/^[\u3400-\u9fff\uff08\uff09（）《》“”、，。；·A-Za-z\u2014][^:#\n"'{}[\],&*!|>%@`]*$/.test(str) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(str) && !/\s$/.test(str)) return str;
  return JSON.stringify(str);
}
const q = (text) => JSON.stringify(String(text));
const date = (y0, y1) => q(`${int(y0, y1)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`);

// ---------------------------------------------------------------------------------------------------------------
// GB 32100 credit codes and Chinese article numbers.
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

const DIGITS = '零一二三四五六七八九';
function chineseNumber(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const head = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return head;
  if (rest < 10) return `${head}零${DIGITS[rest]}`;
  if (rest < 20) return `${head}一十${rest % 10 ? DIGITS[rest % 10] : ''}`;
  return `${head}${chineseNumber(rest)}`;
}
const article = (n) => `第${chineseNumber(n)}条`;

// ---------------------------------------------------------------------------------------------------------------
// Laws: national laws, administrative regulations, local regulations, rules and normative documents.
const LAW_TITLES = [
  ['xzxkf', '中华人民共和国行政许可法', 'law', 83],
  ['xzcff', '中华人民共和国行政处罚法', 'law', 86],
  ['xzqzf', '中华人民共和国行政强制法', 'law', 71],
  ['xzfyf', '中华人民共和国行政复议法', 'law', 90],
  ['xzssf', '中华人民共和国行政诉讼法', 'law', 103],
  ['gzrycfa', '中华人民共和国公职人员政务处分法', 'law', 68],
  ['spaqf', '中华人民共和国食品安全法', 'law', 154],
  ['ypglf', '中华人民共和国药品管理法', 'law', 155],
  ['cpzlf', '中华人民共和国产品质量法', 'law', 74],
  ['tzsbaqf', '中华人民共和国特种设备安全法', 'law', 101],
  ['hjbhf', '中华人民共和国环境保护法', 'law', 70],
  ['dqwrfzf', '中华人民共和国大气污染防治法', 'law', 129],
  ['swrfzf', '中华人民共和国水污染防治法', 'law', 103],
  ['jzf', '中华人民共和国建筑法', 'law', 85],
  ['cxghf', '中华人民共和国城乡规划法', 'law', 70],
  ['tdglf', '中华人民共和国土地管理法', 'law', 87],
  ['dljtaqf', '中华人民共和国道路交通安全法', 'law', 124],
  ['xffa', '中华人民共和国消防法', 'law', 74],
  ['jyf', '中华人民共和国教育法', 'law', 86],
  ['ldf', '中华人民共和国劳动法', 'law', 107],
  ['shbxf', '中华人民共和国社会保险法', 'law', 98],
  ['jbylwsf', '中华人民共和国基本医疗卫生与健康促进法', 'law', 110],
  ['slf', '中华人民共和国水法', 'law', 82],
  ['slf2', '中华人民共和国森林法', 'law', 84],
  ['whcyf', '中华人民共和国文物保护法', 'law', 80],
  ['ggwhfwbzf', '中华人民共和国公共文化服务保障法', 'law', 65],
  ['tyf', '中华人民共和国体育法', 'law', 122],
  ['nyf', '中华人民共和国农业法', 'law', 99],
  ['dwfyf', '中华人民共和国动物防疫法', 'law', 113],
  ['hyzjtl', '中华人民共和国海关法', 'law', 102],
  ['spjyxkglbf', '食品经营许可和备案管理办法', 'rule', 70],
  ['tzsbjcgl', '特种设备安全监察条例', 'administrative-regulation', 103],
  ['jsgczlgltl', '建设工程质量管理条例', 'administrative-regulation', 82],
  ['gsdjgltl', '中华人民共和国市场主体登记管理条例', 'administrative-regulation', 56],
  ['ylqxjdgltl', '医疗器械监督管理条例', 'administrative-regulation', 107],
  ['hhpaqgltl', '危险化学品安全管理条例', 'administrative-regulation', 102],
  ['csrhltl', '城市市容和环境卫生管理条例', 'administrative-regulation', 39],
  ['ryylgltl', '娱乐场所管理条例', 'administrative-regulation', 58],
  ['zjgltl', '宗教事务条例', 'administrative-regulation', 77],
  ['shzzdjtl', '社会团体登记管理条例', 'administrative-regulation', 37],
  ['xzfygl', '行政机关公务员处分条例', 'administrative-regulation', 55],
  ['zjsyhxzxktl', '示例省行政许可监督条例', 'local-regulation', 45],
  ['zjsyhyshj', '示例省优化营商环境条例', 'local-regulation', 72],
  ['zjsyhwyf', '示例省物业管理条例', 'local-regulation', 83],
  ['zjsyhzfwb', '示例省政务服务管理办法', 'rule', 48],
  ['zjsyhsjgl', '示例省公共数据条例', 'local-regulation', 51],
  ['syszfxxgk', '示例市政府信息公开实施办法', 'rule', 36],
  ['syscsgl', '示例市城市管理综合执法条例', 'local-regulation', 60],
  ['sysjyzn', '示例市政务服务事项办事指南编制规范', 'normative-document', 0],
  ['sysqzqd', '示例市权责清单动态调整办法', 'normative-document', 0],
];
const laws = LAW_TITLES.map(([id, title, kind, count]) => ({
  id,
  title,
  kind,
  issuer: kind === 'law' ? '全国人民代表大会常务委员会' : kind === 'administrative-regulation' ? '国务院' : kind === 'local-regulation' ? '示例省人民代表大会常务委员会' : '示例市人民政府',
  articles: count ? Array.from({ length: count }, (_, i) => article(i + 1)) : undefined,
  count,
}));
const lawById = new Map(laws.map((law) => [law.id, law]));
const GENERIC_BY_CATEGORY = {
  licensing: 'xzxkf', penalty: 'xzcff', coercion: 'xzqzf', inspection: 'zjsyhxzxktl', levy: 'zjsyhyshj',
  benefit: 'zjsyhzfwb', confirmation: 'zjsyhzfwb', reward: 'zjsyhzfwb', adjudication: 'xzfyf', other: 'sysqzqd',
  'public-service': 'zjsyhzfwb', 'review-forward': 'zjsyhxzxktl',
};

/** A citation object as YAML lines at the given indent (the first line starts with "- "). */
function citation(lawId, indent, withText = false) {
  const law = lawById.get(lawId);
  const lines = [`${indent}- law: ${law.id}`];
  if (law.count) lines.push(`${indent}  article: ${article(int(1, law.count))}`);
  else if (chance(0.5)) lines.push(`${indent}  article: ${article(int(1, 30))}`);
  if (withText) lines.push(`${indent}  text: ${s(pick(QUOTES))}`);
  return lines;
}
const QUOTES = [
  '从事食品生产、食品销售、餐饮服务，应当依法取得许可',
  '行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定',
  '申请人提交的申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容',
  '违反本法规定，有下列情形之一的，由县级以上人民政府有关主管部门责令改正，给予警告',
  '行政机关实施行政检查，不得妨碍被检查人正常的生产经营活动',
  '对直接负责的主管人员和其他直接责任人员依法给予处分',
];

// ---------------------------------------------------------------------------------------------------------------
// Departments: bureaus of many districts and counties of one city.
const BUREAUS = [
  ['scjgj', '市场监督管理局', ['spaqf', 'cpzlf', 'tzsbaqf', 'ypglf', 'spjyxkglbf', 'tzsbjcgl', 'gsdjgltl', 'ylqxjdgltl']],
  ['sthjj', '生态环境分局', ['hjbhf', 'dqwrfzf', 'swrfzf', 'hhpaqgltl']],
  ['zjj', '住房和城乡建设局', ['jzf', 'cxghf', 'jsgczlgltl', 'zjsyhwyf']],
  ['gtj', '自然资源和规划分局', ['tdglf', 'cxghf', 'slf2']],
  ['gaj', '公安分局', ['dljtaqf', 'xffa', 'ryylgltl']],
  ['jyj', '教育局', ['jyf']],
  ['rsj', '人力资源和社会保障局', ['ldf', 'shbxf']],
  ['wjj', '卫生健康局', ['jbylwsf', 'ypglf']],
  ['slj', '水利局', ['slf', 'swrfzf']],
  ['wgtj', '文化和广电旅游体育局', ['whcyf', 'ggwhfwbzf', 'tyf', 'ryylgltl']],
  ['nyncj', '农业农村局', ['nyf', 'dwfyf']],
  ['mzj', '民政局', ['shzzdjtl', 'zjgltl']],
  ['zfj', '综合行政执法局', ['syscsgl', 'csrhltl']],
  ['yjglj', '应急管理局', ['hhpaqgltl', 'xffa']],
];
const PLACE_A = '东西南北中上下新古安永长清平和兴宁丰德富华嘉吉';
const PLACE_B = '湖山江城桥湾林泉阳川港塘州溪岭原川浦坪';
const DEPT_COUNT = Math.max(1, Math.round(TOTAL / PER_DEPARTMENT));
const counties = [];
for (let i = 0; counties.length < Math.ceil(DEPT_COUNT / BUREAUS.length); i++) {
  const a = PLACE_A[i % PLACE_A.length];
  const b = PLACE_B[Math.floor(i / PLACE_A.length) % PLACE_B.length];
  const round = Math.floor(i / (PLACE_A.length * PLACE_B.length));
  counties.push({ name: `${a}${b}${round ? chineseNumber(round + 1) : ''}${i % 3 === 0 ? '县' : '区'}`, division: `3399${pad(i % 100, 2)}` });
}
const departments = [];
const usedCredit = new Set();
for (let i = 0; i < DEPT_COUNT; i++) {
  const county = counties[Math.floor(i / BUREAUS.length)];
  const countyIndex = Math.floor(i / BUREAUS.length);
  const [abbr, bureau, lawIds] = BUREAUS[i % BUREAUS.length];
  let credit;
  do {
    // 1 (机关) + 1 (机关) + 6-digit division + 9-character organisation code + check character.
    let org = '';
    for (let k = 0; k < 9; k++) org += k < 2 ? pick('MABCDEFGHJKLNPQRTUWXY') : CREDIT_ALPHABET[int(0, 9)];
    const first17 = `11${county.division}${org}`;
    credit = first17 + creditCheck(first17);
  } while (usedCredit.has(credit));
  usedCredit.add(credit);
  departments.push({
    index: i,
    id: `${abbr}-${pad(countyIndex + 1, 4)}`,
    abbr,
    name: `示例市${county.name}${bureau}`,
    county,
    countyIndex,
    credit,
    lawIds,
    phone: `0571-${pad(int(10000000, 89999999), 8)}`,
  });
}
// A county's approval bureau accepts applications for the other bureaus in some flows (一窗受理).
const sameCounty = (dept) => departments.filter((d) => d.countyIndex === dept.countyIndex && d !== dept);

// ---------------------------------------------------------------------------------------------------------------
// Powers.
const CATEGORIES = [
  ['licensing', '01', 22], ['penalty', '02', 30], ['coercion', '03', 6], ['levy', '04', 2], ['benefit', '05', 4],
  ['inspection', '06', 10], ['confirmation', '07', 6], ['reward', '08', 2], ['adjudication', '09', 1],
  ['other', '10', 5], ['public-service', '11', 10], ['review-forward', '12', 2],
];
const CATEGORY_WEIGHT_TOTAL = CATEGORIES.reduce((sum, c) => sum + c[2], 0);
function pickCategory() {
  let r = random() * CATEGORY_WEIGHT_TOTAL;
  for (const c of CATEGORIES) if ((r -= c[2]) < 0) return c;
  return CATEGORIES[0];
}
const OBJECTS = ['食品经营', '药品零售', '特种设备使用', '建设工程施工', '排污', '城市道路占用', '户外广告设置', '娱乐场所经营', '民办学校设立', '医疗机构执业', '取水', '林木采伐', '文物修缮', '动物诊疗', '社会团体成立', '危险化学品经营', '公共场所卫生', '建筑垃圾处置', '临时占用绿地', '生鲜乳收购', '农药经营', '游泳场所开放', '职业介绍', '劳务派遣经营', '燃气经营', '涉河建设项目', '大型群众性活动举办', '网吧经营', '出版物零售', '计量器具型式批准'];
const VIOLATIONS = ['未取得许可从事经营活动', '未按规定公示许可证件', '拒绝、阻挠监督检查', '超范围经营', '未按规定建立进货查验记录', '擅自改变用途', '未按规定配备安全管理人员', '伪造、变造证明材料', '超标排放污染物', '未按规定办理变更手续', '未按规定进行年度报告', '违法占用土地'];
const ACTIONS = {
  licensing: (o) => `${o}许可`,
  penalty: () => `对${pick(VIOLATIONS)}的行政处罚`,
  coercion: (o) => `查封、扣押${o}相关场所、设施或者财物`,
  levy: (o) => `${o}相关费用征收`,
  benefit: () => pick(['最低生活保障金给付', '困难残疾人生活补贴发放', '高龄津贴发放', '失业保险金给付', '临时救助金给付']),
  inspection: (o) => `对${o}活动的监督检查`,
  confirmation: (o) => `${o}备案确认`,
  reward: () => pick(['对举报违法行为有功人员的奖励', '对先进集体和个人的表彰奖励', '对见义勇为人员的奖励']),
  adjudication: () => pick(['土地权属争议裁决', '林木林地权属争议裁决', '水事纠纷裁决']),
  other: (o) => `${o}相关事项的指导和协调`,
  'public-service': () => pick(['政府信息公开申请办理', '档案查询服务', '公共文化场馆免费开放', '就业登记', '社会保障卡申领', '预防接种证办理', '法律援助申请']),
  'review-forward': (o) => `${o}项目初审转报`,
};
const SUB_VARIANTS = ['新办', '变更', '延续', '注销', '补证'];
const ONLINE_ORDER = ['consult', 'intake', 'pre-review', 'accept', 'handle', 'result', 'e-license'];
const MATERIALS = ['申请书', '营业执照复印件', '法定代表人身份证明', '经营场所使用证明', '平面布局图', '主要设备设施清单', '安全管理制度文本', '专业技术人员资格证书', '授权委托书', '环境影响评价文件', '检测报告', '建设工程规划许可证', '可行性研究报告', '场所消防安全检查合格证明', '相关人员健康证明'];
const CONDITIONS = ['申请人具有与申请事项相适应的场所和设施', '有相应的专业技术人员', '有健全的管理制度和安全保障措施', '符合国家和本省规定的其他条件', '申请材料齐全、符合法定形式'];
const UNITS = (r) => (r < 0.85 ? 'working-days' : r < 0.97 ? 'days' : 'hours');
const STATUTORY = { 'working-days': [5, 10, 15, 20, 20, 30, 60], days: [7, 15, 30, 60, 90], hours: [8, 24, 48] };

function makePowers(dept, count) {
  const powers = [];
  let item = 0;
  while (powers.length < count) {
    const [category, categoryCode] = pickCategory();
    const object = pick(OBJECTS);
    item++;
    const basic = `${categoryCode}${pad(dept.index, 6)}${pad(item, 3)}0`;
    const main = makePower(dept, category, basic, ACTIONS[category](object), object);
    powers.push(main);
    if (category === 'licensing' && main.status === 'active' && chance(0.3)) {
      for (const [k, variant] of sample(SUB_VARIANTS, int(2, 4)).entries()) {
        if (powers.length >= count) break;
        const sub = makePower(dept, category, `${basic.slice(0, 11)}${k + 1}`, `${main.name}（${variant}）`, object, main);
        powers.push(sub);
      }
    }
  }
  return powers;
}

// --defects N: about N powers get one mistake each that only qingdan's cross-checks see (the files stay
// schema-valid, so ajv-cli and Spectral still pass), so that qingdan also resolves positions and formats findings.
// Chosen by a counter, not the PRNG: with --defects 0 the output is byte-identical to a run without the option.
const DEFECT_KINDS = ['promised', 'visit-reason', 'article', 'condition', 'responsibility'];
const defectInterval = DEFECTS > 0 ? Math.max(1, Math.floor(TOTAL / DEFECTS)) : 0;
let powerSerial = 0;
let defectCount = 0;
let defectsDue = 0;
function defectFor(category, parent, status) {
  powerSerial++;
  if (defectInterval && powerSerial % defectInterval === 0) defectsDue++;
  // Due defects go to the next power that can take one (a main item in force, with no sub-items).
  if (!defectsDue || defectCount >= DEFECTS || parent || status !== 'active' || category === 'licensing') return undefined;
  defectsDue--;
  return DEFECT_KINDS[defectCount++ % DEFECT_KINDS.length];
}

function makePower(dept, category, basic, name, object, parent) {
  const unit = parent ? parent.unit : UNITS(random());
  const statutory = parent ? parent.statutory : pick(STATUTORY[unit]);
  const promised = parent ? parent.promised : Math.max(Math.min(3, statutory), Math.round(statutory * pick([0.2, 0.3, 0.5, 0.5, 0.6, 1])));
  const status = parent ? 'active' : pick(['active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'delegated', 'suspended', 'cancelled', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active']);
  const defect = defectFor(category, parent, status);
  const power = { code: `${dept.credit}4${basic}`, name, category, dept, unit, statutory, promised, status, parent, object, flow: undefined, defect };
  const lawIds = [GENERIC_BY_CATEGORY[category], ...sample(dept.lawIds, int(1, 2))];
  const L = [];
  L.push(`  - code: ${q(power.code)}`);
  L.push(`    name: ${s(name)}`);
  L.push(`    category: ${category}`);
  L.push(`    department: ${dept.id}`);
  if (parent) L.push(`    parent: ${q(parent.code)}`);
  L.push('    basis:');
  for (const id of lawIds) L.push(...citation(id, '      ', chance(0.15)));
  if (defect === 'article') {
    const at = L.findIndex((line) => line.startsWith('        article: '));
    if (at >= 0) L[at] = '        article: 第九百九十九条';
  }
  if (chance(0.5)) L.push('    level: county');
  if (status !== 'active' || chance(0.1)) L.push(`    status: ${status}`);
  if (status !== 'active') {
    L.push(`    status_since: ${date(2019, 2024)}`);
    L.push(`    status_note: ${s(status === 'cancelled' ? '根据示例省人民政府关于取消一批行政权力事项的决定取消' : status === 'suspended' ? '相关法规修订期间暂停实施' : '委托乡镇人民政府（街道办事处）实施')}`);
  }
  const others = sameCounty(dept);
  if (chance(0.1) && others.length) {
    const co = sample(others, int(1, 2));
    power.coDepartment = co[0];
    L.push(`    co_departments: [${co.map((d) => d.id).join(', ')}]`);
  }
  if (status === 'delegated' && others.length) L.push(`    delegated_by: ${pick(others).id}`);
  const note = chance(0.2) ? ', note: 不含公示、听证时间' : '';
  L.push(`    time_limit: {statutory: ${statutory}, promised: ${defect === 'promised' ? statutory + 5 : promised}, unit: ${unit}${note}}`);
  if (chance(0.12)) {
    L.push('    special_procedures:');
    L.push(`      - name: ${pick(['听证', '专家评审', '技术审查', '现场检测', '公示'])}`);
    L.push(`        duration: ${int(3, 20)}`);
    L.push(`        unit: ${pick(['working-days', 'days'])}`);
    L.push('        counted: false');
    if (chance(0.5)) L.push('        basis:', ...citation(GENERIC_BY_CATEGORY[category], '          '));
  }
  if (category !== 'penalty' && category !== 'coercion' && category !== 'inspection') {
    L.push('    conditions:');
    for (const text of sample(CONDITIONS, int(1, 3))) L.push(`      - ${s(text)}`);
    L.push(`    applicants: [${sample(['natural-person', 'legal-person'], int(1, 2)).join(', ')}]`);
  }
  L.push('    materials:');
  for (const [k, m] of sample(MATERIALS, int(3, 6)).entries()) {
    const required = k === 0 ? (defect === 'condition' ? 'conditional' : true) : pick([true, true, true, false, 'conditional']);
    const materialName = k === 0 ? `${object}${m}` : m;
    L.push(`      - name: ${s(materialName)}`);
    L.push(`        required: ${required}`);
    if (required === 'conditional' && !(k === 0 && defect === 'condition')) L.push(`        condition: ${s(pick(['委托他人办理的', '申请人为法人或者其他组织的', '涉及建设项目的', '变更法定代表人的']))}`);
    L.push(`        source: ${pick(['applicant', 'applicant', 'applicant', 'government', 'intermediary', 'issuer'])}`);
    L.push(`        medium: ${pick(['paper', 'electronic', 'both', 'both'])}`);
    if (chance(0.7)) L.push(`        originals: ${int(0, 2)}`);
    if (chance(0.5)) L.push(`        copies: ${int(0, 3)}`);
    if (k === 0 && chance(0.6)) L.push(`        blank_form: ${s(`${materialName}（空白表格）`)}`);
    if (k === 0 && chance(0.3)) L.push(`        sample: ${s(`${materialName}示例样表`)}`);
    if (chance(0.1)) L.push('        basis:', ...citation(pick(dept.lawIds), '          '));
    if (chance(0.1)) L.push('        note: 可通过数据共享获取的，免于提交');
  }
  const drawn = chance(0.8) ? 0 : chance(0.8) ? 1 : 2;
  const visits = defect === 'visit-reason' ? Math.max(1, drawn) : drawn;
  L.push(`    visits: ${visits}`);
  if (drawn > 0 && defect !== 'visit-reason') L.push(`    visit_reason: ${s(pick(['需现场核验原件', '需现场采集人像和指纹', '需现场踏勘', '法律法规规定须当面签署']))}`);
  if (chance(0.85)) {
    // Full online (accept + handle + result) only where nobody has to come in person.
    let depth = ONLINE_ORDER.slice(0, int(1, ONLINE_ORDER.length)).filter((step) => step === 'consult' || chance(0.85));
    if (visits > 0 && ['accept', 'handle', 'result'].every((step) => depth.includes(step))) depth = depth.filter((step) => step !== 'handle');
    if (depth.length === 0) depth = ['consult'];
    const url = chance(0.5) ? `, url: ${q(`https://zwfw.example.gov.cn/item/${power.code}`)}` : '';
    L.push(`    online: {depth: [${depth.join(', ')}]${url}}`);
  }
  if (category === 'licensing' && chance(0.15)) {
    L.push('    fees:');
    L.push(`      - name: ${s(`${object}证照工本费`)}`);
    L.push(`        standard: ${s(`每证${int(5, 50)}元`)}`);
    L.push('        basis:', ...citation(pick(dept.lawIds), '          '));
    if (chance(0.3)) L.push('        waivable: true', '        waiver_basis:', ...citation('zjsyhyshj', '          '));
  }
  L.push(`    location: ${s(`示例市${dept.county.name}民生路${int(1, 300)}号政务服务中心${int(1, 4)}楼${int(1, 40)}号窗口`)}`);
  L.push('    hours: 工作日上午9：00—12：00，下午13：30—17：00');
  L.push('    contact:');
  L.push(`      consult: ${q(dept.phone)}`);
  L.push(`      complaint: ${q(`12345；${dept.phone.slice(0, 5)}${pad(int(10000000, 89999999), 8)}`)}`);
  L.push('    remedies:');
  L.push('      review: 向示例市人民政府申请行政复议');
  L.push(`      litigation: ${s(`向示例市${dept.county.name}人民法院提起行政诉讼`)}`);
  const flowIndex = L.length;
  if (chance(0.08)) {
    L.push('    risk_points:');
    L.push(`      - step: ${pick(['受理', '审查', '决定'])}`);
    L.push(`        description: ${s(pick(['对不符合条件的申请予以受理', '审查不严格，降低标准', '违反规定程序作出决定']))}`);
    L.push(`        level: ${pick(['high', 'medium', 'low'])}`);
    L.push('        controls: [实行一次性告知制度, 集体研究决定, 全程留痕可追溯]');
    L.push('        owner: 分管负责人');
  }
  if (chance(0.05)) L.push('    justification: 根据新修订的法规新增');
  if (chance(0.7)) L.push(`    reviewed: ${date(2023, 2025)}`);
  power.lines = L;
  power.flowIndex = flowIndex;
  return power;
}

// ---------------------------------------------------------------------------------------------------------------
// Responsibilities.
const DUTIES = {
  accept: ['依法受理或者不予受理申请，不予受理的应当告知理由', '公示依法应当提交的材料，一次性告知补正材料'],
  review: ['对申请材料进行审查，需要现场核查的组织核查', '对检查中发现的问题依法提出处理意见'],
  decide: ['依法作出准予或者不予的决定，不予的说明理由', '经集体讨论作出处理决定'],
  deliver: ['依法送达决定书并公开有关信息', '在规定期限内送达并告知救济途径'],
  supervise: ['建立实施监督检查制度，加强事中事后监管', '对被许可人从事活动的情况进行监督检查'],
  other: ['法律法规规章规定应履行的其他责任'],
};
const CASES = ['对符合法定条件的申请不予受理的', '对不符合法定条件的申请人准予许可的', '未在法定期限内作出决定的', '违反法定程序实施的', '索取或者收受他人财物或者谋取其他利益的', '不履行监督职责或者监督不力造成严重后果的'];

function responsibilityLines(power) {
  const L = [];
  L.push(`  - power: ${q(power.code)}`);
  L.push('    duties:');
  const stages = power.category === 'penalty' || power.category === 'inspection' ? ['accept', 'review', 'decide', 'deliver', 'other'] : ['accept', 'review', 'decide', 'deliver', 'supervise'];
  for (const stage of stages) {
    L.push(`      - stage: ${stage}`);
    L.push(`        text: ${s(pick(DUTIES[stage]))}`);
    if (chance(0.3)) L.push('        basis:', ...citation(GENERIC_BY_CATEGORY[power.category], '          '));
  }
  L.push('    accountability:');
  L.push('      cases:');
  for (const text of sample(CASES, int(2, 4))) L.push(`        - ${s(text)}`);
  L.push('      basis:');
  L.push(...citation(GENERIC_BY_CATEGORY[power.category], '        '));
  L.push(...citation('gzrycfa', '        '));
  L.push('      subjects: [直接负责的主管人员, 其他直接责任人员]');
  return L;
}

function departmentDutyLines(dept) {
  const others = sameCounty(dept);
  const L = [];
  L.push(`  - department: ${dept.id}`);
  L.push(`    duty: ${s(`负责本行政区域内${dept.name.replace(/^示例市.+?[县区]/, '')}职责范围内的监督管理工作`)}`);
  L.push('    tasks:');
  L.push('      - 贯彻执行有关法律法规和方针政策');
  L.push('      - 依法实施行政许可、行政检查和行政处罚');
  L.push('      - 承担本领域安全监管责任');
  if (others.length) {
    L.push('    boundaries:');
    for (const other of sample(others, Math.min(2, others.length))) {
      L.push(`      - with: ${other.id}`);
      L.push(`        division: ${s(`与${other.name}按照“谁审批、谁监管，谁主管、谁监管”的原则划分职责`)}`);
      if (chance(0.5)) L.push('        basis:', ...citation('zjsyhyshj', '          '));
    }
  }
  return L;
}

// ---------------------------------------------------------------------------------------------------------------
// Flows: start → accept → decision 材料是否齐全 (补正 loop back to accept) → review → [inspection] → decision
// 是否准予 → issue / refuse → end. The longest counted path fits the promised limit.
function flowLines(id, powers, dept) {
  const lead = powers[0];
  const promised = Math.min(...powers.map((p) => p.promised));
  const unit = lead.unit;
  const others = sameCounty(dept);
  const acceptDept = chance(0.3) && others.length ? pick(others) : dept;
  const inspect = promised >= 4 && chance(0.5);
  // Budget: accept + review + (inspect) + max(issue, refuse) ≤ promised.
  const round = (x) => Math.floor(x * 2) / 2;
  const budget = promised;
  const accept = round(Math.max(0.5, Math.min(1, budget * 0.2)));
  const issue = round(Math.max(0.5, Math.min(2, budget * 0.2)));
  let rest = budget - accept - issue;
  const inspection = inspect ? round(rest / 3) : 0;
  rest -= inspection;
  const review = Math.max(0, round(rest));
  const explicitUnit = chance(0.1) ? `, unit: ${unit}` : '';
  const L = [];
  L.push(`  - id: ${id}`);
  L.push(`    name: ${s(`${lead.parent ? lead.parent.name : lead.name}办理流程`)}`);
  if (powers.length === 1) L.push(`    power: ${q(lead.code)}`);
  else L.push(`    powers: [${powers.map((p) => q(p.code)).join(', ')}]`);
  L.push('    steps:');
  L.push('      - {id: start, name: 申请人提出申请, type: start, next: accept}');
  L.push(`      - {id: accept, name: 窗口受理, type: task, department: ${acceptDept.id}, role: 综合受理窗口, duration: ${accept}${explicitUnit}, next: complete}`);
  L.push('      - id: complete');
  L.push('        name: 材料是否齐全');
  L.push('        type: decision');
  L.push('        branches:');
  L.push('          - {to: review, when: 齐全、符合法定形式}');
  L.push('          - {to: fix, when: 不齐全或不符合法定形式}');
  L.push(`      - {id: fix, name: 一次性告知补正材料, type: task, department: ${acceptDept.id}, duration: ${int(1, 5)}, counted: false, next: accept}`);
  L.push(`      - id: review`);
  L.push('        name: 审查');
  L.push('        type: task');
  L.push(`        department: ${dept.id}`);
  L.push('        role: 承办科室审查人员');
  L.push(`        duration: ${review}${explicitUnit ? `\n        unit: ${unit}` : ''}`);
  L.push(`        next: ${inspect ? 'inspect' : 'decide'}`);
  if (inspect) {
    const inspector = lead.coDepartment ?? dept;
    L.push(`      - {id: inspect, name: 现场核查, type: task, department: ${inspector.id}, role: 核查人员, duration: ${inspection}, next: decide}`);
  }
  L.push('      - id: decide');
  L.push('        name: 是否准予');
  L.push('        type: decision');
  L.push('        branches:');
  L.push('          - {to: issue, when: 符合条件}');
  L.push('          - {to: refuse, when: 不符合条件}');
  L.push(`      - {id: issue, name: 作出准予决定并送达, type: task, department: ${dept.id}, role: 分管负责人, duration: ${issue}, next: done, outputs: [准予决定书]}`);
  L.push(`      - {id: refuse, name: 作出不予决定并告知理由, type: task, department: ${dept.id}, duration: ${issue}, next: done, outputs: [不予决定书]}`);
  L.push('      - {id: done, name: 办结, type: end}');
  return L;
}

// ---------------------------------------------------------------------------------------------------------------
// Write.
if (existsSync(OUT)) {
  // Only ever replace a folder this script made (it holds qingdan.yaml and nothing but our folders).
  const known = new Set(['qingdan.yaml', 'departments', 'laws', 'powers', 'responsibilities', 'flows']);
  const stray = readdirSync(OUT).filter((name) => !known.has(name));
  if (stray.length) {
    process.stderr.write(`refusing to overwrite ${OUT}: it holds files this script did not write (${stray.slice(0, 3).join(', ')})\n`);
    process.exit(2);
  }
  rmSync(OUT, { recursive: true, force: true });
}
for (const dir of ['departments', 'laws', 'powers', 'responsibilities', 'flows']) mkdirSync(path.join(OUT, dir), { recursive: true });

let bytes = 0;
let fileCount = 0;
const write = (relative, lines) => {
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path.join(OUT, relative), text);
  bytes += Buffer.byteLength(text);
  fileCount++;
};


const deptLines = ['departments:'];
for (const dept of departments) {
  deptLines.push(`  - id: ${dept.id}`);
  deptLines.push(`    name: ${s(dept.name)}`);
  deptLines.push(`    credit_code: ${q(dept.credit)}`);
  deptLines.push('    level: county');
  if (dept.abbr === 'sthjj' || dept.abbr === 'gtj' || dept.abbr === 'gaj') {
    // 分局 of a city bureau: parent is the first county's bureau of the same kind (a stand-in for the city's).
    const head = departments.find((d) => d.abbr === dept.abbr);
    if (head && head !== dept) deptLines.push(`    parent: ${head.id}`);
  }
  deptLines.push(`    address: ${s(`示例市${dept.county.name}民生路${100 + (dept.index % 200)}号`)}`);
  deptLines.push('    hours: 工作日9：00—17：00');
  deptLines.push(`    phone: ${q(dept.phone)}`);
  if (dept.index % 4 === 0) deptLines.push(`    url: ${q(`https://www.example.gov.cn/${dept.id}/`)}`);
}
write('departments/departments.yaml', deptLines);

const lawLines = ['laws:'];
for (const law of laws) {
  lawLines.push(`  - id: ${law.id}`);
  lawLines.push(`    title: ${s(law.title)}`);
  lawLines.push(`    kind: ${law.kind}`);
  lawLines.push(`    issuer: ${s(law.issuer)}`);
  lawLines.push(`    effective: ${date(2000, 2023)}`);
  if (law.articles) lawLines.push(`    articles: [${law.articles.join(', ')}]`);
  if (law.kind === 'law') lawLines.push(`    url: ${q(`https://flk.example.gov.cn/${law.id}`)}`);
}
write('laws/laws.yaml', lawLines);

let powerCount = 0;
let flowCount = 0;
let responsibilityCount = 0;
for (const dept of departments) {
  const count = Math.floor(TOTAL / DEPT_COUNT) + (dept.index < TOTAL % DEPT_COUNT ? 1 : 0);
  if (count === 0) continue;
  const powers = makePowers(dept, count);
  powerCount += powers.length;

  // Flows: ~1 power in 10; a main item's flow sometimes serves its sub-items too.
  const flows = [];
  for (const power of powers) {
    if (power.status !== 'active' || power.flow || power.parent || !chance(0.12)) continue;
    const served = [power];
    const subs = powers.filter((p) => p.parent === power && !p.flow);
    if (subs.length && chance(0.5)) served.push(...subs);
    const id = `lc-${dept.id}-${pad(flows.length + 1, 3)}`;
    for (const p of served) p.flow = id;
    flows.push(flowLines(id, served, dept));
  }
  const powerLines = ['powers:'];
  for (const power of powers) {
    const lines = power.flow ? [...power.lines.slice(0, power.flowIndex), `    flow: ${power.flow}`, ...power.lines.slice(power.flowIndex)] : power.lines;
    powerLines.push(...lines);
  }
  write(`powers/${dept.id}.yaml`, powerLines);

  const respLines = ['responsibilities:', ...departmentDutyLines(dept)];
  for (const power of powers) {
    if (power.status !== 'active' && power.status !== 'delegated') continue;
    const lines = responsibilityLines(power);
    if (power.defect === 'responsibility') continue;
    respLines.push(...lines);
    responsibilityCount++;
  }
  write(`responsibilities/${dept.id}.yaml`, respLines);

  if (flows.length) {
    write(`flows/${dept.id}.yaml`, ['flows:', ...flows.flat()]);
    flowCount += flows.length;
  }
}

// Last, so that it can say how many defects went in.
write('qingdan.yaml', [
  `# Synthetic benchmark catalogue: ${TOTAL} powers, seed ${args.seed} (bench/generate.js).`,
  ...(DEFECTS > 0 ? [`# defects: ${defectCount} (qingdan is expected to report them and exit 1)`] : []),
  `name: ${s(`示例市权责清单（基准测试，${TOTAL}项）`)}`,
  'region: 示例市',
  'locale: zh-CN',
  'profile: national',
]);

process.stdout.write(
  `${path.relative(process.cwd(), OUT) || '.'}: ${fileCount} files, ${(bytes / 1048576).toFixed(1)} MiB — ` +
    `${departments.length} departments, ${laws.length} laws, ${powerCount} powers, ${responsibilityCount} per-power responsibilities, ${flowCount} flows` +
    `${DEFECTS > 0 ? `, ${defectCount} defects injected` : ''}\n`,
);
