// `qingdan compare` end to end: the real binary on two variants of lists/, every format, the gate, and bad input.
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyCatalogue, edit, positionOf, ROOT, runCli } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

let reference: string;
let local: string;
const FOOD_CODE = '11339921MB1C4572XQ4010010000000';

beforeAll(() => {
  reference = copyCatalogue(path.join(ROOT, 'lists'), 'qingshan');
  local = copyCatalogue(path.join(ROOT, 'lists'), 'qingshan-east');
  // The second office: its own name, a longer promise on 食品经营许可 and one more material.
  edit(path.join(local, 'qingdan.yaml'), 'name: 青山县权责清单\nregion: 青山县', 'name: 青山东区权责清单\nregion: 青山东区');
  const scjgj = path.join(local, 'powers/scjgj.yaml');
  edit(scjgj, '      statutory: 10\n      promised: 5\n', '      statutory: 10\n      promised: 8\n');
  edit(scjgj, '      - name: 食品经营许可申请书\n', '      - name: 经营场所产权证明\n        required: true\n        source: applicant\n        medium: paper\n      - name: 食品经营许可申请书\n');
});

describe('qingdan compare on two variants of lists/', () => {
  it('text: the scores, the matrix row and each divergence with its place; exit 1 on breaking', async () => {
    const { code, stdout, stderr } = await runCli(['compare', reference, local, '--no-color'], { cwd: path.dirname(reference) });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('标准化比对：1 个地区对照参照清单“青山县权责清单”');
    expect(stdout).toMatch(/ {2}1 {2}青山东区 +98\.7% +82 +81 +0 +1 +0 +0 +0 个错误/);
    const promised = positionOf(path.join(local, 'powers/scjgj.yaml'), '8', 'promised: ');
    expect(stdout).toContain(`“食品经营许可”本地承诺 8个工作日，长于参照的 5个工作日。  standard/time`);
    expect(stdout).toContain(`qingshan-east/powers/scjgj.yaml:${promised.line}:${promised.column}`);
    expect(stdout).toContain('“食品经营许可”本地多要求材料“经营场所产权证明”，参照没有。  standard/material-extra');
    expect(stdout).toContain('010010000000  食品经营许可');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 项破坏性差异，0 项需注意，0 项提示。');
  });

  it('markdown, json and html: the same comparison in every format, written with --out', async () => {
    const dir = path.dirname(reference);
    for (const format of ['markdown', 'json', 'html']) {
      const out = path.join(dir, `report.${format}`);
      const { code, stdout, stderr } = await runCli(['compare', reference, local, '-f', format, '--out', out, '--lang', 'en'], { cwd: dir });
      expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: '' });
      expect(existsSync(out)).toBe(true);
    }
    const md = readFileSync(path.join(dir, 'report.markdown'), 'utf8');
    expect(md).toContain('| Office | Score | Items | Agree | Better | Differ | Missing | Extra | Validation |');
    expect(md).toContain('| `010010000000` | 食品经营许可 | 🔴 +material, time |');
    const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(json.summary).toMatchObject({ offices: 2, items: 82, divergences: 2, breaking: 2, failing: 2 });
    expect(json.offices[1].score).toEqual({ total: 82, agree: 81, better: 0, differs: 1, missing: 0, unavailable: 0, extra: 0, score: 81 / 82 });
    expect(json.divergences.map((d: { classId: string; code: string }) => [d.classId, d.code])).toEqual([
      ['standard/material-extra', FOOD_CODE],
      ['standard/time', FOOD_CODE],
    ]);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<table class="matrix">');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('passes with --fail-on none, and with nothing to report', async () => {
    expect((await runCli(['compare', reference, local, '--fail-on', 'none'])).code).toBe(0);
    const twin = copyCatalogue(reference, 'twin');
    const { code, stdout } = await runCli(['compare', reference, twin, '--lang', 'en', '--no-color']);
    expect(code).toBe(0);
    expect(stdout).toContain('No divergences: every office agrees.');
  });

  it('does not say every office agrees when an office with a broken qingdan.yaml was left out', async () => {
    const twin = copyCatalogue(reference, 'twin');
    const broken = copyCatalogue(reference, 'broken-settings');
    writeFileSync(path.join(broken, 'qingdan.yaml'), '- name: 测试\n');
    const { code, stdout } = await runCli(['compare', reference, twin, broken, '--lang', 'en', '--no-color']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('every office agrees');
    expect(stdout).toContain('No divergences among the offices compared; 1 office was left out because its catalogue could not be read (see below).');
    expect(stdout).toMatch(/broken-settings\/qingdan\.yaml:1:1 {2}The top level of qingdan\.yaml must be a mapping/);
  });

  it('reports a local file that does not parse and still compares the rest', async () => {
    const broken = copyCatalogue(local, 'broken');
    writeFileSync(path.join(broken, 'powers/extra.yaml'), 'powers:\n  - code: "unterminated\n');
    const { code, stdout, stderr } = await runCli(['compare', reference, broken, '--no-color', '--lang', 'en'], { cwd: path.dirname(broken) });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('青山东区: 1 file could not be read or parsed; their items were not compared:');
    expect(stdout).toMatch(/\n {4}broken\/powers\/extra\.yaml:2:\d+ {2}.+ {2}yaml\/syntax\n/);
    expect(stdout).toContain('  010010000000 食品经营许可\n');
  });
});

describe('qingdan compare refuses bad usage with exit 2 and one sentence', () => {
  it.each([
    [['compare', 'lists'], 'compare needs at least two catalogue folders'],
    [['compare', 'lists', 'no-such-folder'], 'Cannot find no-such-folder.'],
    [['compare', 'lists', 'docs'], 'There is no qingdan.yaml in docs'],
    [['compare', 'lists', 'lists'], 'lists is given twice'],
    [['compare', 'lists', 'test/fixtures/base', '-f', 'pdf'], 'Unknown output format pdf; known: text, markdown, json, html.'],
    [['compare', 'lists', 'test/fixtures/base', '--fail-on', 'all'], 'Invalid value "all" for --fail-on: breaking, notice, none'],
  ])('%j', async (args, sentence) => {
    const { code, stdout, stderr } = await runCli([...args, '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(sentence);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('knows a folder reached through a symbolic link is the same catalogue', async () => {
    const dir = temporaryFolder('qingdan-compare-link-');
    symlinkSync(path.join(ROOT, 'lists'), path.join(dir, 'lists-again'));
    const { code, stderr } = await runCli(['compare', path.join(ROOT, 'lists'), 'lists-again', '--lang', 'en'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('qingdan: lists-again is given twice; name each catalogue folder once.\n');
  });

  it('names the broken qingdan.yaml of the reference with its position', async () => {
    const bad = copyCatalogue(path.join(ROOT, 'test/fixtures/base'), 'bad-reference');
    writeFileSync(path.join(bad, 'qingdan.yaml'), 'name: 测试\nprofile: [\n');
    const { code, stderr } = await runCli(['compare', bad, path.join(ROOT, 'test/fixtures/base'), '--lang', 'en'], { cwd: path.dirname(bad) });
    expect(code).toBe(2);
    expect(stderr).toContain('qingdan.yaml has errors; fix them first:');
    expect(stderr).toMatch(/bad-reference\/qingdan\.yaml:2:10  error  YAML syntax error: this \[ or { has no closing \] or }/);
  });
});
