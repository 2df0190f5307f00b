import { describe, expect, it } from 'vitest';
import { check } from '../harness.js';
import { SiteModelBuilder } from '../../src/guide/model.js';
import { lists } from '../flow/fixtures.js';

describe('SiteModelBuilder: what a guide read from the catalogue', () => {
  it('records each lookup a guide makes, the flow’s included, and tells whether they still give the same things', () => {
    const { catalogue } = check({}, 'zh-CN');
    const builder = new SiteModelBuilder(catalogue, 'zh-CN');
    const power = catalogue.sections.powers.map((entry) => entry.value).find((p) => p.flow !== undefined)!;
    const { reads } = builder.recording(() => {
      const flow = builder.flowOf(power);
      return builder.guide(power, flow ? builder.flowModel(flow) : undefined);
    });
    const kinds = new Set(reads.map(([kind]) => kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['children', 'department', 'departments', 'flow', 'law', 'power']));
    expect(reads).toContainEqual(['department', power.department, catalogue.departmentById.get(power.department)!.value]);
    expect(reads).toContainEqual(['flow', power.flow, catalogue.flowById.get(power.flow!)!.value]);
    expect(builder.unchanged(reads)).toBe(true);

    // The same data loaded again is made of other objects: nothing read can be assumed unchanged.
    const again = new SiteModelBuilder(check({}, 'zh-CN').catalogue, 'zh-CN');
    expect(again.unchanged(reads)).toBe(false);
    // Lists (sub-items, the flow's departments) are compared item by item, not as arrays made anew.
    const lists = reads.filter(([kind]) => kind === 'children' || kind === 'departments');
    expect(lists.length).toBeGreaterThan(0);
    expect(builder.unchanged(lists.map(([kind, key, value]) => [kind, key, [...(value as unknown[])]] as const))).toBe(true);
  });

  it('records nothing outside a recording', () => {
    const { catalogue } = check({}, 'zh-CN');
    const builder = new SiteModelBuilder(catalogue, 'zh-CN');
    const power = catalogue.sections.powers[0]!.value;
    builder.guide(power, undefined);
    const { reads } = builder.recording(() => 0);
    expect(reads).toEqual([]);
  });
});

describe('SiteModelBuilder: a guide’s search text', () => {
  const searchTextOf = (code: string) => {
    const { catalogue } = lists;
    const builder = new SiteModelBuilder(catalogue, 'zh-CN');
    return builder.guide(catalogue.powerByCode.get(code)!.value, undefined).searchText;
  };

  it('is the conditions, the materials’ names, the fees’ names and the code, a line each', () => {
    // lists/powers/gaj.yaml: three conditions, three materials, no fees.
    expect(searchTextOf('11339921002541353N4010010000000')).toBe(
      [
        '机动车驾驶证有效期满、记载内容变化或者遗失、损毁',
        '身体条件符合申请相应准驾车型的规定',
        '驾驶证未被依法扣押、扣留或者暂扣',
        '机动车驾驶人身份证明',
        '机动车驾驶人身体条件证明',
        '本人近期免冠证件照片',
        '11339921002541353N4010010000000',
      ].join('\n'),
    );
    // No conditions, three materials and a fee.
    expect(searchTextOf('11339921002541353N4100020000000')).toBe(['居民户口簿', '原居民身份证', '监护人身份证明', '居民身份证工本费', '11339921002541353N4100020000000'].join('\n'));
  });
});
