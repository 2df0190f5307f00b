// Flowchart formats by name: each renders a laid-out flow to the text of one file; an unknown name is a usage error.
import type { FlowLayout } from './layout.js';
import { renderSvg } from './svg.js';
import { renderMermaid } from './mermaid.js';
import { renderDot } from './dot.js';
import { renderBpmn } from './bpmn.js';

export interface FlowRenderer {
  /** File name extension, without the dot. */
  extension: string;
  render(layout: FlowLayout): string | Promise<string>;
}

export const renderers: Record<string, FlowRenderer> = {
  svg: { extension: 'svg', render: renderSvg },
  mermaid: { extension: 'mmd', render: renderMermaid },
  dot: { extension: 'dot', render: renderDot },
  bpmn: { extension: 'bpmn', render: renderBpmn },
};

export function getRenderer(name: string): FlowRenderer | undefined {
  return Object.hasOwn(renderers, name) ? renderers[name] : undefined;
}
