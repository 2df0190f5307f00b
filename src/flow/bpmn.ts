// BPMN 2.0 XML with full diagram interchange (opens laid out in bpmn.io and Camunda Modeler), built with bpmn-moddle.
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import type { Box, FlowLayout, PlacedNode, Point } from './layout.js';
import { FLOW_WORDS, parenthesised } from './labels.js';
import { limitLines } from './model.js';

/** bpmn-js draws a pool's and a lane's name in a band this wide on their left. */
const POOL_LABEL_BAND = 30;
const EVENT_SIZE = 36;

const TYPES = { start: 'bpmn:StartEvent', end: 'bpmn:EndEvent', task: 'bpmn:Task', decision: 'bpmn:ExclusiveGateway' } as const;

// Step and flow ids are slugs ([a-z0-9][a-z0-9_-]*); a prefix makes them XML names (no leading digit).
const stepId = (id: string) => `Step_${id}`;

interface EventShape {
  bounds: Box;
  label: Box;
  centre: Point;
}

/**
 * An event is a circle: the start's sits at the right end of the laid-out terminator (its arrow leaves from there),
 * the end's at the left end (its arrow arrives there); the name is the label beside it.
 */
function eventShape(node: PlacedNode): EventShape {
  const radius = EVENT_SIZE / 2;
  const cx = node.node.kind === 'start' ? node.x + node.width - radius : node.x + radius;
  const bounds = { x: cx - radius, y: node.cy - radius, width: EVENT_SIZE, height: EVENT_SIZE };
  const label = node.node.kind === 'start' ? { x: node.x, y: node.y, width: node.width - EVENT_SIZE - 4, height: node.height } : { x: node.x + EVENT_SIZE + 4, y: node.y, width: node.width - EVENT_SIZE - 4, height: node.height };
  return { bounds, label, centre: { x: cx, y: node.cy } };
}

/** Moves an end of an arrow onto the event's circle when the layout ended it on the terminator's outline. */
function onCircle(point: Point, towards: Point, event: EventShape): Point {
  const radius = EVENT_SIZE / 2;
  const dx = point.x - event.centre.x;
  const dy = point.y - event.centre.y;
  if (Math.abs(Math.hypot(dx, dy) - radius) < 0.5) return point;
  const ux = towards.x - event.centre.x;
  const uy = towards.y - event.centre.y;
  const length = Math.hypot(ux, uy) || 1;
  return { x: event.centre.x + (ux / length) * radius, y: event.centre.y + (uy / length) * radius };
}

const round = (value: number) => Math.round(value * 100) / 100;

