// The diff formatters: markdown (pull-request comment), json (CI scripts), github (annotations), text (terminal).
import { describe, expect, it } from 'vitest';
import { diffFormatters, getDiffFormatter } from '../../src/report/diff/index.js';
import type { DiffReport } from '../../src/report/diff/types.js';
import type { DiffResult } from '../../src/diff/diff.js';
import { caseFiles, diffCase, diffCaseWith } from './harness.js';

function report(result: DiffResult, extra: Partial<DiffReport> = {}): DiffReport {
  return { ...result, color: false, toolVersion: '9.9.9', failOn: 'breaking', ...extra };
}

const ANSI = /\u001b\[/;

describe('markdown', () => {
  it('puts the summary table first, then the changes grouped by department', async () => {
    const text = diffFormatters.markdown!(report(await diffCase('reform-summary')));
    const lines = text.split('\n');
    expect(lines[0]).toBe('## Catalogue changes: reform-summary\\_base → reform-summary\\_revision');
    expect(lines[2]).toBe('| Department | Items added | Items cancelled/removed | Materials | Promised time (working days) | Visits | Fully online items | Fees removed |');
    expect(lines[3]).toBe('|---|---:|---:|---:|---:|---:|---:|---:|');
    expect(lines[4]).toBe('| 测试县市场监督管理局 | 0 | 0 | 2 → 1 (−1) | 5 → 4 (−1, −20%) | 1 → 0 (−1) | 0 → 1 (+1) | 1 |');
    expect(lines[5]).toBe('| 测试县行政审批服务局 | 1 | 0 | 1 → 2 (+1) | 3 | 0 → 1 (+1) | 1 | 0 |');
    expect(lines[6]).toBe('| **Total** | 1 | 0 | 3 | 8 → 7 (−1, −12.5%) | 1 | 1 → 2 (+1) | 1 |');
    expect(lines[8]).toBe('**0 breaking, 1 notice, 6 info**');
    expect(lines[10]).toBe('### Changes');

    // Each department once, as a heading, followed by its own changes only.
    const headings = lines.filter((line) => line.startsWith('#### '));
    expect(headings.sort()).toEqual(['#### 测试县市场监督管理局', '#### 测试县行政审批服务局']);
    const section = (name: string) => {
      const start = lines.indexOf(`#### ${name}`);
      const end = lines.findIndex((line, i) => i > start && line.startsWith('#### '));
      return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.startsWith('- '));
    };
    expect(section('测试县行政审批服务局')).toEqual([
      '- 🟡 **notice** New item "食品摊贩临时经营登记" (confirmation). `power/added` · `reform-summary_revision/powers.yaml:43:11` · `04f2f81f6f57`',
      '- 🔵 **info** "食品小摊贩登记": promised time limit shortened from 24 hours to 16 hours. `time/promised-shortened` · `reform-summary_revision/powers.yaml:35:43` · `70eca49cba40`',
    ]);
    expect(section('测试县市场监督管理局')).toHaveLength(5);
    expect(section('测试县市场监督管理局').every((line) => line.startsWith('- 🔵 **info** "食品经营许可"'))).toBe(true);
    expect(text.indexOf('| **Total**')).toBeLessThan(text.indexOf('### Changes'));
  });

  it('escapes what markdown would read as markup in names and messages', async () => {
    const powers = caseFiles('power-renamed', 'revision')['powers.yaml']!.replace('name: 食品经营许可（含小餐饮）', "name: '食品经营许可 | *试点* <b>_2026_</b>'");
    const text = diffFormatters.markdown!(report(await diffCaseWith('power-renamed', { revision: { 'powers.yaml': powers } })));
    expect(text).toContain('Item renamed: "食品经营许可" → "食品经营许可 \\| \\*试点\\* \\<b\\>\\_2026\\_\\</b\\>". `power/renamed`');
  });

  it('strikes out the level of a waived change, and quotes notes and skipped items', async () => {
    const config = `${caseFiles('fee-added', 'revision')['qingdan.yaml']}diff:\n  waivers:\n    - {fingerprint: 16f846b5a18d, reason: 县政府批准, expires: 2027-01-01}\n    - {fingerprint: 0123456789ab, reason: 旧豁免, expires: 2026-01-01}\n`;
    const text = diffFormatters.markdown!(report(await diffCaseWith('fee-added', { revision: { 'qingdan.yaml': config } })));
    expect(text).toContain('`16f846b5a18d` — ~~breaking~~ waived: 县政府批准 (until 2027-01-01)');
    expect(text).toContain('**0 breaking, 0 notices, 0 info**');
    expect(text).toContain('> Waiver 0123456789ab (旧豁免) expired on 2026-01-01 and no longer applies.');
    const skipped = diffFormatters.markdown!(report(await diffCase('schema-invalid')));
    expect(skipped).toContain('> Not compared: 2 items that fail the schema: 11339921MB000000234070010000000, 11339921MB000000234070020000000');
  });

  // A revision that adds 2,500 items: the full list is about 400,000 characters, and GitHub refuses a comment over
  // 65,536 (gh pr comment fails and the pull request gets no report at all).
  it('keeps a huge report within GitHub\'s comment limit: the summary, the most severe changes, and how many are left out', async () => {
    const item = (i: number, justified: boolean) =>
      `  - code: 11339921MB00000023409${String(i).padStart(6, '0')}0000\n    name: 新增测试事项${i}\n    category: other\n    department: spj\n    basis: [{law: spaqf, article: 第三十六条}]\n    time_limit: {statutory: 10, promised: 3, unit: working-days}\n${justified ? '    justification: 县政府决定\n' : ''}`;
    // The three unjustified (breaking) items come last in the file and must still be listed.
    const extra = Array.from({ length: 2503 }, (_, i) => item(i, i < 2500)).join('');
    const powers = `${caseFiles('no-op', 'revision')['powers.yaml']!.trimEnd()}\n${extra}`;
    const result = await diffCaseWith('no-op', { revision: { 'powers.yaml': powers } });
    expect(result.changes).toHaveLength(2503);
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = diffFormatters.markdown!(report({ ...result, locale, changes: result.changes.map((c) => ({ ...c, message: c.messages[locale] })) }));
      expect(text.length).toBeLessThanOrEqual(65_536);
      const lines = text.trimEnd().split('\n');
      const listed = lines.filter((line) => line.startsWith('- '));
      expect(listed.length).toBeGreaterThan(100);
      expect(listed.slice(0, 3).every((line) => line.includes('power/added') && (line.startsWith('- 🔴 **breaking**') || line.startsWith('- 🔴 **破坏性**')))).toBe(true);
      expect(lines).toContain(locale === 'en' ? '| **Total** | 2503 | 0 | 3 | 8 → 7517 (+7509, +93862.5%) | 1 | 1 | 0 |' : '| **合计** | 2503 | 0 | 3 | 8 → 7517 (+7509, +93862.5%) | 1 | 1 | 0 |');
      const left = 2503 - listed.length;
      expect(lines.at(-1)).toBe(
        locale === 'en'
          ? `> Only the ${listed.length} most severe changes are listed; ${left} more are left out (2503 in all) to keep this comment within GitHub's 65536-character limit. For the full list, run qingdan diff --format text or --format json.`
          : `> 评论篇幅有限（GitHub 评论最多 65536 个字符），仅列出最重要的 ${listed.length} 项变更，另有 ${left} 项未列出（共 2503 项）。完整清单请用 qingdan diff --format text 或 --format json。`,
      );
      // As many as fit: one more would not.
      expect(text.length + listed[listed.length - 1]!.length).toBeGreaterThan(65_536 - 200);
    }
  });

  it('says there are no changes, in the catalogue language', async () => {
    expect(diffFormatters.markdown!(report(await diffCase('no-op')))).toBe('## Catalogue changes: no-op\\_base → no-op\\_revision\n\nNo changes.\n');
    expect(diffFormatters.markdown!(report(await diffCase('no-op', { locale: undefined })))).toBe('## 清单变更：no-op\\_base → no-op\\_revision\n\n没有变更。\n');
  });
});

