import { beforeAll, describe, expect, it } from 'vitest';
import { instance, type Viz } from '@viz-js/viz';
import { dotFromModel, dotString } from '../../src/flow/dot.js';
import { describeFlow } from '../../src/flow/model.js';
import { flowIdsOfLists, listsLayout } from './fixtures.js';
import { input, STRESS } from './synthetic.js';

// Graphviz itself (compiled to WebAssembly) reads every chart: a syntax error is a failure, not a string match.
let viz: Viz;
beforeAll(async () => {
  viz = await instance();
});

const dotOf = (id: string) => dotFromModel(listsLayout(id).model);

function graphviz(source: string) {
  const result = viz.render(source, { format: 'json' });
  const errors = result.errors.filter((error) => error.level === 'error');
  return { status: result.status, errors, graph: result.status === 'success' ? JSON.parse(result.output) : undefined };
}

describe('Graphviz DOT flowcharts', () => {
  for (const id of flowIdsOfLists) {
    it(`${id}: Graphviz lays it out, with a cluster per lane and every step and arrow`, () => {
      const { model } = listsLayout(id);
      const { status, errors, graph } = graphviz(dotFromModel(model));
      expect(errors).toEqual([]);
      expect(status).toBe('success');
      const clusters = graph.objects.filter((object: { name: string }) => object.name.startsWith('cluster_'));
      expect(clusters.map((cluster: { label: string }) => cluster.label)).toEqual(model.lanes.map((lane) => lane.name));
      expect(graph.objects.length - clusters.length).toBe(model.nodes.length);
      expect(graph.edges).toHaveLength(model.links.length);
    });
  }

  it('draws ISO shapes: rounded boxes, boxes, diamonds; dashed loops and steps not counted', () => {
    const text = dotOf('market-penalty');
    expect(text).toMatch(/"start" \[label="[^"]+", shape=box, style=rounded\]/);
    expect(text).toMatch(/"punishable" \[label="[^"]+", shape=diamond\]/);
    expect(text).toMatch(/"hearing" \[label="[^"]*不计入办结时限", shape=box, style=dashed\]/);
    expect(dotOf('construction-permit')).toContain('"supplement" -> "intake" [style=dashed, constraint=false];');
  });

  it('keeps quotes and backslashes in names literal', () => {
    expect(dotString('a"b\\nc')).toBe('"a\\"b\\\\nc"');
    const flow = structuredClone(STRESS['one-step']!);
    flow.steps[1]!.name = 'x" -> "y"; \\N <b>';
    const { status, graph } = graphviz(dotFromModel(describeFlow(input(flow))));
    expect(status).toBe('success');
    const label: string = graph.objects.find((object: { name: string }) => object.name === 'do').label;
    // One node, whose label keeps the quotes and the backslash (not expanded to the node's name by \N).
    expect(graph.objects.filter((object: { name: string }) => !object.name.startsWith('cluster_'))).toHaveLength(3);
    expect(label).toContain('x" -> "y";');
    expect(label).toContain('\\\\N');
    expect(label).not.toMatch(/\bdo\b/);
  });

  it('shows & and text that looks like an HTML entity as written (Graphviz reads entities in labels)', () => {
    const flow = structuredClone(STRESS['one-step']!);
    flow.name = '流程 &copy; R&D';
    flow.steps[1]!.name = '审批 &amp; &lt;b&gt; A&B';
    const source = dotFromModel(describeFlow(input(flow)));
    const svg = viz.render(source, { format: 'svg' }).output ?? '';
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join('\n');
    expect(texts).toContain('&amp;');
    expect(texts).toContain('&lt;b&gt;');
    expect(texts).toContain('A&B');
    expect(texts).toContain('流程 &copy; R&D');
    expect(texts).not.toContain('©');
  });

  it('holds up on every stress flow', () => {
    for (const flow of Object.values(STRESS)) expect(graphviz(dotFromModel(describeFlow(input(flow)))).status).toBe('success');
  });

  it('is identical for identical input', () => {
    for (const id of flowIdsOfLists) expect(dotOf(id)).toBe(dotOf(id));
  });
});
