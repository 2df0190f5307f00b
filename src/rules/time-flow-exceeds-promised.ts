// time/flow-exceeds-promised: the flow as drawn must fit in the time the office promises citizens.
import { defineRule } from './types.js';
import { buildGraph, longestPath } from '../flow/graph.js';
import { countedDuration, toHundredths } from '../flow/time.js';
import { flowPowerCodes } from '../catalogue/walk.js';
import type { Power } from '../schema/definitions.js';

/** The memo's key of a flow's longest way in each unit (one string each, not one made per look-up). */
const LONGEST: Record<Power['time_limit']['unit'], string> = { 'working-days': 'longest:working-days', days: 'longest:days', hours: 'longest:hours' };

export default defineRule({
  id: 'time/flow-exceeds-promised',
  severity: 'warning',
  stage: 'catalogue',
  messages: ['exceeds', 'promise'],
  *check({ catalogue, entries }) {
    for (const flow of catalogue.sections.flows) {
      const graph = buildGraph(flow.value);
      const starts = graph.starts;
      if (starts.length !== 1) continue; // flow/start reports it
      for (const code of flowPowerCodes(flow.value)) {
        const power = catalogue.powerByCode.get(code);
        // A cancelled or suspended item promises nothing any more.
        if (!power || power.value.status === 'cancelled' || power.value.status === 'suspended') continue;
        const { promised, unit } = power.value.time_limit;
        // The flow's longest way depends on the flow and the unit alone: serve keeps it while the flow is unchanged
        // (walking 4,000 flows again was the largest part of the rules' time on each edit).
        const walk = () => longestPath(graph, starts[0]!, (step) => countedDuration(step, unit));
        const longest = entries ? entries.of(LONGEST[unit], flow, walk) : walk();
        const total = toHundredths(longest.total);
        if (total <= promised) continue;
        yield {
          ruleId: 'time/flow-exceeds-promised',
          messageId: 'exceeds',
          data: { flow: flow.value.id, total, promised, unit, path: longest.path.map((i) => graph.steps[i]!.name).join(' → ') },
          place: { file: flow.file, path: [...flow.path, 'steps'], key: true },
          related: [{ place: { file: power.file, path: [...power.path, 'time_limit', 'promised'] }, messageId: 'promise', data: { promised, unit } }],
        };
      }
    }
  },
});
