// Phase one: which items are the same item when basic codes alone do not say.
import { describe, expect, it } from 'vitest';
import { matchPeers, matchToReference, type OfficeItems } from '../../src/compare/match.js';
import type { Entry } from '../../src/catalogue/model.js';
import type { Power } from '../../src/schema/definitions.js';

function office(index: number, items: Array<[string, string]>): OfficeItems {
  const map = new Map<string, Entry<Power>[]>();
  items.forEach(([basic, name], i) => {
    const entry = { value: { code: `${index}-${i}-${basic}`, name } as Power, file: `o${index}.yaml`, path: ['powers', i] };
    map.set(basic, [...(map.get(basic) ?? []), entry]);
  });
  return { index, items: map };
}

const names = (rows: ReturnType<typeof matchPeers>) => rows.map((r) => [r.basicCode, r.name, Object.fromEntries([...r.items].map(([o, e]) => [o, e.map((x) => x.value.name)]))]);

describe('matching items across offices', () => {
  it('tells apart items that share a basic code by name, identical or loosely equal', () => {
    const reference = office(0, [['010010000000', '机动车驾驶证核发'], ['010010000000', '食品经营许可']]);
    const local = office(1, [['010010000000', '《食品经营许可》'], ['010010000000', '机动车驾驶证核发']]);
    const { rows, extra } = matchToReference(reference, [local]);
    expect(names(rows)).toEqual([
      ['010010000000', '机动车驾驶证核发', { 1: ['机动车驾驶证核发'] }],
      ['010010000000', '食品经营许可', { 1: ['《食品经营许可》'] }],
    ]);
    expect(extra).toEqual([]);
  });

  it('pairs the one item left on each side under a code: the same item, renamed', () => {
    const { rows } = matchToReference(office(0, [['020010000000', '对违法行为的处罚']]), [office(1, [['020010000000', '对违反某条例行为的处罚']])]);
    expect(rows[0]!.items.get(1)!.map((e) => e.value.name)).toEqual(['对违反某条例行为的处罚']);
  });

  it('makes extra rows for what is left, shared by offices with the same code and name', () => {
    const { rows, extra } = matchToReference(office(0, [['010010000000', 'A'], ['010010000000', 'B']]), [
      office(1, [['010010000000', 'C'], ['090010000000', 'Z']]),
      office(2, [['010010000000', 'C'], ['010010000000', 'A']]),
    ]);
    expect(names(rows)).toEqual([['010010000000', 'A', { 2: ['A'] }], ['010010000000', 'B', {}]]);
    expect(names(extra)).toEqual([['010010000000', 'C', { 1: ['C'], 2: ['C'] }], ['090010000000', 'Z', { 1: ['Z'] }]]);
  });

  it('keeps one item listed for several bodies on one row', () => {
    const { rows, extra } = matchToReference(office(0, [['110010000000', '义务教育入学']]), [office(1, [['110010000000', '义务教育入学'], ['110010000000', '义务教育入学']])]);
    expect(rows[0]!.items.get(1)).toHaveLength(2);
    expect(extra).toEqual([]);
  });

  it('builds peer rows in the order first seen', () => {
    const rows = matchPeers([office(0, [['1', 'A']]), office(1, [['2', 'B'], ['1', 'A']]), office(2, [['1', 'A（复印件）']])]);
    expect(names(rows)).toEqual([['1', 'A', { 0: ['A'], 1: ['A'], 2: ['A（复印件）'] }], ['2', 'B', { 1: ['B'] }]]);
  });
});
