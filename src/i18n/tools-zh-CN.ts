// 导入、导出、格式化与初始化命令的中文消息。
export const tools = {
  'fmt-changed': '{count} 个文件格式不规范，运行 qingdan fmt 即可修正。',
  'fmt-done': '已格式化 {changed} 个文件，{unchanged} 个文件无需改动。',
  'fmt-broken': '{file} 无法格式化，请先修正：',
  'fmt-unsafe-data': '{file} 未改动：格式化会改变其中的数据（可能是别名 *名称 会排到锚点 &名称 之前）。请手工调整键的顺序。',
  'fmt-unsafe-comments': '{file} 未改动：格式化会丢失其中的注释。这是 qingdan 的缺陷，请报告。',
} as const;
