// The compare formatters on the fixtures: what each prints, byte for byte where it matters.
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCatalogues, type CompareResult } from '../../../src/compare/compare.js';
import { compareFormatters } from '../../../src/report/compare/index.js';
import type { CompareReport } from '../../../src/report/compare/types.js';
import { ROOT } from '../../cli/run-cli.js';
import { FIXTURES, OFFICES } from '../../compare/fixtures.js';

let zh: CompareResult;
let en: CompareResult;
const report = (result: CompareResult, extra: Partial<CompareReport> = {}): CompareReport => ({ ...result, color: false, toolVersion: '9.9.9', failOn: 'breaking', ...extra });

beforeAll(async () => {
  const roots = OFFICES.map((o) => path.join(FIXTURES, o));
  zh = await compareCatalogues(roots, ROOT, { reference: true, locale: 'zh-CN', workers: 0 });
  en = await compareCatalogues(roots, ROOT, { reference: true, locale: 'en', workers: 0 });
});

describe('text', () => {
  it('prints the scores table aligned for CJK widths', () => {
    const lines = compareFormatters.text!(report(zh)).split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '标准化比对：3 个地区对照参照清单“示范市权责清单标准目录”',
      '',
      '  #  地区  得分   应有事项  一致  更优  不一致  缺少  多出  校验',
      '  1  甲县  50.0%         4     1     1       1     1     1  0 个错误，0 个警告',
      '  2  乙县  25.0%         4     1     0       3     0     1  0 个错误，0 个警告',
      '  3  丙县  75.0%         4     1     2       1     0     0  0 个错误，0 个警告',
      '  参照: 示范市权责清单标准目录 (test/fixtures/compare/reference) · 0 个错误，0 个警告',
    ]);
  });

  it('draws one symbol per office in the matrix, X for a breaking divergence', () => {
    const text = compareFormatters.text!(report(en));
    expect(text).toContain('  000101001000  食品经营许可              ^ X =\n');
    expect(text).toContain('  000701004000  食品经营许可变更          - = ~\n');
    expect(text).toContain('  000101006000  食品摊贩备案              +    \n'.trimEnd() + '\n');
  });

  it('keeps each line one line when an office\'s name holds a line break (shown as ␊)', () => {
    const broken = { ...zh, offices: zh.offices.map((o, i) => (i === 1 ? { ...o, label: '甲县\n（试点）' } : o)) };
    const text = compareFormatters.text!(report(broken));
    expect(text).not.toContain('甲县\n');
    expect(text).toContain('甲县␊（试点）');
    expect(text.split('\n').filter((line) => line.startsWith('（试点）'))).toEqual([]);
  });

  it('colours only when asked', () => {
    expect(compareFormatters.text!(report(en))).not.toContain('\u001b[');
    expect(compareFormatters.text!(report(en, { color: true }))).toContain('\u001b[31m');
  });
});

