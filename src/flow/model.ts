// What a flowchart says, before any geometry: lanes in catalogue order, steps with their printed texts, links, limits.
import type { Catalogue } from '../catalogue/model.js';
import { flowPowerCodes } from '../catalogue/walk.js';
import type { Locale } from '../findings.js';
import type { Department, Flow, Power, Step, TimeUnit } from '../schema/definitions.js';
import { backEdges, buildGraph, indexesOfType, longestPath } from './graph.js';
import { countedDuration, toHundredths } from './time.js';
import { FLOW_WORDS, formatDuration, parenthesised } from './labels.js';
import { mapped, mappedToKeep } from './arrays.js';

export type NodeKind = Step['type'];

export interface FlowLane {
  /** Department id; '' for the lane of steps that have none and no neighbour to borrow one from. */
  id: string;
  name: string;
}

export interface FlowNode {
  index: number;
  id: string;
  kind: NodeKind;
  name: string;
  lane: number;
  /** "1个工作日", "即办"; undefined when the step gives no duration. */
  duration?: string;
  /** false: 不计入办结时限. */
  counted: boolean;
  /** The step is one of the item's special procedures (听证, 专家评审…). */
  special: boolean;
  role?: string;
  outputs: string[];
}

export interface FlowLink {
  from: number;
  to: number;
  label?: string;
  /** Closes a loop (e.g. 补正 back to 收件); drawn as a return. */
  back: boolean;
}

export interface FlowLimit {
  code: string;
  name: string;
  promised: string;
  statutory: string;
  specialProcedures: string[];
}

export interface FlowModel {
  id: string;
  name: string;
  locale: Locale;
  lanes: FlowLane[];
  nodes: FlowNode[];
  links: FlowLink[];
  start: number | undefined;
  /** One entry per item the flow serves, in the order the flow names them. */
  limits: FlowLimit[];
  /** The longest start-to-end path, counted steps only, in the first item's unit ("5个工作日"). */
  longest?: string;
}

export interface FlowInput {
  flow: Flow;
  /** The departments of the catalogue (at least those the steps name), in catalogue order: lanes follow it. */
  departments: ReadonlyArray<Pick<Department, 'id' | 'name'>>;
  /** The items the flow serves (resolved `power` / `powers`). */
  powers: readonly Power[];
  locale: Locale;
}

export function flowInput(catalogue: Catalogue, flow: Flow, locale: Locale): FlowInput {
  return flowInputFrom(flow, locale, (code) => catalogue.powerByCode.get(code)?.value, catalogue.sections.departments.map((entry) => entry.value));
}

/** The same, with the flow's items looked up by `powerOf` (the site records what each model reads). */
export function flowInputFrom(flow: Flow, locale: Locale, powerOf: (code: string) => Power | undefined, departments: FlowInput['departments']): FlowInput {
  const powers: Power[] = [];
  for (const code of flowPowerCodes(flow)) {
    const power = powerOf(code);
    if (power) powers.push(power);
  }
  return { flow, departments, powers, locale };
}

/** The departments a flow's steps name, each once, in the order they first appear. */
export function flowDepartmentIds(flow: Flow): string[] {
  return [...new Set(flow.steps.flatMap((step) => (step.department === undefined ? [] : [step.department])))];
}

/**
 * Steps without a department (start, end, sometimes a decision) sit in the lane of a neighbour: the start with the
 * step it leads to, anything else with the step it comes from, else the one it leads to.
 */
function laneDepartments(flow: Flow, successors: number[][]): Array<string | undefined> {
  const steps = flow.steps;
  const predecessors: number[][] = steps.map(() => []);
  successors.forEach((list, from) => list.forEach((to) => predecessors[to]!.push(from)));
  const own = steps.map((step) => step.department);
  const result = [...own];
  const search = (start: number, neighbours: number[][]): string | undefined => {
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const neighbour of neighbours[node]!) {
          if (seen.has(neighbour)) continue;
          if (own[neighbour]) return own[neighbour];
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
      frontier = next;
    }
    return undefined;
  };
  steps.forEach((step, i) => {
    if (own[i]) return;
    result[i] = step.type === 'start' ? (search(i, successors) ?? search(i, predecessors)) : (search(i, predecessors) ?? search(i, successors));
  });
  return result;
}