describe('json', () => {
  it('has the documented shape', async () => {
    const data = JSON.parse(diffFormatters.json!(report(await diffCase('reform-summary')))) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['version', 'tool', 'base', 'head', 'locale', 'failOn', 'summary', 'changes', 'skipped', 'notes']);
    expect(data).toMatchObject({ version: 1, tool: { name: 'qingdan', version: '9.9.9' }, base: 'reform-summary_base', head: 'reform-summary_revision', locale: 'en', failOn: 'breaking', skipped: [], notes: [] });
    const summary = data.summary as { counts: unknown; total: unknown; departments: Array<Record<string, unknown>> };
    expect(summary.counts).toEqual({ breaking: 0, notice: 1, info: 6 });
    expect(summary.total).toMatchObject({ added: 1, cancelled: 0, feesRemoved: 1, base: { promisedDays: 8 }, head: { promisedDays: 7 } });
    expect(summary.departments.map((d) => d.department)).toEqual(['scjgj', 'spj']);
    const changes = data.changes as Array<Record<string, unknown>>;
    expect(changes).toHaveLength(7);
    expect(changes[0]).toEqual({
      classId: 'power/added',
      level: 'notice',
      message: 'New item "食品摊贩临时经营登记" (confirmation).',
      messages: { 'zh-CN': '新增事项“食品摊贩临时经营登记”（行政确认）。', en: 'New item "食品摊贩临时经营登记" (confirmation).' },
      code: '11339921MB000000234070020000000',
      department: 'spj',
      departmentName: '测试县行政审批服务局',
      name: '食品摊贩临时经营登记',
      head: { file: 'reform-summary_revision/powers.yaml', path: ['powers', 2, 'code'], line: 43, column: 11, endLine: 43, endColumn: 42 },
      fingerprint: '04f2f81f6f57',
    });
    const removed = changes.find((c) => c.classId === 'material/removed')!;
    expect(removed.base).toMatchObject({ file: 'reform-summary_base/powers.yaml', path: ['powers', 0, 'materials', 1, 'name'], line: 19, column: 15 });
  });
});

