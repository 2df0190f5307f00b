import { describe, expect, it } from 'vitest';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { renderBpmn } from '../../src/flow/bpmn.js';
import { describeFlow } from '../../src/flow/model.js';
import { layoutFlow } from '../../src/flow/layout.js';
import { flowIdsOfLists, listsLayout } from './fixtures.js';
import { input, STRESS } from './synthetic.js';

type Element = ModdleElement & Record<string, any>;

async function readBack(xml: string) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement as Element, warnings };
}

function facts(definitions: Element) {
  const collaboration = definitions.rootElements.find((e: Element) => e.$type === 'bpmn:Collaboration');
  const process = definitions.rootElements.find((e: Element) => e.$type === 'bpmn:Process');
  const plane = definitions.diagrams[0].plane;
  const shapes = plane.planeElement.filter((e: Element) => e.$type === 'bpmndi:BPMNShape');
  const edges = plane.planeElement.filter((e: Element) => e.$type === 'bpmndi:BPMNEdge');
  const flowNodes = process.flowElements.filter((e: Element) => e.$type !== 'bpmn:SequenceFlow');
  const sequenceFlows = process.flowElements.filter((e: Element) => e.$type === 'bpmn:SequenceFlow');
  const lanes = process.laneSets[0].lanes;
  return { collaboration, process, plane, shapes, edges, flowNodes, sequenceFlows, lanes };
}

const inside = (point: { x: number; y: number }, bounds: { x: number; y: number; width: number; height: number }) =>
  point.x >= bounds.x - 0.5 && point.x <= bounds.x + bounds.width + 0.5 && point.y >= bounds.y - 0.5 && point.y <= bounds.y + bounds.height + 0.5;

describe('BPMN 2.0 flowcharts', () => {
  for (const id of flowIdsOfLists) {
    it(`${id}: bpmn-moddle reads it back without warnings; every node has a shape, every flow an edge, every lane its nodes`, async () => {
      const layout = listsLayout(id);
      const xml = await renderBpmn(layout);
      const { definitions, warnings } = await readBack(xml);
      expect(warnings).toEqual([]);
      const { collaboration, process, plane, shapes, edges, flowNodes, sequenceFlows, lanes } = facts(definitions);
      expect(plane.bpmnElement).toBe(collaboration);
      expect(collaboration.participants).toHaveLength(1);
      expect(collaboration.participants[0].processRef).toBe(process);

      expect(flowNodes).toHaveLength(layout.model.nodes.length);
      const shapeOf = new Map<Element, Element>(shapes.map((shape: Element) => [shape.bpmnElement, shape]));
      for (const node of flowNodes) expect(shapeOf.has(node), node.id).toBe(true);
      for (const lane of lanes) expect(shapeOf.get(lane)?.isHorizontal).toBe(true);
      expect(shapeOf.get(collaboration.participants[0])?.isHorizontal).toBe(true);

      const edgeOf = new Map<Element, Element>(edges.map((edge: Element) => [edge.bpmnElement, edge]));
      expect(sequenceFlows).toHaveLength(layout.model.links.length);
      for (const flow of sequenceFlows) {
        const edge = edgeOf.get(flow)!;
        expect(edge, flow.id).toBeDefined();
        expect(edge.waypoint.length).toBeGreaterThanOrEqual(2);
        // The arrow starts on its source's shape and ends on its target's.
        expect(inside(edge.waypoint[0], shapeOf.get(flow.sourceRef)!.bounds), `${flow.id} start`).toBe(true);
        expect(inside(edge.waypoint.at(-1), shapeOf.get(flow.targetRef)!.bounds), `${flow.id} end`).toBe(true);
      }

      // Lanes hold exactly the steps of their department, and each step sits inside its lane's shape.
      expect(lanes.map((lane: Element) => lane.name)).toEqual(layout.model.lanes.map((lane) => lane.name));
      expect(lanes.flatMap((lane: Element) => lane.flowNodeRef).length).toBe(flowNodes.length);
      for (const lane of lanes) {
        for (const node of lane.flowNodeRef) {
          const bounds = shapeOf.get(node)!.bounds;
          expect(inside({ x: bounds.x, y: bounds.y }, shapeOf.get(lane)!.bounds) && inside({ x: bounds.x + bounds.width, y: bounds.y + bounds.height }, shapeOf.get(lane)!.bounds), node.id).toBe(true);
        }
      }
    });
  }

  it('uses BPMN types for the ISO shapes and keeps conditions as flow names', async () => {
    const { definitions } = await readBack(await renderBpmn(listsLayout('construction-permit')));
    const { flowNodes, sequenceFlows } = facts(definitions);
    const typeOf = (id: string) => flowNodes.find((node: Element) => node.id === `Step_${id}`)!.$type;
    expect(typeOf('start')).toBe('bpmn:StartEvent');
    expect(typeOf('intake')).toBe('bpmn:Task');
    expect(typeOf('complete')).toBe('bpmn:ExclusiveGateway');
    expect(typeOf('end-granted')).toBe('bpmn:EndEvent');
    expect(sequenceFlows.map((flow: Element) => flow.name).filter(Boolean)).toContain('材料不齐全或者不符合法定形式');
    const accept = flowNodes.find((node: Element) => node.id === 'Step_accept')!;
    expect(accept.documentation[0].text).toContain('1个工作日');
  });

  it('is identical for identical input, and escapes catalogue text', async () => {
    const layout = listsLayout('market-penalty');
    expect(await renderBpmn(layout)).toBe(await renderBpmn(layout));
    const flow = structuredClone(STRESS['one-step']!);
    flow.steps[1]!.name = '<script>alert("x")</script> & ]]>';
    const xml = await renderBpmn(layoutFlow(describeFlow(input(flow))));
    expect(xml).not.toContain('<script');
    const { definitions, warnings } = await readBack(xml);
    expect(warnings).toEqual([]);
    expect(facts(definitions).flowNodes.find((node: Element) => node.id === 'Step_do').name).toBe('<script>alert("x")</script> & ]]>');
  });

  for (const [name, flow] of Object.entries(STRESS)) {
    it(`stress flow ${name} reads back without warnings`, async () => {
      const { warnings, definitions } = await readBack(await renderBpmn(layoutFlow(describeFlow(input(flow)))));
      expect(warnings).toEqual([]);
      expect(facts(definitions).edges.length).toBe(facts(definitions).sequenceFlows.length);
    });
  }
});
