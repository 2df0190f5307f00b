// Which flows of a validated catalogue can be drawn, and their charts: a flow with errors in its own entry is not drawn.
import type { Catalogue, Entry } from '../catalogue/model.js';
import type { Finding, Locale } from '../findings.js';
import type { Flow } from '../schema/definitions.js';
import { describeFlow, flowInput } from './model.js';
import { layoutFlow } from './layout.js';
import type { FlowRenderer } from './index.js';

export interface Chart {
  id: string;
  fileName: string;
  text: string;
}

export interface Refused {
  id: string;
  /** The error findings in the flow's entry that keep it from being drawn. */
  findings: Finding[];
  /** Where the flow is, when the schema check left it out (its findings may be set to warning or off). */
  leftOut?: Pick<Entry<unknown>, 'file' | 'path'>;
}

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/**
 * Errors that make a flow undrawable: any error located in the flow's own entry (no start, an unreachable step, an
 * unknown department or step…), except time-limit findings — a flow slower than its promise can still be drawn,
 * and the chart shows why.
 */
export function blockingFindings(findings: readonly Finding[], entry: Pick<Entry<unknown>, 'file' | 'path'>): Finding[] {
  return findings.filter((finding) => finding.severity === 'error' && !finding.ruleId.startsWith('time/') && finding.file === entry.file && startsWith(finding.path, entry.path));
}

/** Every flow id in the catalogue, valid or not, in catalogue order. */
export function flowIds(catalogue: Catalogue): string[] {
  return [...catalogue.keys.flows.keys()];
}

export async function drawFlows(
  catalogue: Catalogue,
  findings: readonly Finding[],
  ids: readonly string[],
  renderer: FlowRenderer,
  locale: Locale,
): Promise<{ charts: Chart[]; refused: Refused[] }> {
  const charts: Chart[] = [];
  const refused: Refused[] = [];
  for (const id of ids) {
    // The first entry with the id is the flow (a later duplicate is reported by id/duplicate, at its own place).
    const entry = catalogue.keys.flows.get(id)?.[0];
    if (!entry) continue;
    const blocking = blockingFindings(findings, entry);
    const valid = catalogue.flowById.get(id);
    if (blocking.length || !valid || valid.file !== entry.file) {
      refused.push({ id, findings: blocking, ...(!blocking.length && !valid ? { leftOut: { file: entry.file, path: entry.path } } : {}) });
      continue;
    }
    const layout = layoutFlow(describeFlow(flowInput(catalogue, (valid as Entry<Flow>).value, locale)));
    charts.push({ id, fileName: `${id}.${renderer.extension}`, text: await renderer.render(layout) });
  }
  return { charts, refused };
}
