import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogue } from '../../src/validate.js';
import { describeFlow, flowInput } from '../../src/flow/model.js';
import { layoutFlow, type FlowLayout } from '../../src/flow/layout.js';
import { geometryProblems, sharedSegments } from './geometry.js';
import { input, randomFlow, STRESS } from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const lists = validateCatalogue(new DirectorySource(path.join(ROOT, 'lists'), ROOT), { explicitLocale: 'zh-CN' });

describe('layout of the example catalogue', () => {
  it('has flows to draw', () => {
    expect(lists.catalogue.sections.flows.length).toBeGreaterThanOrEqual(19);
  });

  for (const entry of lists.catalogue.sections.flows) {
    it(`${entry.value.id}: nodes in their lanes, text inside shapes, no overlaps, arrows from shape to shape`, () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const layout = layoutFlow(describeFlow(flowInput(lists.catalogue, entry.value, locale)));
        expect(geometryProblems(layout)).toEqual([]);
      }
    });
  }

  it('puts lanes in catalogue order and names them after the departments', () => {
    const flow = lists.catalogue.flowById.get('construction-permit')!.value;
    const layout = layoutFlow(describeFlow(flowInput(lists.catalogue, flow, 'zh-CN')));
    expect(layout.lanes.map((lane) => lane.name)).toEqual(['青山县行政审批服务局', '青山县住房和城乡建设局', '青山县自然资源和规划局']);
    expect(layout.lanes.map((lane) => lane.y)).toEqual([...layout.lanes.map((lane) => lane.y)].sort((a, b) => a - b));
  });

  it('draws the 材料补正 loop as a return under the lane into the bottom of 收件', () => {
    const flow = lists.catalogue.flowById.get('construction-permit')!.value;
    const layout = layoutFlow(describeFlow(flowInput(lists.catalogue, flow, 'zh-CN')));
    const loop = layout.edges.find((edge) => edge.link.back)!;
    const intake = layout.nodes.find((node) => node.node.id === 'intake')!;
    const supplement = layout.nodes.find((node) => node.node.id === 'supplement')!;
    expect(loop.link.from).toBe(supplement.node.index);
    const lowest = Math.max(...loop.points.map((p) => p.y));
    expect(lowest).toBeGreaterThan(Math.max(intake.y + intake.height, supplement.y + supplement.height));
    expect(loop.points.at(-1)).toEqual({ x: intake.cx, y: intake.y + intake.height });
  });

  it('keeps the main line straight: start, 收件, the decision and 受理 share one row', () => {
    const flow = lists.catalogue.flowById.get('food-business-licence')!.value;
    const layout = layoutFlow(describeFlow(flowInput(lists.catalogue, flow, 'zh-CN')));
    const cy = (id: string) => layout.nodes.find((node) => node.node.id === id)!.cy;
    expect(new Set(['start', 'intake', 'complete', 'accept'].map(cy)).size).toBe(1);
  });

  it('shows each task’s duration with its unit, and marks steps not counted in the time limit', () => {
    const flow = lists.catalogue.flowById.get('market-penalty')!.value;
    const layout = layoutFlow(describeFlow(flowInput(lists.catalogue, flow, 'zh-CN')));
    const meta = (id: string) => layout.nodes.find((node) => node.node.id === id)!.meta!.lines.map((line) => line.text);
    expect(meta('register')).toEqual(['15天']);
    expect(meta('hearing')).toEqual(['15天', '【特别程序】', '不计入办结时限']);
    expect(meta('notify')).toEqual(['3天']);
    const en = layoutFlow(describeFlow(flowInput(lists.catalogue, lists.catalogue.flowById.get('construction-permit')!.value, 'en')));
    expect(en.nodes.find((node) => node.node.id === 'accept')!.meta!.lines.map((line) => line.text)).toEqual(['1 working day']);
    expect(en.nodes.find((node) => node.node.id === 'intake')!.meta!.lines.map((line) => line.text)).toEqual(['immediate']);
  });

  it('prints the promised and statutory limits in the title block', () => {
    const flow = lists.catalogue.flowById.get('construction-permit')!.value;
    const layout = layoutFlow(describeFlow(flowInput(lists.catalogue, flow, 'zh-CN')));
    const info = layout.title.info!.lines.map((line) => line.text).join('\n');
    expect(info).toMatch(/承诺办结时限：\d+个工作日/);
    expect(info).toMatch(/法定办结时限：\d+个工作日/);
  });
});

