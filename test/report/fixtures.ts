// A small report with findings of every severity, a related place and text that needs escaping.
import type { Finding } from '../../src/findings.js';
import type { Report } from '../../src/report/types.js';

export const SOURCE = 'powers:\n  - code: A\n    name: 食品经营许可\n    visits: 1\n';

export const FINDINGS: Finding[] = [
  {
    ruleId: 'code/duplicate',
    severity: 'error',
    message: 'Item code A is a duplicate, 100% <sure> & "quoted"',
    messages: { 'zh-CN': '事项编码 A 重复', en: 'Item code A is a duplicate, 100% <sure> & "quoted"' },
    file: 'lists/powers/a,b.yaml',
    path: ['powers', 0, 'code'],
    line: 2,
    column: 11,
    endLine: 2,
    endColumn: 12,
    related: [{ file: 'lists/powers/c.yaml', path: ['powers', 3, 'code'], line: 9, column: 11, endLine: 9, endColumn: 12, message: 'Code A first used here.' }],
  },
  {
    ruleId: 'visits/reason',
    severity: 'warning',
    message: 'line one\nline two',
    messages: { 'zh-CN': '第一行\n第二行', en: 'line one\nline two' },
    file: 'lists/powers/a,b.yaml',
    path: ['powers', 0, 'visits'],
    line: 4,
    column: 13,
    endLine: 4,
    endColumn: 14,
    related: [],
  },
  {
    ruleId: 'file/empty',
    severity: 'info',
    message: 'The file is empty.',
    messages: { 'zh-CN': '文件为空。', en: 'The file is empty.' },
    file: 'lists/empty.yaml',
    path: [],
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    related: [],
  },
];

export function report(overrides: Partial<Report> = {}): Report {
  return {
    locale: 'en',
    catalogues: [{ name: '青山县权责清单', root: 'lists', files: 3, departments: 1, laws: 1, powers: 2, responsibilities: 2, flows: 0 }],
    findings: FINDINGS,
    files: ['lists/powers/a,b.yaml', 'lists/empty.yaml', 'lists/clean.yaml'],
    sources: new Map([['lists/powers/a,b.yaml', SOURCE]]),
    color: false,
    toolVersion: '1.2.3',
    ...overrides,
  };
}
