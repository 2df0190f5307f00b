// The class ids config/unknown-rule checks without loading diff or compare are the registries' ids, in their order
// (the compiler checks the set; the order decides which of two equally close names a typo is told about).
import { describe, expect, it } from 'vitest';
import { changeClasses } from '../../src/diff/registry.js';
import { CHANGE_CLASS_IDS } from '../../src/diff/class-ids.js';
import { divergenceClasses } from '../../src/compare/registry.js';
import { DIVERGENCE_CLASS_IDS } from '../../src/compare/class-ids.js';

describe('class id lists', () => {
  it('are the registries\' ids in the registries\' order', () => {
    expect([...CHANGE_CLASS_IDS]).toEqual(changeClasses.map((c) => c.id));
    expect([...DIVERGENCE_CLASS_IDS]).toEqual(divergenceClasses.map((c) => c.id));
  });
});
