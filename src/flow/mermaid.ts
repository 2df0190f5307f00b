// Mermaid flowchart (renders on GitHub and in most Markdown tools): one subgraph per lane, ISO shapes, dotted returns.
import type { FlowLayout } from './layout.js';
import { FLOW_WORDS } from './labels.js';
import { limitLines, type FlowModel, type FlowNode } from './model.js';

// Mermaid reads `#…;` as a character code; everything that could end a label or start markup is written that way.
const CODES: Record<string, string> = { '"': '#34;', '#': '#35;', '&': '#38;', '<': '#60;', '>': '#62;', '`': '#96;', '|': '#124;' };

export function mermaidText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/["#&<>`|]/g, (char) => CODES[char]!);
}

/**
 * The title is front matter (YAML) that Mermaid shows as text without reading `#…;` codes (they would show as
 * `#60;`), after an HTML sanitiser that shows `<甲>` as `&lt;甲&gt;` and drops `<y…` as a tag. So the name goes in
 * as written, as a double-quoted YAML string (JSON's escapes are YAML's), with < > as the full-width ＜ ＞ that
 * Chinese text uses, and control characters as spaces.
 */
export function mermaidTitle(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/</g, '＜').replace(/>/g, '＞');
}

/** Node ids: the step's position keeps them unique, the step id keeps them readable (`s3_accept`). */
export function mermaidId(node: Pick<FlowNode, 'index' | 'id'>): string {
  return `s${node.index}_${node.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function nodeLabel(model: FlowModel, node: FlowNode): string {
  const words = FLOW_WORDS[model.locale];
  const parts = [mermaidText(node.name)];
  if (node.kind === 'task') {
    if (node.duration !== undefined) parts.push(mermaidText(node.duration));
    if (node.special) parts.push(mermaidText(words.special));
    if (!node.counted) parts.push(mermaidText(words.notCounted));
  }
  return `"${parts.join('<br>')}"`;
}

function nodeShape(model: FlowModel, node: FlowNode): string {
  const label = nodeLabel(model, node);
  if (node.kind === 'decision') return `${mermaidId(node)}{${label}}`;
  if (node.kind === 'task') return `${mermaidId(node)}[${label}]`;
  return `${mermaidId(node)}([${label}])`;
}

export function mermaidFromModel(model: FlowModel): string {
  const out: string[] = [];
  const title = [model.name, ...limitLines(model).map((line) => line.limits)].join(' — ');
  out.push('---', `title: ${JSON.stringify(mermaidTitle(title))}`, '---', 'flowchart LR');
  for (const line of limitLines(model)) {
    if (line.items) out.push(`  %% ${mermaidText(line.items)}`);
  }
  model.lanes.forEach((lane, i) => {
    out.push(`  subgraph lane${i}["${mermaidText(lane.name)}"]`, '    direction LR');
    for (const node of model.nodes) if (node.lane === i) out.push(`    ${nodeShape(model, node)}`);
    out.push('  end');
  });
  for (const link of model.links) {
    const arrow = link.back ? '-.->' : '-->';
    const label = link.label ? `|"${mermaidText(link.label)}"|` : '';
    out.push(`  ${mermaidId(model.nodes[link.from]!)} ${arrow}${label} ${mermaidId(model.nodes[link.to]!)}`);
  }
  const notCounted = model.nodes.filter((node) => node.kind === 'task' && !node.counted);
  out.push('  classDef notCounted stroke-dasharray: 5 3');
  if (notCounted.length) out.push(`  class ${notCounted.map(mermaidId).join(',')} notCounted`);
  return `${out.join('\n')}\n`;
}

export function renderMermaid(layout: FlowLayout): string {
  return mermaidFromModel(layout.model);
}
