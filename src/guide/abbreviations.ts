// What people type for a department: the short forms offices and citizens use (住建局, 市场监管局, 人社局) rather
// than the full names a catalogue gives (住房和城乡建设局, 市场监督管理局, 人力资源和社会保障局). The search index
// holds these forms too, so a query for the short form finds the department's items.

/** Full phrase in an official name → the short form in common use. */
const SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['市场监督管理', '市场监管'],
  ['住房和城乡建设', '住建'],
  ['住房城乡建设', '住建'],
  ['人力资源和社会保障', '人社'],
  ['发展和改革', '发改'],
  ['自然资源和规划', '自然资源'],
  ['卫生健康', '卫健'],
  ['卫生和计划生育', '卫计'],
  ['文化和旅游', '文旅'],
  ['文化广电旅游', '文广旅'],
  ['文化广电和旅游', '文广旅'],
  ['生态环境', '环保'],
  ['医疗保障', '医保'],
  ['退役军人事务', '退役军人'],
  ['综合行政执法', '综合执法'],
  ['经济和信息化', '经信'],
  ['工业和信息化', '工信'],
  ['科学技术', '科技'],
  ['政务服务和大数据管理', '政数'],
  ['政务服务和数据管理', '政数'],
  ['消防救援', '消防'],
  ['行政审批服务', '行政审批'],
  ['农业农村', '农业'],
  ['交通运输', '交通'],
  ['应急管理', '应急'],
  ['卫生健康委员会', '卫健委'],
];

/** The short forms of a department's name (none when it uses no long phrase). */
export function shortForms(name: string): string[] {
  const out = new Set<string>();
  for (const [full, short] of SHORT_FORMS) if (name.includes(full)) out.add(name.replace(full, short));
  out.delete(name);
  return [...out];
}
