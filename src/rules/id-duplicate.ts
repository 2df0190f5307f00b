// id/duplicate: department, law, flow and step ids must be unique, or references to them are ambiguous; an item has
// one responsibility entry, or which one counts (in diff, on the site) would be a guess.
import { defineRule } from './types.js';
import type { Keys } from '../catalogue/model.js';
import { buildGraph } from '../flow/graph.js';

const SECTIONS: Array<Exclude<keyof Keys, 'powers'>> = ['departments', 'laws', 'flows'];

export default defineRule({
  id: 'id/duplicate',
  severity: 'error',
  stage: 'catalogue',
  messages: ['duplicate', 'step', 'responsibility', 'first'],
  *check({ catalogue }) {
    for (const section of SECTIONS) {
      for (const [id, entries] of catalogue.keys[section]) {
        const [first, ...rest] = entries;
        for (const entry of rest) {
          yield {
            ruleId: 'id/duplicate',
            messageId: 'duplicate',
            data: { id, section },
            place: { file: entry.file, path: [...entry.path, 'id'] },
            related: [{ place: { file: first!.file, path: [...first!.path, 'id'] }, messageId: 'first', data: { id } }],
          };
        }
      }
    }
    const responsibilityOf = new Map<string, (typeof catalogue.sections.responsibilities)[number]>();
    for (const entry of catalogue.sections.responsibilities) {
      if (!('power' in entry.value)) continue;
      const code = entry.value.power;
      const first = responsibilityOf.get(code);
      if (!first) {
        responsibilityOf.set(code, entry);
        continue;
      }
      yield {
        ruleId: 'id/duplicate',
        messageId: 'responsibility',
        data: { code },
        place: { file: entry.file, path: [...entry.path, 'power'] },
        related: [{ place: { file: first.file, path: [...first.path, 'power'] }, messageId: 'first', data: { id: code } }],
      };
    }
    for (const flow of catalogue.sections.flows) {
      // The flow's graph (shared with the flow rules) resolves each step id to its first step.
      const { indexById } = buildGraph(flow.value);
      if (indexById.size === flow.value.steps.length) continue;
      for (const [i, step] of flow.value.steps.entries()) {
        const earlier = indexById.get(step.id)!;
        if (earlier === i) continue;
        yield {
          ruleId: 'id/duplicate',
          messageId: 'step',
          data: { id: step.id, flow: flow.value.id },
          place: { file: flow.file, path: [...flow.path, 'steps', i, 'id'] },
          related: [{ place: { file: flow.file, path: [...flow.path, 'steps', earlier, 'id'] }, messageId: 'first', data: { id: step.id } }],
        };
      }
    }
  },
});