describe('github', () => {
  it('annotates each change at its revision-side place, by level: breaking error, notice warning, info notice', async () => {
    const lines = diffFormatters.github!(report(await diffCase('reform-summary'))).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('::warning file=reform-summary_revision/powers.yaml,line=43,col=11,endLine=43,endColumn=42,title=power/added::New item "食品摊贩临时经营登记" (confirmation). (04f2f81f6f57)');
    expect(lines.slice(1).every((line) => line.startsWith('::notice file=reform-summary_revision/powers.yaml,'))).toBe(true);
    const breaking = diffFormatters.github!(report(await diffCase('fee-added')));
    expect(breaking).toBe('::error file=fee-added_revision/powers.yaml,line=53,col=15,endLine=53,endColumn=18,title=fee/added::"食品小摊贩登记": new fee "登记费" (20元/件). (16f846b5a18d)\n');
  });

  it('annotates a removal at its base-side place', async () => {
    expect(diffFormatters.github!(report(await diffCase('power-removed')))).toMatch(/^::warning file=power-removed_base\/powers\.yaml,line=36,col=11,/);
  });

  it('escapes %, line breaks, and (in properties) : and ,', async () => {
    const files = caseFiles('power-renamed', 'revision');
    const powers = files['powers.yaml']!.replace('name: 食品经营许可（含小餐饮）', 'name: "食品经营许可 100%\\r\\n试点: 一, 二"');
    const result = await diffCaseWith('power-renamed', { revision: { 'powers.yaml': null, 'powers,2026: 新.yaml': powers } });
    const [line] = diffFormatters.github!(report(result)).split('\n');
    expect(line).toBe(
      '::warning file=power-renamed_revision/powers%2C2026%3A 新.yaml,line=3,col=11,endLine=3,endColumn=36,title=power/renamed::Item renamed: "食品经营许可" → "食品经营许可 100%25%0D%0A试点: 一, 二". (b750db9787d1)',
    );
  });

  it('leaves waived changes out', async () => {
    const config = `${caseFiles('fee-added', 'revision')['qingdan.yaml']}diff:\n  waivers:\n    - {fingerprint: 16f846b5a18d, reason: 县政府批准, expires: 2027-01-01}\n`;
    expect(diffFormatters.github!(report(await diffCaseWith('fee-added', { revision: { 'qingdan.yaml': config } })))).toBe('');
  });
});

describe('text', () => {
  it('is plain text without colour, with the summary, each change and its place and fingerprint', async () => {
    const text = diffFormatters.text!(report(await diffCase('fee-added')));
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Catalogue changes: fee-added_base → fee-added_revision');
    expect(lines[2]).toMatch(/^ {2}Department {2,}Items added {2}Items cancelled\/removed {2}Materials {2}Promised time \(working days\) {2}Visits {2}Fully online items {2}Fees removed$/);
    expect(lines[3]).toMatch(/^ {2}测试县行政审批服务局 {2,}0 +0 +1 +3 +0 +1 +0$/);
    expect(lines).toContain('  breaking  "食品小摊贩登记": new fee "登记费" (20元/件).  fee/added');
    expect(lines).toContain('      测试县行政审批服务局 · fee-added_revision/powers.yaml:53:15 · fingerprint 16f846b5a18d');
    expect(lines.at(-2)).toBe('1 breaking, 0 notices, 0 info');
  });

  it('lines up the columns of the table by display width (a Chinese character is two cells)', async () => {
    const lines = diffFormatters.text!(report(await diffCase('reform-summary'))).split('\n');
    const table = lines.slice(2, 6);
    const itemsAddedColumn = (line: string) => {
      let width = 0;
      for (const char of line.slice(0, line.search(/ \d/) + 1)) width += /[\u4e00-\u9fff]/.test(char) ? 2 : 1;
      return width;
    };
    expect(new Set(table.slice(1).map(itemsAddedColumn)).size).toBe(1);
  });

  it('colours only when asked', async () => {
    expect(diffFormatters.text!(report(await diffCase('fee-added'), { color: true }))).toMatch(ANSI);
  });
});

describe('formatter lookup', () => {
  it('knows text, markdown, json and github, and nothing inherited from Object', () => {
    expect(Object.keys(diffFormatters).sort()).toEqual(['github', 'json', 'markdown', 'text']);
    expect(getDiffFormatter('toString')).toBeUndefined();
    expect(getDiffFormatter('sarif')).toBeUndefined();
  });
});