export function describeFlow(input: FlowInput): FlowModel {
  const { flow, powers, locale } = input;
  const words = FLOW_WORDS[locale];
  const graph = buildGraph(flow);
  const starts = indexesOfType(graph, 'start');
  const start = starts[0];
  const unit: TimeUnit = powers[0]?.time_limit.unit ?? 'working-days';

  const departments = laneDepartments(flow, graph.successors);
  const catalogueOrder = new Map(input.departments.map((department, i) => [department.id, i]));
  const used = [...new Set(departments.map((id) => id ?? ''))];
  used.sort((a, b) => (catalogueOrder.get(a) ?? Infinity) - (catalogueOrder.get(b) ?? Infinity) || used.indexOf(a) - used.indexOf(b));
  const names = new Map(input.departments.map((department) => [department.id, department.name]));
  const lanes: FlowLane[] = mappedToKeep(used, (id) => ({ id, name: id ? (names.get(id) ?? id) : words.unassignedLane }));
  const laneIndex = new Map(lanes.map((lane, i) => [lane.id, i]));

  const procedures = powers.flatMap((power) => power.special_procedures ?? []);
  // The lists are packed arrays kept with the model (arrays.ts): the drawing code reads them thousands of times.
  const nodes: FlowNode[] = mappedToKeep(flow.steps, (step, index) => {
    const node: FlowNode = {
      index,
      id: step.id,
      kind: step.type,
      name: step.name,
      lane: laneIndex.get(departments[index] ?? '')!,
      counted: step.counted !== false,
      // A step stands for one of the item's special procedures when it carries its name and is counted the same way
      // (组织听证 for 听证, not 告知听证权利, which is counted).
      special: step.type === 'task' && procedures.some((procedure) => step.name.includes(procedure.name) && procedure.counted === (step.counted !== false)),
      outputs: step.outputs ?? [],
      // Always present (undefined when absent; JSON leaves them out): one object shape for every step keeps the
      // layout code that reads thousands of them from being recompiled for each new combination.
      duration: step.duration !== undefined ? formatDuration(locale, step.duration, step.unit ?? unit) : undefined,
      role: step.role,
    };
    return node;
  });

  const back = start !== undefined ? backEdges(graph, start) : new Set();
  const links: FlowLink[] = mappedToKeep(graph.edges, (edge) => ({
    from: edge.from,
    to: edge.to,
    label: edge.label || undefined,
    back: back.has(edge) || edge.from === edge.to,
  }));

  const limits: FlowLimit[] = mappedToKeep(powers, (power) => ({
    code: power.code,
    name: power.name,
    promised: formatDuration(locale, power.time_limit.promised, power.time_limit.unit),
    statutory: formatDuration(locale, power.time_limit.statutory, power.time_limit.unit),
    specialProcedures: mappedToKeep(
      power.special_procedures ?? [],
      (procedure) =>
        `${procedure.name} ${formatDuration(locale, procedure.duration, procedure.unit)}${parenthesised(locale, procedure.counted ? words.counted : words.notCounted)}`,
    ),
  }));

  // `longest` always present, if only as undefined: one object shape for every model (see arrays.ts).
  const model: FlowModel = { id: flow.id, name: flow.name, locale, lanes, nodes, links, start, limits, longest: undefined };
  if (start !== undefined && powers.length) {
    const path = longestPath(graph, start, (step) => countedDuration(step, unit));
    if (path.path.length) model.longest = formatDuration(locale, toHundredths(path.total), unit);
  }
  return model;
}

/**
 * A model that went through JSON (to the drawing worker) as `describeFlow` makes it: JSON leaves out the fields that
 * are undefined, so the parsed steps, links and models came in several object shapes, and the worker's drawing code
 * was optimised again for each (see arrays.ts).
 */
export function modelFromJson(parsed: FlowModel): FlowModel {
  const lanes = mapped(parsed.lanes, (lane): FlowLane => ({ id: lane.id, name: lane.name }));
  const nodes = mapped(
    parsed.nodes,
    (node): FlowNode => ({
      index: node.index,
      id: node.id,
      kind: node.kind,
      name: node.name,
      lane: node.lane,
      counted: node.counted,
      special: node.special,
      outputs: node.outputs,
      duration: node.duration,
      role: node.role,
    }),
  );
  const links = mapped(parsed.links, (link): FlowLink => ({ from: link.from, to: link.to, label: link.label, back: link.back }));
  const limits = mapped(
    parsed.limits,
    (limit): FlowLimit => ({ code: limit.code, name: limit.name, promised: limit.promised, statutory: limit.statutory, specialProcedures: limit.specialProcedures }),
  );
  const { id, name, locale, start, longest } = parsed;
  return { id, name, locale, lanes, nodes, links, start, limits, longest };
}

/** The title block's facts: per group of items with the same limits, the items and the limits; the longest path last. */
export function limitLines(model: FlowModel): Array<{ items: string; limits: string }> {
  const words = FLOW_WORDS[model.locale];
  const gap = model.locale === 'zh-CN' ? '　' : '  ·  ';
  const groups = new Map<string, string[]>();
  for (const limit of model.limits) {
    let limits = `${words.promised}${words.colon}${limit.promised}${gap}${words.statutory}${words.colon}${limit.statutory}`;
    if (limit.specialProcedures.length) limits += `${gap}${words.specialProcedures}${words.colon}${limit.specialProcedures.join(words.listSeparator)}`;
    const names = groups.get(limits) ?? [];
    names.push(`${limit.name}${parenthesised(model.locale, limit.code)}`);
    groups.set(limits, names);
  }
  const lines: Array<{ items: string; limits: string }> = [];
  for (const [limits, names] of groups) lines.push({ items: `${words.item}${words.colon}${names.join(words.listSeparator)}`, limits });
  if (model.longest !== undefined) {
    const longest = `${words.longest}${words.colon}${model.longest}`;
    if (lines.length) lines[lines.length - 1]!.limits += `${gap}${longest}`;
    else lines.push({ items: '', limits: longest });
  }
  return lines;
}