describe('layout of stress flows', () => {
  for (const [name, flow] of Object.entries(STRESS)) {
    it(`${name}: geometry facts hold`, () => {
      const layout = layoutFlow(describeFlow(input(flow)));
      expect(geometryProblems(layout)).toEqual([]);
    });
  }

  it('wraps long names onto several lines instead of widening the shapes without end', () => {
    const layout = layoutFlow(describeFlow(input(STRESS['long-names']!)));
    for (const node of layout.nodes) {
      if (node.node.kind === 'task') expect(node.width).toBeLessThan(260);
    }
    expect(layout.nodes.find((node) => node.node.id === 'review')!.text.lines.length).toBeGreaterThan(3);
  });

  it('gives every one of eight departments its own lane', () => {
    const layout = layoutFlow(describeFlow(input(STRESS['eight-lanes']!)));
    expect(layout.lanes).toHaveLength(8);
  });

  it('draws all four branches of a decision with their conditions', () => {
    const layout = layoutFlow(describeFlow(input(STRESS['four-branches']!)));
    const route = layout.nodes.find((node) => node.node.id === 'route')!.node.index;
    const branches = layout.edges.filter((edge) => edge.link.from === route);
    expect(branches.map((edge) => edge.label?.text.lines.map((line) => line.text).join(''))).toEqual(['新办', '变更经营场所、主要设备设施、经营布局的', '延续', '注销（直接办结）']);
  });

  it('turns a bus before an arrow from another decision comes into the row it leaves by', () => {
    const layout = layoutFlow(describeFlow(input(STRESS['crossing-branches']!)));
    const route = (from: string, to: string) => layout.edges.find((edge) => layout.nodes[edge.link.from]!.node.id === from && layout.nodes[edge.link.to]!.node.id === to)!.points;
    // 业务审查's bus (down to 退件) is left of where 窗口审查's arrow comes down to 作出决定's row.
    expect(route('review-check', 'refuse')[1]!.x).toBeLessThan(route('window-check', 'decide')[1]!.x);
    expect(sharedSegments(layout)).toEqual([]);
  });

  it('sends a loop out by the bus of a step that another loop comes up into from below', () => {
    const layout = layoutFlow(describeFlow(input(STRESS['nested-loops']!)));
    const complete = layout.nodes.find((node) => node.node.id === 'complete')!;
    const edge = (from: string, to: string) => layout.edges.find((e) => layout.nodes[e.link.from]!.node.id === from && layout.nodes[e.link.to]!.node.id === to)!;
    expect(edge('final', 'complete').points.at(-1)).toEqual({ x: complete.cx, y: complete.y + complete.height });
    expect(edge('complete', 'intake').points[0]).toEqual({ x: complete.x + complete.width, y: complete.cy });
  });

  it('no two arrows that neither leave nor enter one step share a line, on 450 random flows in both languages', () => {
    const failures: string[] = [];
    for (const locale of ['zh-CN', 'en'] as const) {
      for (let seed = 1; seed <= 450; seed++) {
        for (const problem of sharedSegments(layoutFlow(describeFlow(input(randomFlow(seed), locale))))) failures.push(`seed ${seed} (${locale}): ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('holds on 300 random flows (1–6 lanes, 6–25 steps, loops and skips)', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const problems = geometryProblems(layoutFlow(describeFlow(input(randomFlow(seed)))));
      if (problems.length) failures.push(`seed ${seed}: ${problems.slice(0, 3).join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('the shared-line check', () => {
  // A hand-made layout: four steps a, b, c, d and arrows given by their points.
  const layoutWith = (edges: Array<[number, number, Array<[number, number]>]>): FlowLayout =>
    ({
      nodes: ['a', 'b', 'c', 'd'].map((id) => ({ node: { id } })),
      edges: edges.map(([from, to, points]) => ({ link: { from, to, back: false }, points: points.map(([x, y]) => ({ x, y })), label: undefined })),
    }) as unknown as FlowLayout;

  it('names both arrows and where they run together', () => {
    const layout = layoutWith([
      [0, 1, [[0, 0], [50, 0], [50, 40], [100, 40]]],
      [2, 3, [[40, 40], [80, 40], [80, 90]]],
    ]);
    expect(sharedSegments(layout)).toEqual(['a→b and c→d share a line at y=40, x 50–80']);
  });

  it('lets arrows out of one step or into one step merge, and arrows cross or touch', () => {
    const layout = layoutWith([
      [0, 1, [[0, 0], [100, 0]]],
      [0, 2, [[0, 0], [50, 0], [50, 60]]],
      [3, 1, [[60, 0], [100, 0]]],
      [3, 2, [[20, -20], [20, 20]]],
      [2, 3, [[100, 0], [120, 0]]],
    ]);
    expect(sharedSegments(layout)).toEqual([]);
  });
});
