import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AS_ROOT, CAN_DROP_ROOT, copyCatalogue, edit, ROOT, runCli, runUnprivileged } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

const LISTS = path.join(ROOT, 'lists');
const FLOW_IDS = [
  'temporary-assistance-small', 'homestead-approval', 'freight-licence', 'road-works-permit', 'minimum-living-allowance',
  'animal-epidemic-certificate', 'unemployment-benefit', 'work-injury-recognition', 'food-business-licence', 'market-penalty',
  'food-seizure', 'eia-report-form', 'entertainment-licence', 'enterprise-investment-filing', 'safety-inspection',
  'construction-permit', 'rural-planning-permit', 'building-planning-permit', 'land-dispute-adjudication',
];
const outDir = () => path.join(temporaryFolder('qingdan-flow-'), 'charts');

// Each test runs the real binary up to four times; generous on a busy machine.
describe('qingdan flow', { timeout: 60_000 }, () => {
  it('draws every flow as SVG by default, one file per flow named by its id', async () => {
    const out = outDir();
    const result = await runCli(['flow', '-C', LISTS, '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(FLOW_IDS.map((id) => `${id}.svg`).sort());
    expect(result.stderr).toContain('已生成 19 张流程图（svg）');
    expect(readFileSync(path.join(out, 'construction-permit.svg'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
  });

  it('draws the named flows in the chosen format', async () => {
    for (const [format, extension, start] of [['bpmn', 'bpmn', '<?xml'], ['dot', 'dot', 'digraph'], ['mermaid', 'mmd', '---'], ['svg', 'svg', '<?xml']] as const) {
      const out = outDir();
      const result = await runCli(['flow', 'construction-permit', 'market-penalty', '--format', format, '-C', LISTS, '--out', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual([`construction-permit.${extension}`, `market-penalty.${extension}`]);
      expect(readFileSync(path.join(out, `market-penalty.${extension}`), 'utf8').startsWith(start)).toBe(true);
    }
  });

  it('finds the catalogue around the working directory, and writes one chart to standard output with --out -', async () => {
    const result = await runCli(['flow', 'food-seizure', '-f', 'mermaid', '--out', '-'], { cwd: LISTS });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^---\ntitle: "查封、扣押违法生产经营食品流程/);
    const many = await runCli(['flow', '--out', '-'], { cwd: LISTS });
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('--out - 只能输出一张流程图');
  });

  it('draws in English with --lang en', async () => {
    const result = await runCli(['flow', 'construction-permit', '--lang', 'en', '-C', LISTS, '--out', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Promised time limit: 3 working days');
    expect(result.stdout).toContain('1 working day');
  });

  it('exits 2 on an unknown flow id and lists the valid ones (with a suggestion)', async () => {
    const out = outDir();
    const result = await runCli(['flow', 'construction-permt', '-C', LISTS, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('没有流程 construction-permt，是否应为 construction-permit？');
    for (const id of FLOW_IDS) expect(result.stderr).toContain(id);
    expect(existsSync(out)).toBe(false);
    const english = await runCli(['flow', 'nope', '--lang', 'en', '-C', LISTS, '--out', out]);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain(`There is no flow nope. Flows: ${FLOW_IDS.join(', ')}`);
  });

  it('exits 2 on an unknown format and lists the valid ones', async () => {
    const result = await runCli(['flow', '--format', 'png', '-C', LISTS, '--out', outDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知的输出格式 png，可用：svg, mermaid, dot, bpmn');
  });

  it('does not draw a flow that fails validation: reports its findings and exits 1, drawing the others', async () => {
    const catalogue = copyCatalogue(LISTS);
    edit(path.join(catalogue, 'flows/zjj.yaml'), '        department: zrzyj\n', '        department: zrzyjj\n');
    const out = outDir();
    const result = await runCli(['flow', '-C', catalogue, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('部门 zrzyjj 未在 departments 中列出');
    expect(result.stderr).toContain('ref/department');
    expect(result.stderr).toContain('流程 construction-permit 有错误，未绘制。');
    expect(readdirSync(out)).toHaveLength(FLOW_IDS.length - 1);
    expect(existsSync(path.join(out, 'construction-permit.svg'))).toBe(false);
  });

  it('says a flows file it cannot read is why its flows are missing, exit 1, drawing the others', async () => {
    const catalogue = copyCatalogue(LISTS);
    writeFileSync(path.join(catalogue, 'flows/zjj.yaml'), 'flows:\n  - id: [construction-permit\n');
    const out = outDir();
    const result = await runCli(['flow', '-C', catalogue, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/flows\/zjj\.yaml:2:9 +error .+yaml\/syntax\n/);
    expect(readdirSync(out)).toHaveLength(FLOW_IDS.length - 1);
  });

  it.skipIf(AS_ROOT && !CAN_DROP_ROOT)('says the flows folder cannot be read (EACCES), not that there are no flows, exit 1', async () => {
    const catalogue = copyCatalogue(LISTS);
    chmodSync(path.dirname(catalogue), 0o777);
    chmodSync(path.join(catalogue, 'flows'), 0o000);
    const result = await runUnprivileged(['flow', '-C', 'lists', '--out', 'charts', '--lang', 'en'], path.dirname(catalogue));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("lists/flows:1:1  error  Cannot read this folder (EACCES); the files in it were not checked. Check the folder's permissions.  file/unreadable\n");
    expect(result.stderr).not.toContain('no flows');
    expect(result.stderr).not.toContain('internal error');
  });

  it('refuses a flow without a start, and one with an unreachable step', async () => {
    const catalogue = copyCatalogue(LISTS);
    edit(path.join(catalogue, 'flows/zjj.yaml'), '        name: 建设单位在工程建设项目审批管理系统提交申请\n        type: start', '        name: 建设单位在工程建设项目审批管理系统提交申请\n        type: task\n        department: xzspj');
    edit(path.join(catalogue, 'flows/scjgj.yaml'), '          - to: not-accepted\n            when: 申请事项依法不属于本机关职权范围或者不需要取得许可\n', '');
    const noStart = await runCli(['flow', 'construction-permit', '-C', catalogue, '--out', outDir()]);
    expect(noStart.code).toBe(1);
    expect(noStart.stderr).toContain('flow/start');
    const unreachable = await runCli(['flow', 'food-business-licence', '-C', catalogue, '--out', outDir()]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('flow/unreachable');
    expect(unreachable.stderr).toContain('流程 food-business-licence 有错误，未绘制。');
  });

  it('still draws a flow that is slower than its promise (a time finding, not a broken flow)', async () => {
    const catalogue = copyCatalogue(LISTS);
    edit(path.join(catalogue, 'qingdan.yaml'), 'rules: {}', 'rules: {time/flow-exceeds-promised: error}');
    edit(path.join(catalogue, 'flows/zjj.yaml'), '        role: 县住房和城乡建设局建筑业管理科\n        duration: 1', '        role: 县住房和城乡建设局建筑业管理科\n        duration: 30');
    const result = await runCli(['flow', 'construction-permit', '-C', catalogue, '--out', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('30个工作日');
  });

  it('says a longest path too large for a number is too large, not Infinity天', async () => {
    const catalogue = copyCatalogue(LISTS);
    const flows = path.join(catalogue, 'flows/wlj.yaml');
    edit(flows, '        duration: 1\n        unit: working-days\n        next: review', '        duration: 1e308\n        unit: days\n        next: review');
    edit(flows, '        duration: 2\n        unit: working-days\n        next: site', '        duration: 1e308\n        unit: working-days\n        next: site');
    for (const [lang, words] of [['zh-CN', '流程最长用时：过大，无法计算'], ['en', 'Longest path of the flow: too large to compute']] as const) {
      const result = await runCli(['flow', 'entertainment-licence', '--lang', lang, '-C', catalogue, '--out', '-']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(words);
      expect(result.stdout).not.toContain('Infinity');
    }
  });

  it('exits 2 when there is no catalogue', async () => {
    const result = await runCli(['flow'], { cwd: temporaryFolder('qingdan-empty-') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('qingdan.yaml');
  });
});
