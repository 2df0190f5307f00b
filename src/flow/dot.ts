// Graphviz DOT, for people who lay out with Graphviz themselves: one cluster per lane, ISO shapes, dashed returns.
import type { FlowLayout } from './layout.js';
import { FLOW_WORDS } from './labels.js';
import { wrapBalanced } from './measure.js';
import { limitLines, type FlowModel, type FlowNode } from './model.js';
import { FONT_STACK } from './svg.js';

/** A DOT double-quoted string; backslashes are doubled so `\l`, `\N` in catalogue text stay literal. */
export function dotString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A label's text inside DOT quotes. Graphviz reads HTML entities in labels (`&amp;` shows as &, `&copy;` as ©), so
 * `&` is written as `&amp;` to show catalogue text as written.
 */
function dotLabelText(text: string): string {
  return dotString(text.replace(/&/g, '&amp;')).slice(1, -1);
}

/** Label lines joined with DOT's centred line break. */
function dotLines(lines: readonly string[]): string {
  return lines.map(dotLabelText).join('\\n');
}

function wrapped(text: string, em: number): string[] {
  // A copy: the lines are cached and shared, and a node's lines get its time added below.
  return [...wrapBalanced(text, em).lines];
}

function nodeAttributes(model: FlowModel, node: FlowNode): string {
  const words = FLOW_WORDS[model.locale];
  const lines = wrapped(node.name, node.kind === 'decision' ? 8 : 7);
  if (node.kind === 'task') {
    if (node.duration !== undefined) lines.push(node.duration);
    if (node.special) lines.push(words.special);
    if (!node.counted) lines.push(words.notCounted);
  }
  const attributes = [`label="${dotLines(lines)}"`];
  if (node.kind === 'decision') attributes.push('shape=diamond');
  else if (node.kind === 'task') attributes.push('shape=box', ...(node.counted ? [] : ['style=dashed']));
  else attributes.push('shape=box', 'style=rounded');
  return attributes.join(', ');
}

export function dotFromModel(model: FlowModel): string {
  const font = dotString(FONT_STACK.split(',')[0]!.trim().replace(/'/g, ''));
  const title = [model.name, ...limitLines(model).flatMap((line) => [line.items, line.limits].filter(Boolean))];
  const out: string[] = [];
  out.push(`digraph ${dotString(model.id)} {`);
  out.push(`  graph [rankdir=LR, newrank=true, labelloc=t, labeljust=l, fontname=${font}, fontsize=16, nodesep=0.35, ranksep=0.45, label="${title.map(dotLabelText).join('\\l')}\\l"];`);
  out.push(`  node [fontname=${font}, fontsize=12, margin="0.12,0.06"];`);
  out.push(`  edge [fontname=${font}, fontsize=10];`);
  model.lanes.forEach((lane, i) => {
    out.push(`  subgraph cluster_lane${i} {`);
    out.push(`    label="${dotLabelText(lane.name)}"; labeljust=l; style=filled; fillcolor="#f4f4f4"; color="#000000";`);
    for (const node of model.nodes) if (node.lane === i) out.push(`    ${dotString(node.id)} [${nodeAttributes(model, node)}];`);
    out.push('  }');
  });
  for (const link of model.links) {
    const attributes: string[] = [];
    if (link.label) attributes.push(`label="${dotLines(wrapped(link.label, 8))}"`);
    if (link.back) attributes.push('style=dashed', 'constraint=false');
    const from = dotString(model.nodes[link.from]!.id);
    const to = dotString(model.nodes[link.to]!.id);
    out.push(`  ${from} -> ${to}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

export function renderDot(layout: FlowLayout): string {
  return dotFromModel(layout.model);
}
