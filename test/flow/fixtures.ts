// The example catalogue, validated once, and helpers to lay out its flows for the renderer tests.
import path from 'node:path';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogue } from '../../src/validate.js';
import { describeFlow, flowInput } from '../../src/flow/model.js';
import { layoutFlow, type FlowLayout } from '../../src/flow/layout.js';
import type { Locale } from '../../src/findings.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const lists = validateCatalogue(new DirectorySource(path.join(ROOT, 'lists'), ROOT), { explicitLocale: 'zh-CN' });
export const flowIdsOfLists = lists.catalogue.sections.flows.map((entry) => entry.value.id);

export function listsLayout(id: string, locale: Locale = 'zh-CN'): FlowLayout {
  const flow = lists.catalogue.flowById.get(id)!.value;
  return layoutFlow(describeFlow(flowInput(lists.catalogue, flow, locale)));
}
