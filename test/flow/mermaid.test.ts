import { describe, expect, it } from 'vitest';
import { mermaidFromModel, mermaidId, mermaidText } from '../../src/flow/mermaid.js';
import { describeFlow } from '../../src/flow/model.js';
import { flowIdsOfLists, listsLayout } from './fixtures.js';
import { input, STRESS } from './synthetic.js';

// Mermaid itself parses every chart in the browser test (test/browser/flowcharts.test.ts): its parser needs a DOM.
const mermaidOf = (id: string) => mermaidFromModel(listsLayout(id).model);

describe('Mermaid flowcharts', () => {
  it('are a left-to-right flowchart with the name and limits as title and one subgraph per lane', () => {
    const text = mermaidOf('construction-permit');
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['---', expect.stringMatching(/^title: "建筑工程施工许可证核发流程 — 承诺办结时限：3个工作日/), '---', 'flowchart LR']);
    expect(lines.filter((line) => /^ {2}subgraph lane\d+\["/.test(line))).toEqual([
      '  subgraph lane0["青山县行政审批服务局"]',
      '  subgraph lane1["青山县住房和城乡建设局"]',
      '  subgraph lane2["青山县自然资源和规划局"]',
    ]);
    expect(lines.filter((line) => line === '  end')).toHaveLength(3);
  });

  it('uses stadiums, rectangles and diamonds, labels branches and dots the loops', () => {
    const text = mermaidOf('construction-permit');
    expect(text).toContain('s0_start(["建设单位在工程建设项目审批管理系统提交申请"])');
    expect(text).toContain('s3_accept["受理<br>1个工作日"]');
    expect(text).toContain('s2_complete{"材料是否齐全、符合法定形式"}');
    expect(text).toContain('s2_complete -->|"材料不齐全或者不符合法定形式"| s10_supplement');
    expect(text).toContain('s10_supplement -.-> s1_intake');
  });

  it('marks steps not counted in the time limit', () => {
    const text = mermaidOf('market-penalty');
    expect(text).toMatch(/^ {2}class [\w,]*s\d+_hearing[\w,]* notCounted$/m);
    expect(text).toContain('不计入办结时限');
  });

  it('has one node per step and one arrow per link, every node in exactly one subgraph', () => {
    for (const id of flowIdsOfLists) {
      const { model } = listsLayout(id);
      const text = mermaidFromModel(model);
      for (const node of model.nodes) expect(text.match(new RegExp(`^ {4}${mermaidId(node)}[[({]`, 'gm')), `${id} ${node.id}`).toHaveLength(1);
      expect(text.match(/ (-->|-\.->)/g)).toHaveLength(model.links.length);
    }
  });

  it('writes quotes, markup and Mermaid syntax in names as character codes', () => {
    expect(mermaidText('a"b#c<d>e&f`g|h')).toBe('a#34;b#35;c#60;d#62;e#38;f#96;g#124;h');
    const flow = structuredClone(STRESS['one-step']!);
    flow.steps[1]!.name = '"]) --> x; <script>alert(1)</script>';
    const text = mermaidFromModel(describeFlow(input(flow)));
    expect(text).toContain('    s1_do["#34;]) --#62; x; #60;script#62;alert(1)#60;/script#62;<br>即办"]');
    expect(text).not.toContain('<script');
  });

  it('writes the title as plain YAML text, which Mermaid shows as written (character codes would show as #60;, < as &lt;)', () => {
    const flow = structuredClone(STRESS['one-step']!);
    flow.name = '审批 <甲> & "乙" #1\n第二行';
    const title = mermaidFromModel(describeFlow(input(flow))).split('\n')[1]!;
    expect(title).toMatch(/^title: "审批 ＜甲＞ & \\"乙\\" #1 第二行 — /);
    expect(title).not.toMatch(/#\d+;/);
  });

  it('gives distinct, Mermaid-safe ids even to steps named like keywords', () => {
    expect(mermaidId({ index: 3, id: 'end' })).toBe('s3_end');
    expect(mermaidId({ index: 4, id: 'end-granted' })).toBe('s4_end_granted');
  });

  it('is identical for identical input', () => {
    for (const id of flowIdsOfLists) expect(mermaidOf(id)).toBe(mermaidOf(id));
  });
});