export async function renderBpmn(layout: FlowLayout): Promise<string> {
  const { model } = layout;
  const words = FLOW_WORDS[model.locale];
  const moddle = new BpmnModdle();
  const bounds = (box: Box) => moddle.create('dc:Bounds', { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) });
  const documentation = (text: string) => [moddle.create('bpmn:Documentation', { text })];

  const flowNodes = model.nodes.map((node) => {
    const lines = [`${words.department}${words.colon}${model.lanes[node.lane]!.name}`];
    if (node.role) lines.push(`${words.role}${words.colon}${node.role}`);
    if (node.duration !== undefined) lines.push(node.duration + (node.counted ? '' : parenthesised(model.locale, words.notCounted)));
    else if (!node.counted) lines.push(words.notCounted);
    if (node.special) lines.push(words.special);
    if (node.outputs.length) lines.push(`${words.outputs}${words.colon}${node.outputs.join(words.listSeparator)}`);
    return moddle.create(TYPES[node.kind], { id: stepId(node.id), name: node.name, documentation: documentation(lines.join('\n')), incoming: [], outgoing: [] });
  });
  const sequenceFlows = model.links.map((link, index) => {
    const source = flowNodes[link.from]!;
    const target = flowNodes[link.to]!;
    const flow = moddle.create('bpmn:SequenceFlow', { id: `Flow_${index + 1}`, sourceRef: source, targetRef: target, ...(link.label ? { name: link.label } : {}) });
    (source.get('outgoing') as ModdleElement[]).push(flow);
    (target.get('incoming') as ModdleElement[]).push(flow);
    return flow;
  });
  const lanes = model.lanes.map((lane, index) =>
    moddle.create('bpmn:Lane', { id: `Lane_${index + 1}`, name: lane.name, flowNodeRef: flowNodes.filter((_, i) => model.nodes[i]!.lane === index) }),
  );
  const limits = limitLines(model).flatMap((line) => [line.items, line.limits].filter(Boolean));
  const process = moddle.create('bpmn:Process', {
    id: `Process_${model.id}`,
    name: model.name,
    isExecutable: false,
    ...(limits.length ? { documentation: documentation(limits.join('\n')) } : {}),
    laneSets: [moddle.create('bpmn:LaneSet', { id: 'LaneSet_1', lanes })],
    flowElements: [...flowNodes, ...sequenceFlows],
  });
  const participant = moddle.create('bpmn:Participant', { id: 'Participant_1', name: model.name, processRef: process });
  const collaboration = moddle.create('bpmn:Collaboration', { id: 'Collaboration_1', participants: [participant] });

  // Diagram interchange: the pool and lanes as laid out, each step's shape, each arrow's waypoints and label.
  const pool = layout.lanesBox;
  const shapes: ModdleElement[] = [moddle.create('bpmndi:BPMNShape', { id: 'Participant_1_di', bpmnElement: participant, isHorizontal: true, bounds: bounds(pool) })];
  layout.lanes.forEach((lane, index) => {
    const box = { x: pool.x + POOL_LABEL_BAND, y: lane.y, width: pool.width - POOL_LABEL_BAND, height: lane.height };
    shapes.push(moddle.create('bpmndi:BPMNShape', { id: `Lane_${index + 1}_di`, bpmnElement: lanes[index], isHorizontal: true, bounds: bounds(box) }));
  });
  const events = new Map<number, EventShape>();
  layout.nodes.forEach((placed, index) => {
    const element = flowNodes[index]!;
    const id = `${element.id}_di`;
    if (placed.node.kind === 'start' || placed.node.kind === 'end') {
      const event = eventShape(placed);
      events.set(index, event);
      shapes.push(moddle.create('bpmndi:BPMNShape', { id, bpmnElement: element, bounds: bounds(event.bounds), label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(event.label) }) }));
    } else if (placed.node.kind === 'decision') {
      // The condition's text sits inside the diamond, as in the SVG.
      shapes.push(moddle.create('bpmndi:BPMNShape', { id, bpmnElement: element, isMarkerVisible: false, bounds: bounds(placed), label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(placed.text.box) }) }));
    } else {
      shapes.push(moddle.create('bpmndi:BPMNShape', { id, bpmnElement: element, bounds: bounds(placed) }));
    }
  });
  layout.edges.forEach((edge, index) => {
    const points = [...edge.points];
    const fromEvent = events.get(edge.link.from);
    const toEvent = events.get(edge.link.to);
    if (fromEvent) points[0] = onCircle(points[0]!, points[1]!, fromEvent);
    if (toEvent) points[points.length - 1] = onCircle(points.at(-1)!, points.at(-2)!, toEvent);
    const flow = sequenceFlows[index]!;
    shapes.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: `${flow.id}_di`,
        bpmnElement: flow,
        waypoint: points.map((point) => moddle.create('dc:Point', { x: round(point.x), y: round(point.y) })),
        // bpmn-js draws a condition without a ground, so it goes just above its line rather than across it.
        ...(edge.label ? { label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds({ ...edge.label.box, y: edge.label.box.y - edge.label.box.height / 2 - 2 }) }) } : {}),
      }),
    );
  });
  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_1', bpmnElement: collaboration, planeElement: shapes });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_1', name: model.name, plane });
  const definitions = moddle.create('bpmn:Definitions', {
    id: `Definitions_${model.id}`,
    targetNamespace: `urn:qingdan:flow:${model.id}`,
    exporter: 'qingdan',
    rootElements: [collaboration, process],
    diagrams: [diagram],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return `${xml}\n`;
}