describe('markdown', () => {
  it('puts the scores first and folds each office\'s divergences', () => {
    const md = compareFormatters.markdown!(report(en));
    expect(md.split('\n').slice(0, 7)).toEqual([
      '## Standardisation: 3 offices against the reference "示范市权责清单标准目录"',
      '',
      '| Office | Score | Items | Agree | Better | Differ | Missing | Extra | Validation |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
      '| 甲县 | **50.0%** | 4 | 1 | 1 | 1 | 1 | 1 | 0 errors, 0 warnings |',
      '| 乙县 | **25.0%** | 4 | 1 | 0 | 3 | 0 | 1 | 0 errors, 0 warnings |',
      '| 丙县 | **75.0%** | 4 | 1 | 2 | 1 | 0 | 0 | 0 errors, 0 warnings |',
    ]);
    expect(md).toContain('| `000101001000` | 食品经营许可 | 🔵 time, online | 🔴 name, category, basis, +material, −material, time, fees | ✅ ≈ |');
    expect(md).toContain('<details><summary><strong>乙县</strong> — 5 breaking, 5 notices, 0 info.</summary>');
    expect(md).toContain('- 🔴 **breaking** "食品经营许可" promises 20 working days here, longer than the reference\'s 10 working days. `standard/time` · `test/fixtures/compare/county-b/powers.yaml:9:43` · reference `test/fixtures/compare/reference/powers.yaml:9:43`');
  });

  // The fixtures' rows and divergences repeated 400 times: about 300,000 characters, which GitHub refuses as a comment
  // (gh pr comment fails and the pull request gets no report at all).
  it('keeps a huge report within GitHub\'s comment limit, and says what it left out', () => {
    const times = 400;
    const rows = Array.from({ length: en.rows.length * times }, (_, i) => ({ ...en.rows[i % en.rows.length]!, basicCode: `9${String(i).padStart(11, '0')}` }));
    const divergences = Array.from({ length: en.divergences.length * times }, (_, i) => ({ ...en.divergences[i % en.divergences.length]!, row: i % rows.length }));
    const loose = Array.from({ length: en.loose.length * times }, (_, i) => en.loose[i % en.loose.length]!);
    const md = compareFormatters.markdown!(report({ ...en, rows, divergences, loose }));
    expect(md.length).toBeLessThanOrEqual(65_536);
    const lines = md.split('\n');
    const matrixRows = lines.filter((line) => line.startsWith('| `9')).length;
    expect(matrixRows).toBeGreaterThan(50);
    expect(lines).toContain(`> Only the first ${matrixRows} of the ${rows.length} items that differ are shown, to keep this comment within GitHub's 65536-character limit. For the full report, use -f html or -f json.`);
    const listed = lines.filter((line) => /^- [🔴🟡🔵] \*\*/u.test(line));
    expect(lines).toContain(`> Only the ${listed.length} most severe of ${divergences.length} divergences are listed, to keep this comment within GitHub's 65536-character limit. For the full report, use -f html or -f json.`);
    // The most severe first: every breaking divergence fits before any notice is listed.
    const breaking = divergences.filter((d) => d.level === 'breaking').length;
    expect(listed.every((line) => line.startsWith('- 🔴'))).toBe(listed.length <= breaking);
    // Each office's summary counts all of its divergences, listed or not.
    expect(md).toContain(`<details><summary><strong>乙县</strong> — ${5 * times} breaking, ${5 * times} notices, 0 info.</summary>`);
    expect(md.trimEnd().split('\n').at(-1)).toBe(`**${en.divergences.filter((d) => d.level === 'breaking').length * times} breaking, ${en.divergences.filter((d) => d.level === 'notice').length * times} notices, ${en.divergences.filter((d) => d.level === 'info').length * times} info.**`);
  });
});

describe('json', () => {
  it('holds every row, cell and divergence with both positions', () => {
    const json = JSON.parse(compareFormatters.json!(report(en)));
    expect(json.tool).toEqual({ name: 'qingdan', version: '9.9.9' });
    expect(json.summary).toEqual({ offices: 4, items: 6, divergences: 19, breaking: 7, notice: 7, info: 5, failing: 7 });
    expect(json.rows[0].cells[2]).toEqual({ office: 2, status: 'differs', level: 'breaking', classes: ['standard/name', 'standard/category', 'standard/basis', 'standard/material-extra', 'standard/material-missing', 'standard/time', 'standard/fees'], codes: ['11339902MB0000001F4000101001000'], loose: 0 });
    const time = json.divergences.find((d: { classId: string; office: number }) => d.classId === 'standard/time' && d.office === 2);
    expect(time.local).toEqual({ file: 'test/fixtures/compare/county-b/powers.yaml', path: ['powers', 0, 'time_limit', 'promised'], line: 9, column: 43, endLine: 9, endColumn: 45 });
    expect(time.messages['zh-CN']).toBe('“食品经营许可”本地承诺 20个工作日，长于参照的 10个工作日。');
  });
});

describe('html', () => {
  it('is one self-contained page in the report\'s language, valid by html-validate', async () => {
    const page = compareFormatters.html!(report(zh));
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).not.toMatch(/<script|<link|src=|url\(/);
    expect(page).toContain('<td class="cell differs breaking"><span aria-hidden="true">≠</span> 名称、类型、依据、多材料、少材料、时限、收费</td>');
    const result = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page);
    expect(result.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});
